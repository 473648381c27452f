"""Who may see and change programmes and meetings."""

import rules

from bifrost.accounts.rules import has_any_role, is_facilitator, is_smv_owner
from programme import selectors
from programme.models import Meeting

rules.add_perm("programme.view_landing", has_any_role)


@rules.predicate
def takes_part(user, programme) -> bool:
    return programme is not None and selectors.is_participant(user, programme)


@rules.predicate
def represents_company_in_meeting(user, meeting) -> bool:
    if meeting is None:
        return False
    company_ids = selectors.user_company_ids(user)
    return meeting.programme.enrolments.filter(
        organisation_id__in=company_ids, left_at__isnull=True
    ).exists()


@rules.predicate
def takes_part_in_meeting(user, meeting) -> bool:
    if meeting is None or not selectors.is_participant(user, meeting.programme):
        return False
    if meeting.audience == Meeting.Audience.SMV_ONLY:
        # The kick-off is for the companies only: one of the person's companies
        # must itself be enrolled (owning some other company is not enough).
        return represents_company_in_meeting(user, meeting)
    return True


rules.add_perm("programme.add_programme", is_facilitator)
rules.add_perm("programme.manage_programme", is_facilitator)
rules.add_perm("programme.view_programme", is_facilitator | takes_part)
rules.add_perm("programme.view_meeting", is_facilitator | takes_part_in_meeting)
rules.add_perm("programme.manage_meeting", is_facilitator)
rules.add_perm(
    "programme.submit_preparation",
    takes_part_in_meeting & is_smv_owner & represents_company_in_meeting,
)


# --- Meeting exercises (exercise_services.py, exercise_selectors.py, views_exercises.py)
# Seeing an exercise page is `programme.view_meeting`; moderating, merging, publishing,
# closing and recording is `programme.manage_meeting`. Contributing is for the
# meeting's participants only (a facilitator who is not enrolled moderates but does
# not write entries of their own).
rules.add_perm("programme.contribute_exercise", takes_part_in_meeting)
# Each company picks and concretises its own dilemmas: its SMV owners do it.
rules.add_perm(
    "programme.choose_dilemma",
    takes_part_in_meeting & is_smv_owner & represents_company_in_meeting,
)
