"""Reading a logbook from outside the company is recorded every time, even though the
page could be kept (bifrost/core/viewer_cache.py never skips a view that writes)."""

from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry, Membership
from bifrost.core.models import Notification


def test_every_read_of_an_entry_is_logged_however_often_it_is_opened(client, logbook, entry, case):
    client.force_login(case.advisor)
    url = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    for _ in range(5):
        assert client.get(url).status_code == 200
    assert AccessLogEntry.objects.filter(object_kind="entry", object_id=entry.pk).count() == 5


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
