"""The notification service: one row per person and cause, in the caller's
transaction; e-mail per person per kind: immediately, in the daily digest, or off."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from bifrost.core.notifications import kinds, selectors, services
from bifrost.core.tasks import send_notification_digests
from tests import factories

pytestmark = pytest.mark.django_db


def _notify(kind, recipients, cause="thing:1", **kwargs):
    return services.notify(
        kind=kind,
        recipients=recipients,
        link="/programme/",
        cause=cause,
        title_template="%(person)s did something",
        context={"person": "Rie Rådgiver"},
        **kwargs,
    )


def _prefer(user, kind, mode):
    NotificationPreference.objects.create(user=user, kind=kind, mode=mode)


def test_notify_makes_one_row_per_person_and_cause(test_kind):
    """A retried call (a task run twice) makes no second row."""
    one, two = factories.UserFactory(), factories.UserFactory()
    assert len(_notify(test_kind, [one, two])) == 2
    assert _notify(test_kind, [one, two]) == []
    assert Notification.objects.count() == 2
    row = Notification.objects.get(recipient=one)
    assert (row.kind, row.title, row.link, row.read_at) == (
        test_kind,
        "Rie Rådgiver did something",
        "/programme/",
        None,
    )


def test_notify_skips_the_excluded_and_inactive_and_duplicates(test_kind):
    actor, inactive, other = (
        factories.UserFactory(),
        factories.UserFactory(is_active=False),
        factories.UserFactory(),
    )
    made = _notify(test_kind, [actor, inactive, other, other, None], exclude=[actor])
    assert [n.recipient for n in made] == [other]


def test_notify_refuses_unregistered_kinds_and_foreign_links(test_kind):
    user = factories.UserFactory()
    with pytest.raises(LookupError):
        _notify("no_such_kind", [user])
    for link in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            services.notify(
                kind=test_kind, recipients=[user], link=link, cause="c", title_template="t"
            )
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_cause_notifies_no_one(test_kind):
    user = factories.UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify(test_kind, [user])
        raise RuntimeError
    assert not Notification.objects.exists()


def test_immediate_mode_writes_one_email_keyed_by_the_notification(test_kind):
    user = factories.UserFactory()
    _prefer(user, test_kind, "immediate")
    (row,) = _notify(test_kind, [user])
    _notify(test_kind, [user])
    email = OutboxEmail.objects.get()
    assert email.key == f"notification:{row.pk}"
    assert email.to == [user.email]
    assert email.subject == "Rie Rådgiver did something"
    assert f"/notifications/{row.pk}/open/" in email.body
    row.refresh_from_db()
    assert row.emailed_at is not None
    # Nothing left for the digest.
    assert send_notification_digests() == 0
    assert OutboxEmail.objects.count() == 1


def test_digest_mode_sends_nothing_now_and_one_digest_a_day(test_kind):
    user = factories.UserFactory()  # no choice made: the default, digest
    _notify(test_kind, [user], cause="a")
    _notify(test_kind, [user], cause="b")
    assert not OutboxEmail.objects.exists()
    assert send_notification_digests() == 1
    email = OutboxEmail.objects.get()
    assert email.key == f"digest:{user.pk}:{timezone.localdate().isoformat()}"
    assert email.body.count("Rie Rådgiver did something") == 2
    assert send_notification_digests() == 0  # the second run sends nothing
    # Something new the same day waits for tomorrow's digest.
    _notify(test_kind, [user], cause="c")
    assert send_notification_digests() == 0
    tomorrow = timezone.now() + timedelta(days=1)
    assert services.digests_send(now=tomorrow) == 1
    assert OutboxEmail.objects.count() == 2


def test_off_mode_sends_no_email_at_all(test_kind):
    user = factories.UserFactory()
    _prefer(user, test_kind, "off")
    _notify(test_kind, [user])
    assert send_notification_digests() == 0
    assert not OutboxEmail.objects.exists()
    assert Notification.objects.filter(recipient=user).count() == 1  # still in the app


def test_digest_leaves_out_what_was_read_already(test_kind):
    user = factories.UserFactory()
    (row,) = _notify(test_kind, [user])
    services.notification_mark_read(notification=row)
    assert send_notification_digests() == 0


def test_a_kind_registered_as_off_by_default_sends_no_email():
    kind = kinds.register_kind("quiet_kind", "Quiet", default_mode="off")
    try:
        user = factories.UserFactory()
        _notify(kind.key, [user])
        assert services.digests_send() == 0
        assert selectors.modes_of(user)["quiet_kind"] == "off"
    finally:
        kinds._kinds.pop(kind.key)


def test_unread_count_runs_one_query_whatever_the_number(test_kind, django_assert_num_queries):
    user = factories.UserFactory()
    _notify(test_kind, [user], cause="only")
    with django_assert_num_queries(1):
        assert selectors.unread_count(user) == 1
    for number in range(49):
        _notify(test_kind, [user], cause=f"more:{number}")
    with django_assert_num_queries(1):
        assert selectors.unread_count(user) == 50


def test_mark_all_read_only_touches_the_persons_own(test_kind):
    one, two = factories.UserFactory(), factories.UserFactory()
    _notify(test_kind, [one, two])
    assert services.notifications_mark_all_read(user=one) == 1
    assert selectors.unread_count(one) == 0
    assert selectors.unread_count(two) == 1


def test_preferences_save_refuses_unknown_kinds_and_modes(test_kind):
    user = factories.UserFactory()
    services.notification_preferences_save(user=user, modes={test_kind: "immediate"})
    services.notification_preferences_save(user=user, modes={test_kind: "off"})
    assert selectors.modes_of(user)[test_kind] == "off"
    with pytest.raises(LookupError):
        services.notification_preferences_save(user=user, modes={"nope": "off"})
    with pytest.raises(ValueError):
        services.notification_preferences_save(user=user, modes={test_kind: "hourly"})
