"""A comment or reply on an entry tells the other side (and the author of the comment
answered), once per comment, never its writer; neither the entry's nor the
comment's text travels, in the title or in the e-mail."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from logbook.comments import notifications, services
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "Jeg har haft angst hele ugen"
KIND = "logbook_comment"


def _told(comment) -> set[int]:
    return set(
        Notification.objects.filter(kind=KIND, cause=f"comment:{comment.pk}").values_list(
            "recipient", flat=True
        )
    )


def test_the_advisors_comment_tells_the_company_once(logbook, entry, case, owner):
    colleague = factories.smv_owner(organisation=logbook.company)
    comment = services.comment_add(entry=entry, by=case.advisor, text=SECRET)
    assert _told(comment) == {owner.pk, colleague.pk}
    row = Notification.objects.get(recipient=owner)
    url = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    assert row.link == f"{url}#comment-{comment.pk}"
    assert SECRET not in row.title and entry.title not in row.title
    assert logbook.company.name in row.title and case.advisor.get_full_name() in row.title


def test_the_companys_comment_tells_the_advisor_not_the_colleagues(logbook, entry, case, owner):
    factories.smv_owner(organisation=logbook.company)
    comment = services.comment_add(entry=entry, by=owner, text="Vores tanker")
    assert _told(comment) == {case.advisor.pk}


def test_a_reply_tells_the_other_side_and_the_author_answered(logbook, entry, case, owner):
    colleague = factories.smv_owner(organisation=logbook.company)
    comment = services.comment_add(entry=entry, by=colleague, text="Første tanke")
    reply = services.comment_add(entry=entry, by=owner, text="Enig", parent=comment)
    assert _told(reply) == {case.advisor.pk, colleague.pk}
    title = Notification.objects.get(recipient=colleague, cause=f"comment:{reply.pk}").title
    assert owner.get_full_name() in title and logbook.company.name in title


def test_the_advisor_is_not_told_once_the_company_stops_sharing(logbook, entry, case, owner):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    logbook.share_with_advisor = False
    logbook.save()
    reply = services.comment_add(entry=entry, by=owner, text="Tak", parent=comment)
    assert _told(reply) == set()


def test_the_commenter_is_never_told_of_their_own_comment(logbook, entry, owner, case):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    services.comment_add(entry=entry, by=case.advisor, text="Og en ting mere", parent=comment)
    assert not Notification.objects.filter(recipient=case.advisor).exists()


def test_a_retried_notification_makes_no_second_row(logbook, entry, case, owner):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    notifications.comment_added(comment=comment)  # e.g. a retried task
    assert Notification.objects.filter(kind=KIND, recipient=owner).count() == 1


def test_an_edit_tells_nobody(logbook, entry, case, owner):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    services.comment_edit(comment=comment, by=case.advisor, text="Rigtig godt")
    assert Notification.objects.count() == 1


def test_immediate_emails_carry_no_logbook_or_comment_text(logbook, entry, case, owner):
    for user in (owner, case.advisor):
        NotificationPreference.objects.create(user=user, kind=KIND, mode="immediate")
    comment = services.comment_add(entry=entry, by=case.advisor, text=SECRET)
    services.comment_add(entry=entry, by=owner, text=SECRET, parent=comment)
    emails = list(OutboxEmail.objects.filter(key__startswith="notification:"))
    assert {tuple(email.to) for email in emails} == {(owner.email,), (case.advisor.email,)}
    for email in emails:
        for text in (SECRET, entry.title, entry.body):
            assert text not in email.subject and text not in email.body
