"""Server-rendered SVG charts of a logbook (used by the pages and the PDF export).

The SVG is self-contained and safe to embed: no scripts, no event attributes,
no external references (fonts, images, stylesheets); every piece of text is
escaped. Lines differ by colour (each at least 4.5:1 against white) *and* by
dash pattern, every line has a text label in the legend, and each point has a
``<title>``; the pages show a table with the same numbers beside it.

Numbers are written for the active language the way the table writes them
(`floatformat`, so Danish gets "3,8" and the same rounding), and dates in its short
format. Date labels under the axis never overlap: a label closer than
`MIN_LABEL_GAP` to the one before is left out (the latest check always keeps its
label), and every point still names its date in its ``<title>``.
"""

from html import escape

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from logbook.insights import readiness

WIDTH = 720
PLOT_LEFT, PLOT_RIGHT = 56, WIDTH - 24
PLOT_TOP, PLOT_BOTTOM = 44, 264
LEGEND_TOP = 308
LEGEND_ROW = 22
AVERAGE_COLOUR = "#1a1a1a"
# Dark enough on white for text and lines; paired with distinct dash patterns.
SERIES_STYLES = [
    ("#0b5394", "6 3"),
    ("#a34700", "2 3"),
    ("#0a6b4f", "10 3 2 3"),
    ("#9d174d", "1 2"),
    ("#5b21b6", "8 2 2 2 2 2"),
    ("#0e6577", "4 4"),
]
FONT = "font-family=\"'DejaVu Sans', Arial, sans-serif\""
# The widest short date ("30.12.2027", "12/30/2027") at font size 12 is about 70 px;
# labels are centred on their point, so centres this far apart never touch.
MIN_LABEL_GAP = 84


def number(value: float) -> str:
    """One decimal in the active language's format ("3,8" in Danish), like the table."""
    return str(floatformat(value, 1))


def _e(value) -> str:
    return escape(str(value), quote=True)


def _y(score: float) -> float:
    span = readiness.MAX_SCORE - readiness.MIN_SCORE
    return PLOT_BOTTOM - (score - readiness.MIN_SCORE) / span * (PLOT_BOTTOM - PLOT_TOP)


def _x_positions(dates: list) -> list[float]:
    if len(dates) == 1:
        return [(PLOT_LEFT + PLOT_RIGHT) / 2]
    first, last = dates[0], dates[-1]
    days = (last - first).days
    inner_left, inner_right = PLOT_LEFT + 24, PLOT_RIGHT - 24
    if days == 0:
        step = (inner_right - inner_left) / (len(dates) - 1)
        return [inner_left + i * step for i in range(len(dates))]
    return [inner_left + (d - first).days / days * (inner_right - inner_left) for d in dates]


def _valid_score(scores: dict, key: str) -> int | None:
    value = scores.get(key) if isinstance(scores, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _empty_svg(id_prefix: str) -> SafeString:
    text = _e(_("No readiness checks yet."))
    return mark_safe(  # noqa: S308 — all text above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} 60" width="{WIDTH}" '
        f'height="60" role="img" aria-labelledby="{_e(id_prefix)}-title">'
        f'<title id="{_e(id_prefix)}-title">{text}</title>'
        f'<text x="16" y="34" {FONT} font-size="15" fill="#1a1a1a">{text}</text></svg>'
    )


def _grid() -> list[str]:
    """Grid lines and y axis labels 1..5, the axis title and the x axis."""
    parts = []
    for score in range(readiness.MIN_SCORE, readiness.MAX_SCORE + 1):
        y = _y(score)
        parts.append(
            f'<line x1="{PLOT_LEFT}" y1="{y:.1f}" x2="{PLOT_RIGHT}" y2="{y:.1f}" '
            f'stroke="#c8c8c8" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{PLOT_LEFT - 10}" y="{y + 5:.1f}" {FONT} font-size="13" '
            f'text-anchor="end" fill="#1a1a1a">{score}</text>'
        )
    parts.append(
        f'<text x="14" y="{(PLOT_TOP + PLOT_BOTTOM) / 2:.1f}" {FONT} font-size="12" '
        f'fill="#1a1a1a" transform="rotate(-90 14 {(PLOT_TOP + PLOT_BOTTOM) / 2:.1f})" '
        f'text-anchor="middle">{_e(_("score (1–5)"))}</text>'
    )
    parts.append(
        f'<line x1="{PLOT_LEFT}" y1="{PLOT_BOTTOM}" x2="{PLOT_RIGHT}" y2="{PLOT_BOTTOM}" '
        f'stroke="#1a1a1a" stroke-width="1"/>'
    )
    return parts


def label_indexes(xs: list[float], *, min_gap: float = MIN_LABEL_GAP) -> list[int]:
    """Which points get a date label: from the first on, each one at least `min_gap`
    from the last one labelled; the latest check always keeps its label (the one
    before it gives way when they are too close)."""
    if not xs:
        return []
    kept = [0]
    for index in range(1, len(xs)):
        if xs[index] - xs[kept[-1]] >= min_gap:
            kept.append(index)
    last = len(xs) - 1
    if kept[-1] != last:
        while len(kept) > 1 and xs[last] - xs[kept[-1]] < min_gap:
            kept.pop()
        if xs[last] - xs[kept[-1]] >= min_gap:
            kept.append(last)
        else:
            kept = [last]  # a single check's span: the latest date alone
    return kept


def _date_labels(xs: list[float], dates: list) -> list[str]:
    """Date labels under the x axis, never closer than MIN_LABEL_GAP."""
    parts = []
    for index in label_indexes(xs):
        parts.append(
            f'<text x="{xs[index]:.1f}" y="{PLOT_BOTTOM + 22}" {FONT} font-size="12" '
            f'text-anchor="middle" fill="#1a1a1a" class="date-label">'
            f"{_e(date_format(dates[index], 'SHORT_DATE_FORMAT'))}</text>"
        )
    return parts


def _statement_lines(xs: list[float], checks: list) -> list[str]:
    """One line per statement, dodged a few pixels sideways so equal scores stay visible."""
    parts = []
    for index, (key, _label) in enumerate(readiness.STATEMENTS):
        colour, dash = SERIES_STYLES[index]
        dodge = (index - 2.5) * 3
        label = _e(readiness.SHORT_LABELS[key])
        points = [
            (x + dodge, _y(score), check, score)
            for x, check in zip(xs, checks, strict=True)
            if (score := _valid_score(check.scores, key)) is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _c, _s in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-dasharray="{dash}"/>'
            )
        for px, py, check, score in points:
            when = _e(date_format(check.taken_on, "SHORT_DATE_FORMAT"))
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}">'
                f"<title>{label}, {when}: {score}</title></circle>"
            )
    return parts


