"""What a meeting can give the knowledge site: its published recommendations
(meeting 5) or its agreed principles and tools (meeting 6), each with how many
companies and advisors backed it and the page drafted from it, if any.

Counts are by role, never by name: a company counts once however many of its
people endorsed; an advisor counts once. For a recommendation they are the
people who endorsed it; for a principle or tool, the people recorded present at
the meeting where it was agreed (none counted when attendance was not taken).
Four queries whatever the number of items.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.text import Truncator

from bifrost.accounts.models import Membership, Organisation, Role
from knowledge.models import Page, Provenance
from programme.exercises.recommendations.selectors import published_recommendations
from programme.exercises.selectors import EVALUATION, RECOMMENDATIONS
from programme.models import Attendance, Endorsement, Meeting, Principle

MEETINGS = (RECOMMENDATIONS, EVALUATION)
TITLE_LENGTH = 110


@dataclass
class DraftItem:
    source: str  # Provenance.Source
    source_key: str
    kind: str  # the knowledge page's kind
    title: str
    text: str
    position: int
    companies: int | None
    advisors: int | None
    source_date: date | None
    page: Page | None = None


def recommendation_title(text: str) -> str:
    """The first sentence, shortened to a title's length."""
    first = " ".join(text.split()).split(". ")[0].rstrip(".")
    return Truncator(first).chars(TITLE_LENGTH)


def _recommendations(meeting: Meeting) -> list[DraftItem]:
    recommendations = published_recommendations(meeting)
    endorsers: dict[int, set[int]] = defaultdict(set)
    for rec_id, user_id in Endorsement.objects.filter(
        recommendation__in=recommendations
    ).values_list("recommendation_id", "user_id"):
        endorsers[rec_id].add(user_id)
    everyone = {user for users in endorsers.values() for user in users}
    roles = _memberships(everyone)
    items = []
    for position, rec in enumerate(recommendations, start=1):
        companies, advisors = _tally(endorsers[rec.pk], roles)
        items.append(
            DraftItem(
                source=Provenance.Source.RECOMMENDATION,
                source_key=f"programme.recommendation:{rec.pk}",
                kind="recommendation",
                title=recommendation_title(rec.text),
                text=rec.text,
                position=position,
                companies=companies,
                advisors=advisors,
                source_date=timezone.localdate(rec.published_at) if rec.published_at else None,
            )
        )
    return items


def _memberships(user_ids: set[int]) -> dict[int, list[tuple[int, str, str]]]:
    """Each person's (organisation, role, organisation kind), in one query."""
    roles: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    rows = Membership.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "organisation_id", "role", "organisation__kind"
    )
    for user_id, organisation_id, role, kind in rows:
        roles[user_id].append((organisation_id, role, kind))
    return roles


def _tally(user_ids: Iterable[int], roles: dict) -> tuple[int, int]:
    companies, advisors = set(), set()
    for user_id in user_ids:
        for organisation_id, role, kind in roles.get(user_id, []):
            if role == Role.SMV_OWNER and kind == Organisation.Kind.COMPANY:
                companies.add(organisation_id)
            elif role == Role.ADVISOR:
                advisors.add(user_id)
    return len(companies), len(advisors)


def _principles(meeting: Meeting) -> list[DraftItem]:
    principles = list(Principle.objects.filter(meeting=meeting).order_by("kind", "position", "pk"))
    present = set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list("user_id", flat=True)
    )
    companies, advisors = _tally(present, _memberships(present)) if present else (None, None)
    day = timezone.localdate(meeting.starts_at)
    return [
        DraftItem(
            source=principle.kind,  # "principle" / "tool", as Provenance.Source
            source_key=f"programme.principle:{principle.pk}",
            kind=principle.kind,
            title=principle.title,
            text=principle.description,
            position=position,
            companies=companies,
            advisors=advisors,
            source_date=day,
        )
        for position, principle in enumerate(principles, start=1)
    ]


def draftable(meeting: Meeting) -> list[DraftItem]:
    """The meeting's items for the knowledge site, each with the page drafted from it."""
    if meeting.number == RECOMMENDATIONS:
        items = _recommendations(meeting)
    elif meeting.number == EVALUATION:
        items = _principles(meeting)
    else:
        return []
    drafted = {
        row.source_key: row.page
        for row in Provenance.objects.filter(
            source_key__in=[item.source_key for item in items]
        ).select_related("page")
    }
    for item in items:
        item.page = drafted.get(item.source_key)
    return items
