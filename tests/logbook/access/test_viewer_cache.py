"""Reading a logbook from outside the company is recorded every time, even though the
page could be kept (bifrost/core/viewer_cache.py never skips a view that writes)."""

from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry, Membership


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
