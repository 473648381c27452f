"""Reads for the prejudice game (meeting 1), one query each."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from bifrost.accounts.models import Membership, Organisation
from bifrost.core.people import display_name
from programme.models import Assumption, Meeting, Programme


def participant_sides(user: Any, programme: Programme) -> list[str]:
    """Which side(s) of the prejudice game a person writes from: a member of an enrolled
    company writes as an SMV, a member of an enrolled advisory unit as an advisor."""
    kinds = set(
        Membership.objects.filter(
            user=user,
            organisation__enrolments__programme=programme,
            organisation__enrolments__left_at__isnull=True,
        ).values_list("organisation__kind", flat=True)
    )
    sides: list[str] = []
    if Organisation.Kind.COMPANY in kinds:
        sides.append(Assumption.Side.SMVS)
    if Organisation.Kind.ADVISORY_UNIT in kinds:
        sides.append(Assumption.Side.ADVISORS)
    return sides


@dataclass(frozen=True)
class AssumptionRow:
    """What a page may show of an assumption. It carries no author object, so a
    template cannot leak who wrote an anonymous one."""

    pk: int
    side: str
    text: str
    status: str
    status_label: str
    note: str
    anonymous: bool
    author_label: str


def _assumption_row(assumption: Assumption) -> AssumptionRow:
    if assumption.anonymous:
        label = _("Anonymous")
    elif assumption.author is None:
        label = display_name(None)  # the author deleted their account
    else:
        label = assumption.author.full_name or _("A participant")
    return AssumptionRow(
        pk=assumption.pk,
        side=assumption.side,
        text=assumption.text,
        status=assumption.status,
        status_label=assumption.get_status_display(),
        note=assumption.note,
        anonymous=assumption.anonymous,
        author_label=label,
    )


def assumptions_grouped(
    meeting: Meeting,
) -> list[tuple[str, StrOrPromise, list[AssumptionRow]]]:
    """All assumptions, grouped by side: [(side, heading, rows)]. One query."""
    rows = [
        _assumption_row(a)
        for a in Assumption.objects.filter(meeting=meeting)
        .select_related("author")
        .order_by("side", "created_at", "pk")
    ]
    return [
        (side, label, [row for row in rows if row.side == side])
        for side, label in Assumption.Side.choices
    ]


def own_assumptions(meeting: Meeting, user: Any) -> list[AssumptionRow]:
    return [
        _assumption_row(a)
        for a in Assumption.objects.filter(meeting=meeting, author=user)
        .select_related("author")
        .order_by("created_at", "pk")
    ]
