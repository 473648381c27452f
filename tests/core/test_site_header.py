"""The layout's header and footer come from a per-process store of rendered shapes
(bifrost/core/templatetags/layout.py): the page must read exactly as if the partials
were included, for every kind of visitor, and nothing of one person may show up on
another's page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from bifrost.accounts.models import Role
from bifrost.core.models import Notification
from bifrost.core.templatetags import layout
from tests.factories import (
    FacilitatorOrgFactory,
    MembershipFactory,
    UserFactory,
    advisor,
    facilitator,
    smv_owner,
)

ENGINE = engines["django"]
INCLUDED = ENGINE.from_string(
    '{% include "partials/header.html" %}|{% include "partials/footer.html" %}'
)
SHAPED = ENGINE.from_string("{% load layout %}{% site_header %}|{% site_footer %}")


def _request(user, path="/dashboard/"):
    request = RequestFactory().get(path)
    request.user = user
    request.session = {}
    return request


def _both(request) -> tuple[str, str]:
    # Each rendering reads the roles afresh, as a new request would.
    if hasattr(request.user, "_bifrost_roles"):
        del request.user._bifrost_roles
    expected = INCLUDED.render({}, request)
    got = SHAPED.render({}, request)
    return _without_csrf(expected), _without_csrf(got), got


def _without_csrf(html: str) -> str:
    # get_token() masks the secret afresh each call: compare the rest, check the token apart.
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)


def _notify(user, n: int) -> None:
    Notification.objects.bulk_create(
        Notification(recipient=user, kind="test", title=f"t{i}", link="/", cause=f"c{user.pk}-{i}")
        for i in range(n)
    )


@pytest.fixture(autouse=True)
def _fresh_shapes():
    layout._shapes.clear()
    yield
    layout._shapes.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("unread", [0, 1, 3, 1234])
@pytest.mark.parametrize("make", [smv_owner, advisor, facilitator, UserFactory])
def test_the_header_reads_as_the_included_partial(make, unread, language):
    user = make()
    _notify(user, unread)
    with translation.override(language):
        for path in ("/dashboard/", "/logbook/", '/knowledge/?q=<b>"stress"&x=1'):
            expected, got, raw = _both(_request(user, path))
            assert got == expected
            assert 'name="csrfmiddlewaretoken"' in raw
            # Second time from the store: the same page.
            expected, got, _ = _both(_request(user, path))
            assert got == expected


@pytest.mark.django_db
def test_anonymous_and_error_pages_read_as_the_included_partial():
    for context in ({}, {"error_page": True}):
        request = _request(AnonymousUser(), "/knowledge/principper/?x=<y>")
        expected = INCLUDED.render(context, request)
        assert SHAPED.render(context, request) == expected
        assert SHAPED.render(context, request) == expected
    # The 500 page renders without a request at all.
    assert SHAPED.render({"error_page": True}) == INCLUDED.render({"error_page": True})


@pytest.mark.django_db
def test_one_persons_number_path_and_token_never_reach_anothers_header():
    first, second = smv_owner(), smv_owner()
    _notify(first, 7)
    _notify(second, 42)
    one = SHAPED.render({}, _request(first, "/logbook/1/?q=first-secret"))
    two = SHAPED.render({}, _request(second, "/logbook/2/"))
    assert len(layout._shapes) == 2  # the header's one shape and the footer: reused
    assert ">7<" in one and ">42<" in two
    assert ">7<" not in two and "first-secret" not in two
    assert "/logbook/2/" in two and "/logbook/2/" not in one


@pytest.mark.django_db
def test_roles_change_the_navigation_not_a_stale_shape():
    person = UserFactory()
    before = SHAPED.render({}, _request(person))
    MembershipFactory(user=person, role=Role.FACILITATOR, organisation=FacilitatorOrgFactory())
    person = type(person).objects.get(pk=person.pk)  # a new request's user
    after = SHAPED.render({}, _request(person))
    assert "Organisations" not in before and "Organisationer" not in before
    assert "Organisationer" in after or "Organisations" in after


@pytest.mark.django_db
def test_the_header_costs_one_query_for_roles_and_bell(django_assert_num_queries):
    person = advisor()
    _notify(person, 2)
    SHAPED.render({}, _request(person))  # the shape is stored
    person = type(person).objects.get(pk=person.pk)
    with django_assert_num_queries(1):
        html = SHAPED.render({}, _request(person))
    assert ">2<" in html
