"""What must be removed from a case page before it is sent for approval.

A case page must not name a person, nor the company other than as it chooses. The
knowledge site checks what it can see itself: the company's registered name and
the names of its people and of its advisor (full names, and first names alone).
Apps above it register more checks (`register_flagger`): the logbook adds CPR
numbers and the names on the company's staff list, which only it may read.

A flag names the words it found (they are in the text the facilitator edits) but
never the list they came from.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bifrost.accounts.models import Membership, Role
from knowledge.approvals.text import plain_parts
from knowledge.models import CaseApproval

# Legal forms and the demo's marker, dropped from a company name before matching.
_LEGAL_FORMS = re.compile(r"\s*(\(demo\)|\bApS\b|\bA/S\b|\bI/S\b|\bK/S\b|\bIVS\b)\s*", re.I)


@dataclass(frozen=True)
class Flag:
    message: str


Flagger = Callable[[CaseApproval, str], list[Flag]]
_flaggers: list[Flagger] = []


def register_flagger(flagger: Flagger) -> None:
    """Add a check (called with the approval and the page's text); once per function."""
    if flagger not in _flaggers:
        _flaggers.append(flagger)


def word_pattern(words: str, *, ignore_case: bool) -> re.Pattern:
    """`words` as whole words, any spacing between them."""
    body = r"\s+".join(re.escape(word) for word in words.split())
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE if ignore_case else 0)


def names_in(text: str, names: Iterable[str]) -> list[str]:
    """The full names (any case) and first names (capitalised, as names are written)
    of `names` that occur in `text` as whole words, each once."""
    found: list[str] = []
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        first = name.split()[0]
        if word_pattern(name, ignore_case=True).search(text):
            hit = name
        elif len(first) > 1 and word_pattern(first, ignore_case=False).search(text):
            hit = first
        else:
            continue
        if hit.casefold() not in {f.casefold() for f in found}:
            found.append(hit)
    return found


def _company_name(approval: CaseApproval, text: str) -> list[Flag]:
    name = _LEGAL_FORMS.sub(" ", approval.company.name).strip()
    chosen = approval.company_label.casefold()
    if not name or name.casefold() in chosen:
        return []  # the company chose to be named so
    if word_pattern(name, ignore_case=True).search(text):
        return [Flag(_("The company's own name: “%(name)s”.") % {"name": name})]
    return []


def _people(approval: CaseApproval, text: str) -> list[Flag]:
    people = Membership.objects.filter(
        organisation_id=approval.company_id, role=Role.SMV_OWNER
    ).values_list("user__full_name", flat=True)
    names = [*people]
    if approval.advisor is not None:
        names.append(approval.advisor.full_name)
    found = names_in(text, names)
    if not found:
        return []
    return [Flag(_("A person's name: %(names)s.") % {"names": ", ".join(f"“{n}”" for n in found)})]


def flags_for(approval: CaseApproval, content: dict) -> list[Flag]:
    """Every flag on `content` (a page revision's shape); empty when it may be sent."""
    text = "\n".join(plain_parts(content))
    flags = _company_name(approval, text) + _people(approval, text)
    for flagger in _flaggers:
        flags.extend(flagger(approval, text))
    return flags
