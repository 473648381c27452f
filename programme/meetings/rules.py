"""Who may see, run and prepare meetings, each rule written once (`bifrost.core.rules`).

`meetings_taken_part_in` is the one rule of who takes part in a meeting, seen from
the person; its condition is `selectors.participant_enrolments`, which
`selectors.meeting_participants` asks from the meeting. The landing page, the
programme page and the calendar feed list meetings with `meetings_visible`, and
`programme.view_meeting` is its predicate, so a list and a check cannot disagree.
"""

import operator
from functools import reduce
from typing import Any

import rules
from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from bifrost.accounts.rules import is_facilitator, is_smv_owner
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule
from programme.meetings.selectors import meetings_with_agenda, participant_enrolments
from programme.models import Meeting
from programme.programmes.rules import child_or_404
from programme.programmes.selectors import represented_enrolments


@query_rule
def meetings_taken_part_in(user, queryset: QuerySet) -> QuerySet:
    """The meetings a person is expected at (`selectors.participant_enrolments`)."""
    return queryset.filter(
        reduce(
            operator.or_,
            (
                Q(
                    Exists(
                        participant_enrolments(
                            user, programme=OuterRef("programme_id"), audience=audience
                        )
                    ),
                    audience=audience,
                )
                for audience in Meeting.Audience.values
            ),
        )
    )


@query_rule
def meetings_visible(user, queryset: QuerySet) -> QuerySet:
    """Facilitators run every programme and see all its meetings; everyone else the
    meetings they take part in."""
    if is_facilitator(user):
        return queryset
    return meetings_taken_part_in(user, queryset)


@query_rule
def meetings_represented(user, queryset: QuerySet) -> QuerySet:
    """Meetings of programmes where a company the person owns is itself enrolled (owning
    some other company is not enough)."""
    return queryset.filter(Exists(represented_enrolments(user, programme=OuterRef("programme_id"))))


rules.add_perm("programme.view_meeting", meetings_visible.predicate)
rules.add_perm("programme.manage_meeting", is_facilitator)
rules.add_perm(
    "programme.submit_preparation",
    meetings_taken_part_in.predicate & is_smv_owner & meetings_represented.predicate,
)


def meeting_or_404(user: Any, pk: int, perm: str) -> Meeting:
    """The meeting with its agenda if `user` may do `perm` on it; else 404."""
    return object_or_404(meetings_with_agenda(), pk=pk, user=user, perm=perm)


def meeting_child_or_404[M: Model](queryset: QuerySet[M], *, pk: int, user: Any, perm: str) -> M:
    """An object of a meeting (agenda item, export, exercise entry) if `user` may do
    `perm` on its meeting; else 404."""
    return child_or_404(
        queryset.select_related("meeting__programme"), pk=pk, user=user, perm=perm, parent="meeting"
    )
