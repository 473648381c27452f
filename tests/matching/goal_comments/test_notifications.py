"""A comment or reply on a goal tells the other side (and the author answered), once
per comment, never its writer; no goal or comment text in titles or e-mails."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from bifrost.core.notifications import kinds
from matching.goal_comments import notifications, services
from tests import factories

pytestmark = pytest.mark.django_db

KIND = "case_goal_comment"
SECRET = "Medarbejderen er sygemeldt med stress"


def _told(comment) -> set[int]:
    return set(
        Notification.objects.filter(kind=KIND, cause=f"goal-comment:{comment.pk}").values_list(
            "recipient", flat=True
        )
    )


def test_the_kind_is_on_the_settings_page():
    assert KIND in {kind.key for kind in kinds.all_kinds()}


def test_the_advisors_comment_tells_the_company(goal, owner, advisor, company):
    colleague = factories.smv_owner(organisation=company)
    comment = services.goal_comment_add(goal=goal, by=advisor, text=SECRET)
    assert _told(comment) == {owner.pk, colleague.pk}
    row = Notification.objects.get(recipient=owner)
    url = reverse("matching:case_goal_detail", args=[goal.case_id, goal.pk])
    assert row.link == f"{url}#comment-{comment.pk}"
    assert company.name in row.title and advisor.get_full_name() in row.title
    assert SECRET not in row.title and goal.title not in row.title


def test_the_companys_reply_tells_the_advisor_and_the_colleague_answered(
    goal, owner, advisor, company
):
    colleague = factories.smv_owner(organisation=company)
    comment = services.goal_comment_add(goal=goal, by=colleague, text="Forslag")
    assert _told(comment) == {advisor.pk}
    reply = services.goal_comment_add(goal=goal, by=owner, text="Enig", parent=comment)
    assert _told(reply) == {advisor.pk, colleague.pk}


def test_once_per_comment_and_never_the_writer(goal, owner, advisor):
    comment = services.goal_comment_add(goal=goal, by=advisor, text="Godt")
    notifications.goal_comment_added(comment=comment)
    services.goal_comment_edit(comment=comment, by=advisor, text="Rigtig godt")
    assert Notification.objects.filter(kind=KIND).count() == 1
    assert not Notification.objects.filter(recipient=advisor).exists()


def test_immediate_emails_carry_no_goal_or_comment_text(goal, owner, advisor):
    goal.title = goal.description = SECRET
    goal.save()
    for user in (owner, advisor):
        NotificationPreference.objects.create(user=user, kind=KIND, mode="immediate")
    comment = services.goal_comment_add(goal=goal, by=advisor, text=SECRET)
    services.goal_comment_add(goal=goal, by=owner, text=SECRET, parent=comment)
    emails = list(OutboxEmail.objects.filter(key__startswith="notification:"))
    assert len(emails) == 2
    for email in emails:
        assert SECRET not in email.subject and SECRET not in email.body
