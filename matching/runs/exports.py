"""A match run as a table (Danish CSV and XLSX through the core's table export): one
row per pair, then one per unmatched company.

Scores and points stay numbers; every text cell is neutralised by the core, so a
company or person named "=HYPERLINK(...)" is text in a spreadsheet, never a formula.
"""

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bifrost.core import spreadsheets
from matching.models import MatchRun
from matching.runs import scoring
from matching.runs.selectors import run_view

COLUMNS = [
    gettext_lazy("Company"),
    gettext_lazy("Advisor"),
    gettext_lazy("Advisory unit"),
    gettext_lazy("Score"),
    gettext_lazy("Challenge fit"),
    gettext_lazy("Industry experience"),
    gettext_lazy("Region and format"),
    gettext_lazy("Role fit"),
    gettext_lazy("Source"),
    gettext_lazy("Why / reason"),
]


def _rows(run: MatchRun) -> Iterator[list]:
    view = run_view(run)
    for pair in view.pairs:
        points = [pair.breakdown.get(name, {}).get("points") for name in scoring.CRITERIA]
        yield [
            pair.company.name,
            pair.advisor.get_full_name(),
            pair.unit_name,  # type: ignore[attr-defined]
            pair.score,
            *points,
            pair.get_source_display(),
            "; ".join(pair.why),  # type: ignore[attr-defined]
        ]
    for unmatched in view.unmatched:
        yield [
            unmatched["company_name"],
            None,
            None,
            None,
            *[None] * len(scoring.CRITERIA),
            _("Unmatched"),
            unmatched["reason_text"],
        ]


def run_table(run: MatchRun) -> spreadsheets.Table:
    return spreadsheets.Table(
        columns=COLUMNS,
        rows=lambda: _rows(run),
        sheet_title=gettext_lazy("Match run"),
        filename=f"match-run-{run.pk}",
    )
