"""The privacy guard: warn (never block) when logbook text may identify a person.

A logbook must not name employees or give health details. The guard looks for
two things a company can write by accident: a Danish CPR number and a name
from the company's own staff list (``Logbook.staff_names``). It returns
translated warning messages; callers show them and save anyway.
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


def warnings(text: str, staff_names: str) -> list[str]:
    """Translated warnings about ``text`` (empty when nothing was found). Never blocks."""
    messages = []
    if contains_cpr(text):
        messages.append(
            _(
                "The text seems to contain a CPR number. Please remove it: the logbook "
                "must not identify employees."
            )
        )
    names = named_staff(text, staff_names)
    if names:
        messages.append(
            _(
                "The text mentions a name from your staff list (%(names)s). Please describe "
                "the situation without naming the employee."
            )
            % {"names": ", ".join(names)}
        )
    return messages
