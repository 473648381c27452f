"""The one schema of a logbook entry's fields.

`EntryData` is what a person enters for an entry; every other list of the
entry's fields (the form's values, a version's or draft's JSON, the search
text, the privacy guard, the CSV/JSON export and the research dataset) is
derived from it and from the groups below, so a new field is added here once.

Groups by shape:
- `TEXT_FIELDS`: free text (searched, checked by the privacy guard);
- `LINE_FIELDS`: lists of short strings (one a line in forms and CSV cells);
- `MEETING_FIELD`: the development meeting the entry prepares (a link);
- `LINK_FIELDS`: many-to-many links (kept as ids in versions and drafts).
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from knowledge.models import Page
from logbook.models import Entry
from matching.models import CaseGoal
from programme.models import Meeting


@dataclass
class EntryData:
    """What a person entered for an entry (from the form, a version or a draft)."""

    kind: str
    entry_date: datetime.date
    title: str
    body: str = ""
    for_whom: str = ""
    when_text: str = ""
    expected_effect: str = ""
    hindrances: list[str] = field(default_factory=list)
    helps: list[str] = field(default_factory=list)
    meeting: Meeting | None = None
    goals: list[CaseGoal] = field(default_factory=list)
    knowledge_pages: list[Page] = field(default_factory=list)


#: Every field, in the order of the form and of the exports.
FIELDS: tuple[str, ...] = tuple(item.name for item in dataclasses.fields(EntryData))
TEXT_FIELDS: tuple[str, ...] = ("title", "body", "for_whom", "when_text", "expected_effect")
LINE_FIELDS: tuple[str, ...] = ("hindrances", "helps")
MEETING_FIELD = "meeting"
LINK_FIELDS: tuple[str, ...] = ("goals", "knowledge_pages")
#: What a person wrote: the search and the privacy guard read these.
WRITTEN_FIELDS: tuple[str, ...] = TEXT_FIELDS + LINE_FIELDS
#: The fields after kind and date (what every export lists per entry).
CONTENT_FIELDS: tuple[str, ...] = (*WRITTEN_FIELDS, MEETING_FIELD, *LINK_FIELDS)

# Which kind-specific fields each kind keeps; the others are emptied on save.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    Entry.Kind.PROBLEM_FOCUS: (),
    Entry.Kind.INITIATIVE: ("for_whom", "when_text", "expected_effect"),
    Entry.Kind.REFLECTION: LINE_FIELDS,
    Entry.Kind.ADVISOR_EXPERIENCE: (),
    Entry.Kind.MEETING_INPUT: (),
}
KIND_SPECIFIC: tuple[str, ...] = tuple(
    dict.fromkeys(name for names in KIND_FIELDS.values() for name in names)
)
#: The value a kind-specific field has when the entry's kind does not use it.
EMPTY: dict[str, str | list[str]] = {
    name: [] if name in LINE_FIELDS else "" for name in KIND_SPECIFIC
}


def snapshot(
    entry: Entry, goal_ids: list[int] | None = None, page_ids: list[int] | None = None
) -> dict:
    """The entry's fields as JSON (what a version keeps); links as sorted ids."""
    if goal_ids is None:
        goal_ids = list(entry.goals.values_list("pk", flat=True))
    if page_ids is None:
        page_ids = list(entry.knowledge_pages.values_list("pk", flat=True))
    data: dict = {"kind": entry.kind, "entry_date": entry.entry_date.isoformat()}
    for name in TEXT_FIELDS:
        data[name] = getattr(entry, name)
    for name in LINE_FIELDS:
        data[name] = list(getattr(entry, name) or [])
    data[MEETING_FIELD] = entry.meeting_id
    data["goals"] = sorted(goal_ids)
    data["knowledge_pages"] = sorted(page_ids)
    return data
