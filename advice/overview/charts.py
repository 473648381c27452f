"""Server-rendered SVG bar charts of the overview's counts (like the logbook's
readiness chart): self-contained, no scripts or external references, every text
escaped, each bar with a ``<title>``; the page puts a table with the same numbers
beside every chart. Numbers are formatted for the active language (Danish: 1.234)."""

from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 250
BAR_LEFT = LABEL_WIDTH + 10
BAR_MAX = WIDTH - BAR_LEFT - 60
ROW = 28
TOP = 8
BAR_COLOUR = "#0b5394"  # 7.4:1 on white
FONT = "font-family=\"'DejaVu Sans', Arial, sans-serif\""
MAX_LABEL = 34


def _e(value) -> str:
    return escape(str(value), quote=True)


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(rows: list[tuple[str, int]], *, title: str, chart_id: str) -> SafeString:
    """Horizontal bars, one per (label, count) row, largest scaled to the full width."""
    height = TOP * 2 + ROW * max(1, len(rows))
    largest = max((count for _label, count in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="advice-chart" role="img" aria-labelledby="{_e(chart_id)}-title">',
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>',
    ]
    for index, (label, count) in enumerate(rows):
        y = TOP + index * ROW
        width = max(1.0, count / largest * BAR_MAX) if count else 0
        shown = _e(number_format(count, force_grouping=True))
        parts.append(
            f'<text x="{LABEL_WIDTH}" y="{y + 18}" {FONT} font-size="13" text-anchor="end" '
            f'fill="#1a1a1a">{_e(_short(label))}</text>'
            f'<rect x="{BAR_LEFT}" y="{y + 4}" width="{width:.1f}" height="{ROW - 8}" '
            f'fill="{BAR_COLOUR}"><title>{_e(label)}: {shown}</title></rect>'
            f'<text x="{BAR_LEFT + width + 6:.1f}" y="{y + 18}" {FONT} font-size="13" '
            f'fill="#1a1a1a">{shown}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped
