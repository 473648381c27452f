"""What changed between two saved versions of a page, line by line (difflib).

Pure: it takes two revisions' content dicts and returns, per field that
changed, the lines removed and added with a little unchanged context, for the
revisions page to list (`<del>`/`<ins>` with text labels; the template escapes
every line). Related pages are compared as sets of titles.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from knowledge.models import KIND_FIELDS

CONTEXT_LINES = 1  # unchanged lines shown around a change

REMOVED, ADDED, SAME, GAP = "removed", "added", "same", "gap"

# The content a revision holds, in the order the editor shows it.
TEXT_FIELDS = (
    ("title", _("Title")),
    ("summary", _("Summary")),
    ("body", _("Text")),
    ("title_en", _("Title in English")),
    ("summary_en", _("Summary in English")),
    ("body_en", _("Text in English")),
    ("section", _("Section")),
    ("slug", _("Address (slug)")),
    ("order", _("Order in section")),
)


@dataclass
class Line:
    kind: str  # REMOVED, ADDED, SAME or GAP (unchanged lines left out)
    text: str = ""


@dataclass
class FieldChange:
    label: str
    lines: list[Line] = field(default_factory=list)


def _as_lines(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value).splitlines()


def line_diff(old, new, *, context: int = CONTEXT_LINES) -> list[Line]:
    """The removed and added lines of `old` → `new` (strings or lists), with up to
    `context` unchanged lines around each change. Empty when nothing changed."""
    before, after = _as_lines(old), _as_lines(new)
    if before == after:
        return []
    lines: list[Line] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(Line(GAP))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(Line(SAME, text) for text in before[i1:i2])
                continue
            lines.extend(Line(REMOVED, text) for text in before[i1:i2])
            lines.extend(Line(ADDED, text) for text in after[j1:j2])
    return lines


def _fields(content: dict) -> dict:
    return content.get("fields") or {}


def content_changes(old: dict | None, new: dict, *, titles: dict[int, str]) -> list[FieldChange]:
    """Per field that differs between the `old` and `new` revision content (`old`
    None: the first version, all of it added). `titles` names related pages."""
    old = old or {}
    changes: list[FieldChange] = []
    for key, label in TEXT_FIELDS:
        lines = line_diff(old.get(key, ""), new.get(key, ""))
        if lines:
            changes.append(FieldChange(str(label), lines))
    for key, label, _is_list in KIND_FIELDS.get(new.get("kind", ""), []):
        lines = line_diff(_fields(old).get(key, ""), _fields(new).get(key, ""))
        if lines:
            changes.append(FieldChange(str(label), lines))
    before, after = set(old.get("related") or []), set(new.get("related") or [])
    if before != after:

        def name(pk: int) -> str:
            return titles.get(pk) or str(_("A page that no longer exists"))

        related = [Line(REMOVED, name(pk)) for pk in sorted(before - after, key=name)]
        related += [Line(ADDED, name(pk)) for pk in sorted(after - before, key=name)]
        changes.append(FieldChange(str(_("Related pages")), related))
    return changes
