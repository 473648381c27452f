"""The bell, the list, marking read and opening: only the recipient reaches a
notification (404 for anyone else), and opening never leaves the site."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification
from bifrost.core.notifications import services
from tests import factories

pytestmark = pytest.mark.django_db


def _notify(kind, user, cause="thing:1", link="/programme/"):
    (row,) = services.notify(
        kind=kind,
        recipients=[user],
        link=link,
        cause=cause,
        title_template="Something about %(company)s",
        context={"company": "Lokalavisen ApS"},
    )
    return row


def test_list_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("core:notifications"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_list_shows_the_persons_own_newest_first_paginated(client, test_kind):
    user, other = factories.UserFactory(), factories.UserFactory()
    for number in range(30):
        _notify(test_kind, user, cause=f"c{number}")
    _notify(test_kind, other, cause="theirs")
    client.force_login(user)
    first = client.get(reverse("core:notifications"))
    assert first.status_code == 200
    assert list(first.context["page"].object_list) == list(
        Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:25]
    )
    second = client.get(reverse("core:notifications"), {"page": 2})
    assert len(second.context["page"].object_list) == 5
    assert all(n.recipient == user for n in second.context["page"].object_list)


def test_list_queries_stay_constant(client, test_kind, django_assert_max_num_queries):
    user = factories.UserFactory()
    client.force_login(user)
    _notify(test_kind, user, cause="first")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("core:notifications"))
    for number in range(60):
        _notify(test_kind, user, cause=f"more{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("core:notifications"))


def test_the_bell_shows_the_unread_count_with_an_accessible_name(client, test_kind, english):
    user = factories.UserFactory()
    client.force_login(user)
    page = client.get(reverse("core:notifications")).text
    assert "Notifications, 0 unread" in page
    for number in range(3):
        _notify(test_kind, user, cause=f"c{number}")
    page = client.get(reverse("dashboard")).text
    assert "Notifications, 3 unread" in page
    assert reverse("core:notifications") in page


def test_no_bell_for_anonymous_visitors(client):
    page = client.get(reverse("front_page")).text
    assert reverse("core:notifications") not in page


def test_mark_one_read_only_for_the_recipient(client, test_kind):
    user, other = factories.UserFactory(), factories.UserFactory()
    row = _notify(test_kind, user)
    url = reverse("core:notification_read", args=[row.pk])
    client.force_login(other)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    client.force_login(user)
    assert client.post(url)["Location"] == reverse("core:notifications")
    row.refresh_from_db()
    assert row.read_at is not None


def test_mark_all_read(client, test_kind):
    user = factories.UserFactory()
    for number in range(3):
        _notify(test_kind, user, cause=f"c{number}")
    client.force_login(user)
    response = client.post(reverse("core:notifications_read_all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_open_marks_read_and_goes_to_the_link(client, test_kind):
    user = factories.UserFactory()
    row = _notify(test_kind, user, link="/programme/meetings/4/")
    client.force_login(user)
    response = client.get(reverse("core:notification_open", args=[row.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/programme/meetings/4/"
    row.refresh_from_db()
    assert row.read_at is not None


def test_open_is_404_for_anyone_but_the_recipient(client, test_kind):
    row = _notify(test_kind, factories.UserFactory())
    client.force_login(factories.UserFactory())
    assert client.get(reverse("core:notification_open", args=[row.pk])).status_code == 404
    assert client.get(reverse("core:notification_open", args=[row.pk + 99])).status_code == 404
    row.refresh_from_db()
    assert row.read_at is None


@pytest.mark.parametrize(
    "link", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:/x"]
)
def test_open_never_redirects_off_the_site(client, test_kind, link):
    """Even a row written past the service (an old or tampered row) stays local."""
    user = factories.UserFactory()
    row = Notification.objects.create(
        recipient=user, kind=test_kind, title="t", link=link, cause="tampered"
    )
    client.force_login(user)
    response = client.get(reverse("core:notification_open", args=[row.pk]))
    assert response["Location"] == reverse("core:notifications")


def test_the_bell_speaks_danish_by_default(client, test_kind):
    user = factories.UserFactory()
    client.force_login(user)
    for number in range(3):
        _notify(test_kind, user, cause=f"c{number}")
    page = client.get(reverse("dashboard")).text
    assert "Notifikationer, 3 ulæste" in page
    _notify(test_kind, factories.UserFactory(), cause="other")
    services.notifications_mark_all_read(user=user)
    _notify(test_kind, user, cause="one more")
    assert "Notifikationer, 1 ulæst" in client.get(reverse("dashboard")).text
