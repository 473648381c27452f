"""A match run as CSV: one row per pair, then one per unmatched company.

Every cell goes through `bifrost.core.cells.neutralise`, so a company or person
named "=HYPERLINK(...)" is text in a spreadsheet, never a formula.
"""

import csv
import io

from django.utils.translation import gettext as _

from bifrost.core.cells import neutralise
from matching.models import MatchRun
from matching.runs import scoring
from matching.runs.selectors import run_view


def run_csv(run: MatchRun) -> str:
    view = run_view(run)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = [
        _("Company"),
        _("Advisor"),
        _("Advisory unit"),
        _("Score"),
        _("Challenge fit"),
        _("Industry experience"),
        _("Region and format"),
        _("Role fit"),
        _("Source"),
        _("Why / reason"),
    ]
    writer.writerow([neutralise(h) for h in header])
    for pair in view.pairs:
        points = [pair.breakdown.get(name, {}).get("points", "") for name in scoring.CRITERIA]
        row = [
            pair.company.name,
            pair.advisor.get_full_name(),
            pair.unit_name,  # type: ignore[attr-defined]
            pair.score,
            *points,
            pair.get_source_display(),
            "; ".join(pair.why),  # type: ignore[attr-defined]
        ]
        writer.writerow([neutralise(v) for v in row])
    for unmatched in view.unmatched:
        row = [unmatched["company_name"], "", "", "", "", "", "", "", _("Unmatched")]
        writer.writerow([neutralise(v) for v in [*row, unmatched["reason_text"]]])
    return buffer.getvalue()
