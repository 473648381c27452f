"""Reading a logbook from outside the company is recorded every time, also when the
page is served from the viewer cache (bifrost/core/viewer_cache.py makes the
access-log row again on each replay, for that request's person and address)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry, Membership
from bifrost.core.models import Notification


def _without_token(html: str) -> str:
    # Each rendering masks the (same) CSRF secret afresh.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_every_read_of_an_entry_is_logged_however_often_it_is_opened(client, logbook, entry, case):
    client.force_login(case.advisor)
    url = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    first = client.get(url)
    for address in ("10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url, REMOTE_ADDR=address)
        assert again.status_code == 200
    # The last reads were the kept page (the session, the user, the roles, the row).
    assert len(queries) <= 4
    assert _without_token(again.text) == _without_token(first.text)
    rows = AccessLogEntry.objects.filter(object_kind="entry", object_id=entry.pk)
    assert rows.count() == 5
    last = rows.order_by("-pk").first()
    assert (last.user, last.organisation, last.action) == (
        case.advisor,
        logbook.company,
        AccessLogEntry.Action.READ,
    )
    assert last.ip_address == "10.0.0.5"


def test_a_kept_outsider_page_is_not_served_after_the_reader_lost_access(
    client, logbook, entry, case
):
    client.force_login(case.advisor)
    url = reverse("logbook:detail", args=[logbook.pk])
    for _ in range(4):
        assert client.get(url).status_code == 200
    case.advisor.memberships.all().delete()
    assert client.get(url).status_code == 404


def test_a_kept_page_is_not_served_after_the_reader_lost_access(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    for _ in range(4):  # the owner's own reads are not logged: the page is kept
        assert client.get(url).status_code == 200
    Membership.objects.filter(user=owner).delete()
    assert client.get(url).status_code == 404


def test_a_new_notification_shows_in_the_bell_of_a_kept_page(client, logbook, owner, settings):
    # With two-factor required (as in production) the bell's count is read before the
    # view runs, with the roles the middleware asks for: not by the view itself.
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = True
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    for _ in range(4):
        assert "Notifikationer, 0 ulæste" in client.get(url).text
    Notification.objects.create(recipient=owner, kind="test", title="Ny", link="/", cause="Ny")
    assert "Notifikationer, 1 ulæst" in client.get(url).text
