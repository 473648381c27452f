"""A person's own pages kept per session until what they read changes
(bifrost/core/viewer_cache.py, bifrost/core/table_versions.py)."""

import re
import time
from types import SimpleNamespace

import pytest
from django.contrib import messages
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bifrost.core import table_versions, viewer_cache
from bifrost.core.models import Notification
from tests import factories

LIST = reverse("core:notifications")


def _notify(user, title: str) -> Notification:
    return Notification.objects.create(
        recipient=user, kind="test", title=title, link="/", cause=title
    )


def _get(client, url=LIST):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def _without_token(html: str) -> str:
    # Each rendering masks the (same) CSRF secret afresh.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def _warm(client, url=LIST):
    """The first visits learn which tables the view reads; the next one is kept."""
    for _ in range(3):
        _get(client, url)


@pytest.fixture
def person(client, db):
    person = factories.smv_owner()
    client.force_login(person)
    return person


def test_a_repeated_visit_is_answered_from_the_cache_with_the_same_page(client, person):
    _notify(person, "Mødet er flyttet")
    first, built = _get(client)
    _warm(client)
    again, kept = _get(client)
    assert _without_token(again.text) == _without_token(first.text)
    assert kept < built
    assert kept <= 3  # the session, the user, the roles (two-factor check)


def test_a_write_to_what_the_page_read_shows_at_once(client, person):
    _notify(person, "Første besked")
    _warm(client)
    _notify(person, "Anden besked")
    response, _ = _get(client)
    assert "Anden besked" in response.text
    # A bulk update (no model signal) is seen too.
    Notification.objects.filter(recipient=person).update(title="Omdøbt besked")
    response, _ = _get(client)
    assert "Omdøbt besked" in response.text and "Anden besked" not in response.text
    # And raw SQL.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_notification SET title = %s WHERE recipient_id = %s", ["Rå", person.pk]
        )
    response, _ = _get(client)
    assert "Omdøbt besked" not in response.text


def test_nobody_else_and_no_other_session_gets_the_kept_page(client, person):
    _notify(person, "Kun til dig")
    _warm(client)
    other = factories.smv_owner()
    _notify(other, "Til den anden")
    client.force_login(other)
    response, _ = _get(client)
    assert "Til den anden" in response.text and "Kun til dig" not in response.text
    # The same person in a new session builds the page afresh (a login starts clean).
    client.force_login(person)
    _, built = _get(client)
    assert built > 3


def test_a_deactivated_person_is_never_served_the_kept_page(client, person):
    _warm(client)
    person.is_active = False
    person.save()
    response = client.get(LIST)
    assert response.status_code == 302  # to the login: the user row changed


def test_a_flash_message_is_shown_not_hidden_behind_the_kept_page(client, person):
    _warm(client)
    # The next page carries a message (as after a form was sent), kept in the session.
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    storage = SessionStorage(request)
    storage.add(messages.SUCCESS, "Gemt og klar")
    storage.update(HttpResponse())
    session.save()
    shown, _ = _get(client)
    assert "Gemt og klar" in shown.text
    # …and the page that showed it was not kept: the next visit has no message.
    after, _ = _get(client)
    assert "Gemt og klar" not in after.text


def test_nothing_is_kept_or_served_while_redis_is_down(client, person, monkeypatch):
    _warm(client)
    backend = type(caches["default"])
    monkeypatch.setattr(backend, "redis_down", property(lambda self: True), raising=False)
    _, built = _get(client)
    assert built > 3


def test_switched_off_every_page_is_built(client, person, settings):
    _warm(client)
    settings.VIEWER_CACHE_SECONDS = 0
    _, built = _get(client)
    assert built > 3


def test_table_versions_change_on_every_kind_of_write(db):
    person = factories.UserFactory()
    before = table_versions.versions(["core_notification"])["core_notification"]
    _notify(person, "ny")
    after_insert = table_versions.versions(["core_notification"])["core_notification"]
    assert after_insert != before
    Notification.objects.filter(recipient=person).update(title="x")
    after_update = table_versions.versions(["core_notification"])["core_notification"]
    assert after_update != after_insert
    Notification.objects.filter(recipient=person).delete()
    assert table_versions.versions(["core_notification"])["core_notification"] != after_update


