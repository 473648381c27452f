"""Shared query expressions: counts as subqueries, and a layout read compiled once."""

import pytest
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bifrost.accounts.models import Membership, Role, User
from bifrost.accounts.selectors import _roles_and_unread_count
from bifrost.core.models import Notification
from bifrost.core.queries import CompiledRow, count_of
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


def _notify(user, n, *, read=False):
    for i in range(n):
        Notification.objects.create(
            recipient=user,
            kind="test",
            title="t",
            link="/",
            cause=f"c{user.pk}-{read}-{i}",
            read_at=timezone.now() if read else None,
        )


def test_count_of_counts_each_rows_own_and_gives_0_for_none():
    busy, quiet = factories.UserFactory(), factories.UserFactory()
    _notify(busy, 3)
    _notify(busy, 2, read=True)
    unread = count_of(Notification.objects.filter(read_at__isnull=True), "recipient")
    counted = dict(User.objects.filter(pk__in=[busy.pk, quiet.pk]).values_list("pk", unread))
    assert counted == {busy.pk: 3, quiet.pk: 0}


def test_a_compiled_row_answers_like_the_orm_for_each_value():
    first = factories.smv_owner()
    second = factories.facilitator()
    Membership.objects.create(
        user=second, organisation=factories.AdvisoryUnitFactory(), role=Role.ADVISOR
    )
    _notify(second, 4)
    assert _roles_and_unread_count(first.pk) == ("smv_owner", 0)
    roles, unread = _roles_and_unread_count(second.pk)
    assert sorted(roles.split(",")) == ["advisor", "facilitator"] and unread == 4
    assert _roles_and_unread_count(first.pk + second.pk + 1000) == ("", 0)  # no such user


def test_a_compiled_row_is_built_once_and_is_one_query(monkeypatch):
    builds = []

    def build(value):
        builds.append(value)
        return User.objects.filter(pk=value).values_list("email", Value(1))

    row = CompiledRow(build)
    users = [factories.UserFactory() for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        found = [row.get(user.pk) for user in users]
    assert found == [(user.email, 1) for user in users]
    assert len(builds) == 1 and len(queries) == 3


def test_a_query_that_ignores_its_value_is_refused():
    row = CompiledRow(lambda value: User.objects.values_list("pk"))
    with pytest.raises(ValueError):
        row.get(1)
