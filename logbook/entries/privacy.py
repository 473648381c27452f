"""The privacy guard: warn when logbook text may identify a person.

A logbook must not name employees or give health details. The guard looks for
things a company can write by accident: a Danish CPR number, a name from the
company's own staff list (``Logbook.staff_names``), and a first name alone from
that list ("Mette" for "Mette Hansen"). It returns translated warning messages.

Names only warn: the text is saved anyway. A CPR number is the one thing a form
does not save without a yes: the forms of `logbook.entries.forms.CprConfirmation`
ask the writer to tick "this is not a CPR number" first. The pages also warn
while typing: `static/js/privacy-guard.js` sends the field's text to the
logbook's check (`logbook:privacy_check`, the company's own people only, so a
staff list never reaches anyone else) and shows the answer next to the field.
"""

import datetime
import re

from django.utils.translation import gettext as _

# DDMMYY-XXXX (also with a space or a non-breaking hyphen), day and month plausible.
_CPR_DASHED = re.compile(
    r"(?<![\w-])(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>\d{2})"
    r"[-\u2010\u2011 ]\d{4}(?![\w-])"
)
# Ten digits in a row; a CPR number when the first six form a real date.
_TEN_DIGITS = re.compile(r"(?<![\w-])(\d{10})(?![\w-])")


def _is_date(day: int, month: int, year2: int) -> bool:
    for century in (1900, 2000):
        try:
            datetime.date(century + year2, month, day)
        except ValueError:
            continue
        return True
    return False


def contains_cpr(text: str) -> bool:
    """Whether ``text`` holds something shaped like a CPR number."""
    text = text or ""
    for match in _CPR_DASHED.finditer(text):
        if _is_date(int(match["d"]), int(match["m"]), int(match["y"])):
            return True
    for match in _TEN_DIGITS.finditer(text):
        digits = match.group(1)
        if _is_date(int(digits[0:2]), int(digits[2:4]), int(digits[4:6])):
            return True
    return False


def staff_list(staff_names: str) -> list[str]:
    """The staff list as names (one a line, blank lines and surrounding spaces dropped)."""
    names = []
    for line in (staff_names or "").splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def named_staff(text: str, staff_names: str) -> list[str]:
    """The names from the staff list that occur in ``text`` as whole words (any case)."""
    text = text or ""
    found = []
    for name in staff_list(staff_names):
        words = [re.escape(word) for word in name.split()]
        pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(name)
    return found


def _first_name(name: str) -> str:
    """The first word of a name of two words or more ("" for a single word)."""
    words = name.split()
    return words[0] if len(words) > 1 else ""


def named_first_names(text: str, staff_names: str) -> list[str]:
    """First names from the staff list written alone in ``text``.

    Only names of two words or more count (a one-word name is matched whole by
    `named_staff`), and only someone whose full name is not in the text. A first
    name is matched as a capitalised whole word, also in the genitive ("Mettes"),
    so "Per" warns but "per uge" and "Perspektiv" do not. Each first name is
    listed once."""
    text = text or ""
    whole = {name.casefold() for name in named_staff(text, staff_names)}
    found: list[str] = []
    for name in staff_list(staff_names):
        first = _first_name(name)
        if not first or name.casefold() in whole or first in found:
            continue
        capitalised = first[:1].upper() + first[1:]
        # Also in the genitive ("Mettes opgaver").
        if re.search(r"(?<![\w-])" + re.escape(capitalised) + r"s?(?![\w-])", text):
            found.append(capitalised)
    return found


def cpr_warning() -> str:
    return _(
        "The text seems to contain a CPR number. Please remove it: the logbook "
        "must not identify employees."
    )


def warnings(text: str, staff_names: str) -> list[str]:
    """Translated warnings about ``text`` (empty when nothing was found)."""
    messages = []
    if contains_cpr(text):
        messages.append(cpr_warning())
    names = named_staff(text, staff_names)
    if names:
        messages.append(
            _(
                "The text mentions a name from your staff list (%(names)s). Please describe "
                "the situation without naming the employee."
            )
            % {"names": ", ".join(names)}
        )
    first_names = named_first_names(text, staff_names)
    if first_names:
        messages.append(
            _(
                "The text mentions a first name from your staff list (%(names)s). A first "
                "name alone can identify an employee in a small company; please describe "
                "the situation without it."
            )
            % {"names": ", ".join(first_names)}
        )
    return messages