def test_the_tables_a_block_reads_and_writes_are_collected(db):
    person = factories.UserFactory()
    with table_versions.tracking() as tracked:
        list(Notification.objects.filter(recipient=person).select_related("recipient"))
    assert {"core_notification", "accounts_user"} <= tracked.read
    assert not tracked.written
    with table_versions.tracking() as tracked:
        _notify(person, "skrevet")
    assert tracked.written == {"core_notification"}


@pytest.mark.django_db(transaction=True)
def test_a_commit_changes_the_version_once_more(monkeypatch):
    from django.db import transaction

    person = factories.UserFactory()
    changes = []
    original = table_versions.change
    monkeypatch.setattr(table_versions, "change", lambda tables: changes.append(set(tables)))
    with transaction.atomic():
        _notify(person, "a")
        _notify(person, "b")
        assert changes == [{"core_notification"}, {"core_notification"}]  # at once, each
    # …and once more for the transaction when it commits, however many rows it wrote.
    assert changes == [{"core_notification"}] * 3
    monkeypatch.setattr(table_versions, "change", original)


def test_an_entry_older_than_the_limit_is_built_again(client, person, monkeypatch):
    _warm(client)
    _, kept = _get(client)
    assert kept <= 3
    later = time.time() + 61
    monkeypatch.setattr(viewer_cache, "time", SimpleNamespace(time=lambda: later))
    _, built = _get(client)
    assert built > 3


DASHBOARD = reverse("dashboard")


def test_a_dashboard_reload_is_kept_and_another_persons_visit_does_not_empty_it(client, person):
    other_client = type(client)()
    other_client.force_login(factories.smv_owner())  # a login writes the user table
    _warm(client, DASHBOARD)  # the first look begins the visit (a write), the next are kept
    _, kept = _get(client, DASHBOARD)
    assert kept <= 3
    # Someone else begins a visit of their own: their row, not a table this page read.
    _get(other_client, DASHBOARD)
    _, kept = _get(client, DASHBOARD)
    assert kept <= 3


def test_someone_signing_in_does_not_empty_the_kept_pages(client, person):
    from django.contrib.auth.models import update_last_login

    other = factories.smv_owner()
    _warm(client)
    _, kept = _get(client)
    assert kept <= 3
    update_last_login(None, other)  # a sign-in elsewhere stamps last_login
    _, kept = _get(client)
    assert kept <= 3
    # Any other change to a person still counts: the page is built again.
    other.full_name = "Nyt Navn"
    other.save(update_fields=["full_name", "last_login"])
    _, built = _get(client)
    assert built > 3


def _notify_through_the_service(user, cause: str):
    from bifrost.core.notifications import kinds
    from bifrost.core.notifications.services import notify

    kind = kinds.all_kinds()[0].key
    return notify(kind=kind, recipients=[user], link="/", cause=cause, title_template="Nyt i sagen")


def test_a_notification_to_someone_else_keeps_my_page_one_to_me_shows_at_once(client, person):
    someone = factories.smv_owner()
    _warm(client)
    _, kept = _get(client)
    assert kept <= 3
    _notify_through_the_service(someone, "andres:1")
    _, kept = _get(client)
    assert kept <= 3  # their bell, not mine
    _notify_through_the_service(person, "mine:1")
    response, built = _get(client)
    assert built > 3
    assert "Nyt i sagen" in response.text  # my list and bell show it at once


def test_marking_read_empties_only_the_readers_pages(client, person):
    from bifrost.core.notifications.services import notifications_mark_all_read

    someone = factories.smv_owner()
    _notify_through_the_service(someone, "andres:2")
    _warm(client)
    notifications_mark_all_read(user=someone)
    _, kept = _get(client)
    assert kept <= 3
    _notify_through_the_service(person, "mine:2")
    _warm(client)
    notifications_mark_all_read(user=person)
    _, built = _get(client)
    assert built > 3


def test_a_write_to_notifications_outside_the_services_empties_every_kept_page(client, person):
    someone = factories.smv_owner()
    _notify(someone, "direkte")
    _warm(client)
    Notification.objects.filter(recipient=someone).delete()  # not said whose: the table's
    _, built = _get(client)
    assert built > 3
