"""A comment notifies the entry's author and the company's people, never the
commenter, once per comment; neither the entry's nor the comment's text travels."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from logbook.entries import notifications, services
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "Jeg har haft angst hele ugen"


def test_the_advisors_comment_tells_the_company_once(logbook, entry, case, owner):
    colleague = factories.smv_owner(organisation=logbook.company)
    comment = services.comment_add(entry=entry, by=case.advisor, text=SECRET)
    rows = Notification.objects.filter(kind="logbook_comment", cause=f"comment:{comment.pk}")
    assert set(rows.values_list("recipient", flat=True)) == {owner.pk, colleague.pk}
    row = rows.get(recipient=owner)
    assert row.link == reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    assert SECRET not in row.title and entry.title not in row.title
    assert logbook.company.name in row.title


def test_the_commenter_is_not_told_of_their_own_comment(logbook, entry, owner):
    services.comment_add(entry=entry, by=owner, text="Note til mig selv")
    assert not Notification.objects.filter(recipient=owner).exists()


def test_an_immediate_email_carries_no_logbook_text(logbook, entry, case, owner):
    NotificationPreference.objects.create(user=owner, kind="logbook_comment", mode="immediate")
    services.comment_add(entry=entry, by=case.advisor, text=SECRET)
    email = OutboxEmail.objects.get(to=[owner.email])
    assert email.key.startswith("notification:")
    for text in (SECRET, entry.title, entry.body):
        assert text not in email.subject and text not in email.body


def test_a_retried_comment_notification_makes_no_second_row(logbook, entry, case, owner):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    notifications.comment_added(comment=comment)  # e.g. a retried task
    assert Notification.objects.filter(kind="logbook_comment", recipient=owner).count() == 1