def _average_line(xs: list[float], checks: list, average_label: str) -> list[str]:
    """The average on top: a thick black line with its value at each point."""
    parts = []
    averages = [
        (x, avg, check)
        for x, check in zip(xs, checks, strict=True)
        if (avg := readiness.average(check.scores or {})) is not None
    ]
    if len(averages) > 1:
        path = " ".join(f"{x:.1f},{_y(avg):.1f}" for x, avg, _c in averages)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{AVERAGE_COLOUR}" stroke-width="4"/>'
        )
    for x, avg, check in averages:
        when = _e(date_format(check.taken_on, "SHORT_DATE_FORMAT"))
        parts.append(
            f'<circle cx="{x:.1f}" cy="{_y(avg):.1f}" r="5" fill="{AVERAGE_COLOUR}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{average_label}, {when}: '
            f"{_e(number(avg))}</title></circle>"
        )
        parts.append(
            f'<text x="{x:.1f}" y="{_y(avg) - 10:.1f}" {FONT} font-size="12" '
            f'font-weight="bold" text-anchor="middle" fill="{AVERAGE_COLOUR}">'
            f"{_e(number(avg))}</text>"
        )
    return parts


def _legend(average_label: str) -> list[str]:
    """Two columns, the average first."""
    parts = []
    legend = [(average_label, AVERAGE_COLOUR, "", 4)] + [
        (_e(readiness.SHORT_LABELS[key]), colour, dash, 2)
        for (key, _label), (colour, dash) in zip(readiness.STATEMENTS, SERIES_STYLES, strict=True)
    ]
    for index, (text, colour, dash, width) in enumerate(legend):
        column, row = divmod(index, 4)
        lx = PLOT_LEFT + column * 330
        ly = LEGEND_TOP + row * LEGEND_ROW
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 36}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="{width}"{dash_attr}/>'
        )
        parts.append(
            f'<text x="{lx + 44}" y="{ly}" {FONT} font-size="13" fill="#1a1a1a">{text}</text>'
        )
    return parts


def readiness_chart_svg(
    checks, *, id_prefix: str = "readiness-chart", responsive: bool = False
) -> SafeString:
    """An SVG line chart of readiness checks (ordered by date): the average as a thick
    black line and one thinner line per statement, with a legend.

    An empty list gives a short SVG saying there are no checks yet. ``responsive``
    leaves out the fixed width and height, so a web page can scale the chart to its
    column (the viewBox keeps the proportions); the PDF uses the fixed size.
    """
    checks = list(checks)
    if not checks:
        return _empty_svg(id_prefix)
    dates = [check.taken_on for check in checks]
    xs = _x_positions(dates)
    pid = _e(id_prefix)
    title = _e(_("Retention readiness over time"))
    last_average = readiness.average(checks[-1].scores or {})
    desc = _e(
        ngettext(
            "%(count)s check on %(first)s. Latest average: %(average)s of 5.",
            "%(count)s checks from %(first)s to %(last)s. Latest average: %(average)s of 5.",
            len(checks),
        )
        % {
            "count": len(checks),
            "first": date_format(dates[0], "SHORT_DATE_FORMAT"),
            "last": date_format(dates[-1], "SHORT_DATE_FORMAT"),
            "average": "–" if last_average is None else number(last_average),
        }
    )
    height = LEGEND_TOP + 4 * LEGEND_ROW + 8
    size = "" if responsive else f'width="{WIDTH}" height="{height}" '
    average_label = _e(_("Average of the six statements"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" {size}'
        f'role="img" aria-labelledby="{pid}-title {pid}-desc">',
        f'<title id="{pid}-title">{title}</title>',
        f'<desc id="{pid}-desc">{desc}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{PLOT_LEFT}" y="22" {FONT} font-size="15" font-weight="bold" '
        f'fill="#1a1a1a">{title}</text>',
        *_grid(),
        *_date_labels(xs, dates),
        *_statement_lines(xs, checks),
        *_average_line(xs, checks, average_label),
        *_legend(average_label),
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped
