"""The case dashboards' table: column labels and the sort links of its headers.

Which sort keys exist (an allowlist) and what they sort by is
`matching.cases.selectors.SORTS`; extra columns from apps further right are
registered in `matching.cases.dashboard`.
"""

from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

COLUMN_LABELS = {
    "company": gettext_lazy("Company"),
    "advisor": gettext_lazy("Advisor"),
    "programme": gettext_lazy("Programme"),
    "phase": gettext_lazy("Phase"),
    "activity": gettext_lazy("Last activity"),
    "meeting": gettext_lazy("Next development meeting"),
    "open": gettext_lazy("Open tasks"),
    "overdue": gettext_lazy("Overdue tasks"),
}


def headers(query: QueryDict, keys: list[str], sort_key: str, descending: bool) -> list[dict]:
    """Sort links for the table headers (keeping the filters of `query`, back to page 1)."""
    params = query.copy()
    params.pop("page", None)
    links = []
    for key in keys:
        is_current = key == sort_key
        # A click on the current column turns the order around; a new column starts
        # ascending, except dates and counts, where the largest is the interesting end.
        if is_current:
            next_sort = key if descending else f"-{key}"
        else:
            next_sort = f"-{key}" if key in ("activity", "open", "overdue") else key
        params["sort"] = next_sort
        links.append(
            {
                "key": key,
                "label": COLUMN_LABELS[key],
                "url": "?" + urlencode(sorted(params.lists()), doseq=True),
                "aria_sort": ("descending" if descending else "ascending") if is_current else "",
            }
        )
    return links
