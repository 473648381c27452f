"""Fixtures for a person's data and account deletion: an SMV owner who has written
and set up something in every app, next to a colleague and an advisor who wrote
things of their own (their text must never appear in the owner's download).

Fixture names say who a person is to the company's logbook (as in tests/logbook).
"""

from datetime import date

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from bifrost.accounts import audit
from bifrost.accounts.models import AccessLogEntry
from knowledge.models import RoleSelfAssessment
from logbook.models import (
    CriticalSituation,
    EntryComment,
    EntryDraft,
    ReadinessCheck,
)
from matching.models import AdvisorNote, CaseGoal, CaseMeeting, CaseTask
from programme.models import (
    Assumption,
    Attendance,
    CalendarFeed,
    Endorsement,
    PreparationStatus,
    Recommendation,
    RecommendationComment,
    Reminder,
    ReminderSettings,
)
from tests import factories
from tests.accounts.privacy.markers import (
    ADVISOR_NOTE,
    ADVISOR_TEXT,
    COLLEAGUE_TEXT,
    OWNER_TEXT,
    TOTP_SECRET,
    entry_by,
)


@pytest.fixture
def colleague(company):  # noqa: F811
    """Another SMV owner of the same company."""
    return factories.smv_owner(organisation=company)


@pytest.fixture
def owner_world(owner, colleague, enrolled_advisor, case, logbook, meeting, programme):  # noqa: F811
    """The owner has data in every app; the colleague and the advisor wrote next to it."""
    now = timezone.now()
    own_entry = entry_by(logbook, owner, OWNER_TEXT)
    colleague_entry = entry_by(logbook, colleague, COLLEAGUE_TEXT)
    EntryComment.objects.create(entry=own_entry, author=enrolled_advisor, text=ADVISOR_TEXT)
    EntryComment.objects.create(entry=colleague_entry, author=owner, text="owner's comment")
    EntryDraft.objects.create(logbook=logbook, user=owner, data={"title": "OWNER-DRAFT"})
    ReadinessCheck.objects.create(
        logbook=logbook, taken_on=date(2027, 6, 1), scores={"a": 3}, created_by=owner
    )
    CriticalSituation.objects.create(
        logbook=logbook,
        occurred_on=date(2027, 6, 2),
        trigger=CriticalSituation.Trigger.WORK_PRESSURE,
        what_happened="OWNER-CRITICAL-SITUATION",
        created_by=owner,
    )
    CaseGoal.objects.create(case=case, title="OWNER-GOAL", created_by=owner)
    CaseTask.objects.create(case=case, title="OWNER-TASK", owner=owner, created_by=owner)
    CaseMeeting.objects.create(
        case=case, held_on=date(2027, 6, 3), participants="Os", summary="x", created_by=owner
    )
    AdvisorNote.objects.create(case=case, author=enrolled_advisor, text=ADVISOR_NOTE)
    # Programme: attendance, preparation, reminders, a feed, exercise contributions.
    Attendance.objects.create(meeting=meeting, user=owner, present=True)
    PreparationStatus.objects.create(
        meeting=meeting, organisation=logbook.company, text="OWNER-PREPARATION", updated_by=owner
    )
    ReminderSettings.objects.create(user=owner, meeting_day_before=False)
    Reminder.objects.create(
        recipient=owner, meeting=meeting, kind=Reminder.Kind.MEETING_DAY, due_at=now
    )
    CalendarFeed.objects.create(user=owner, token_hash=CalendarFeed.hash("feed-token-secret"))
    Assumption.objects.create(
        meeting=meeting,
        author=owner,
        side=Assumption.Side.SMVS,
        text="OWNER-ANONYMOUS-ASSUMPTION",
        anonymous=True,
    )
    Assumption.objects.create(
        meeting=meeting, author=colleague, side=Assumption.Side.SMVS, text="COLLEAGUE-ASSUMPTION"
    )
    others = Recommendation.objects.create(meeting=meeting, author=colleague, text="COLLEAGUE-REC")
    Recommendation.objects.create(meeting=meeting, author=owner, text="OWNER-RECOMMENDATION")
    RecommendationComment.objects.create(recommendation=others, author=owner, text="OWNER-REMARK")
    Endorsement.objects.create(recommendation=others, user=owner)
    RoleSelfAssessment.objects.create(user=owner, answers={"q": 1}, scores={"r": 50})
    # Accounts: a second factor, an accepted invitation, the advisor's reads of the logbook.
    Authenticator.objects.create(
        user=owner, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET}
    )
    factories.InvitationFactory(
        email=owner.email,
        organisation=logbook.company,
        accepted_at=now,
        accepted_by=owner,
        invited_by=programme.created_by,
    )
    audit.record(
        user=enrolled_advisor,
        organisation=logbook.company,
        action=AccessLogEntry.Action.READ,
        object_kind="entry",
        object_id=own_entry.pk,
    )
    return {"own_entry": own_entry, "colleague_entry": colleague_entry}
