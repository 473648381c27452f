"""No notification carries what someone wrote: every registered kind is caused here
with a planted sentence in the entry, the comments and replies (on the entry and on
the goal), the goal, the task, the minutes,
the advisor's note and the company's profile around it, and neither the titles nor
the e-mails (immediate and digest) contain it.

In tests/logbook because the logbook is the app that sees every other app's data.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from advice.courses import services as courses
from advice.requests import decisions as advice_decisions
from advice.requests import services as advice_requests
from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from bifrost.core.notifications import kinds
from bifrost.core.notifications import services as notifications
from knowledge.approvals import services as approvals
from knowledge.editor import services as knowledge_editor
from knowledge.provenance.services import page_draft_with_provenance
from logbook.comments import services as comments
from logbook.exports import pdf
from logbook.logbooks import services as logbooks
from logbook.models import LogbookExport
from matching.cases import notifications as case_notifications
from matching.cases import services as cases
from matching.goal_comments import services as goal_comments
from matching.models import CompanyProfile
from programme.exercises.evaluation import services as evaluation
from programme.exercises.prejudice_game import services as prejudice_game
from programme.exercises.recommendations import services as recommendations
from programme.meetings import services as meetings
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db

SECRET = "HEMMELIGT: medarbejderen er sygemeldt med stress og angst"


def _case_page_happens(*, programme, logbook, advisor, owner, facilitator):
    """A case page about the company, with the secret as its text and as a suggestion."""
    drafted = page_draft_with_provenance(
        content={"section": "cases", "kind": "case", "title": SECRET, "body": SECRET},
        provenance={"source": "case", "source_key": "privacy:1", "programme_name": programme.name},
        user=facilitator,
    )
    approval = approvals.case_approval_create(
        page=drafted.page,
        company=logbook.company,
        company_label="en virksomhed",
        advisor=advisor,
        user=facilitator,
    )
    approval = approvals.case_approval_send(approval=approval, user=facilitator)
    approvals.case_suggestion_add(approval=approval, party="company", user=owner, text=SECRET)
    for party, person in (("company", owner), ("advisor", advisor)):
        approval = approvals.case_approval_approve(
            approval=approval, party=party, user=person, seen_hash=approval.sent_hash
        )
    knowledge_editor.page_publish(page=approval.page, content=None, user=facilitator)


def _everything_happens(*, programme, logbook, entry, case, owner, monkeypatch):
    advisor = case.advisor
    entry.title, entry.body = SECRET, SECRET
    entry.save(update_fields=["title", "body"])
    CompanyProfile.objects.update_or_create(
        programme=programme, company=logbook.company, defaults={"needs": SECRET}
    )
    cases.note_create(case=case, author=advisor, text=SECRET)
    comment = comments.comment_add(entry=entry, by=advisor, text=SECRET)
    comments.comment_add(entry=entry, by=owner, text=SECRET, parent=comment)
    goal = cases.goal_create(case=case, by=advisor, title=SECRET, description=SECRET)
    goal_comment = goal_comments.goal_comment_add(goal=goal, by=owner, text=SECRET)
    goal_comments.goal_comment_add(goal=goal, by=advisor, text=SECRET, parent=goal_comment)
    task = cases.task_create(
        case=case, by=advisor, title=SECRET, owner=owner, due_on=timezone.localdate()
    )
    case_notifications.task_due_tomorrow(task=task, today=timezone.localdate())
    case_notifications.match_confirmed(case=case, owners=[owner])
    meeting_1, meeting_2, meeting_6 = (programme.meetings.get(number=n) for n in (1, 2, 6))
    meetings.minutes_save(meeting=meeting_2, text=SECRET, publish=True)
    prejudice_game.assumption_add(
        meeting=meeting_1, author=owner, side="smvs", text=SECRET, anonymous=False
    )
    prejudice_game.assumptions_reveal(meeting=meeting_1, revealed=True)
    evaluation.evaluation_close(meeting=meeting_6, closed=True)
    evaluation.evaluation_close(meeting=meeting_6, closed=False)
    proposed = recommendations.recommendation_propose(
        meeting=programme.meetings.get(number=5), author=owner, text=SECRET
    )
    recommendations.recommendation_endorse_toggle(recommendation=proposed, user=advisor)
    recommendations.recommendation_edit(
        recommendation=proposed, text=f"{SECRET} (omformuleret)", user=programme.created_by
    )
    monkeypatch.setattr(pdf, "render_pdf", lambda export: (b"%PDF-1.4 " + SECRET.encode(), 1))
    export = LogbookExport.objects.create(logbook=logbook, version="p" * 64, requested_by=owner)
    pdf.LOGBOOK_PDF.build(export.pk)
    _case_page_happens(
        programme=programme,
        logbook=logbook,
        advisor=advisor,
        owner=owner,
        facilitator=programme.created_by,
    )
    logbooks.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=False
    )


def _advice_happens(*, owner, advisor) -> None:
    """The advice offer's kinds: the owner leads, the advisor represents and provides
    (alone in the provider's unit, so nobody else gets a digest)."""
    provider = advice.ProviderFactory(organisation=factories.AdvisoryUnitFactory())
    factories.MembershipFactory(user=advisor, organisation=provider.organisation, role="advisor")
    advice.course_model(provider)

    def sent():
        draft = advice.AdviceRequestFactory(
            provider=provider,
            leader=owner,
            representative_email=advisor.email,
            situation=SECRET,
            goals=SECRET,
            workplace_name="Regionshospital Nord",
        )
        return draft, advice_requests.request_submit(advice_request=draft, by=owner)

    request, token = sent()
    request = advice_requests.request_confirm(token=token, user=advisor)
    course = advice_decisions.request_accept(
        advice_request=request, by=advisor, start_date=timezone.localdate()
    )
    courses.course_follow_up_save(course=course, text=SECRET)
    courses.course_step_mark_done(step=course.steps.first(), by=advisor)
    withdrawn, _token = sent()
    advice_requests.request_withdraw(advice_request=withdrawn, by=owner, reason=SECRET)
    expired, _token = sent()
    advice_requests.request_expire(advice_request=expired, now=timezone.now() + timedelta(days=15))


def _assert_clean(texts):
    for text in texts:
        assert SECRET not in text
        assert "sygemeldt" not in text


def test_no_kind_carries_written_text_in_titles_or_emails(
    programme, logbook, entry, case, owner, monkeypatch, django_capture_on_commit_callbacks
):
    # The facilitator who drafted the case page is told the company's answers.
    for user in (owner, case.advisor, programme.created_by):
        for kind in kinds.all_kinds():
            NotificationPreference.objects.create(user=user, kind=kind.key, mode="immediate")
    _everything_happens(
        programme=programme,
        logbook=logbook,
        entry=entry,
        case=case,
        owner=owner,
        monkeypatch=monkeypatch,
    )
    _advice_happens(owner=owner, advisor=case.advisor)
    made = set(Notification.objects.values_list("kind", flat=True))
    assert made == {kind.key for kind in kinds.all_kinds()}, "every kind was caused"
    _assert_clean(Notification.objects.values_list("title", flat=True))
    immediate = list(OutboxEmail.objects.filter(key__startswith="notification:"))
    assert len(immediate) == Notification.objects.count()
    _assert_clean([email.subject for email in immediate] + [email.body for email in immediate])

    # The same notifications as a digest.
    NotificationPreference.objects.update(mode="digest")
    Notification.objects.update(emailed_at=None)
    assert notifications.digests_send() == 3
    digests = list(OutboxEmail.objects.filter(key__startswith="digest:"))
    _assert_clean([email.subject for email in digests] + [email.body for email in digests])
    assert all(
        any(title in digest.body for digest in digests)
        for title in (Notification.objects.values_list("title", flat=True))
    )
