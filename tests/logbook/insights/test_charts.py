"""The readiness chart speaks the page's language: Danish decimals ("3,8", rounded as
the table rounds) and date labels that never overlap, however close the checks are."""

import datetime
import re

from django.template.defaultfilters import floatformat
from django.utils import translation

from logbook.insights import charts, readiness
from logbook.models import ReadinessCheck

# Scores 4, 4, 4, 4, 4, 3: the average is 3.83.
SCORES = dict.fromkeys(readiness.STATEMENT_KEYS, 4) | {readiness.STATEMENT_KEYS[-1]: 3}


def _check(day: datetime.date, scores=SCORES) -> ReadinessCheck:
    return ReadinessCheck(taken_on=day, scores=scores)


def _label_xs(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*class="date-label"', svg)]


def test_danish_chart_writes_the_decimal_comma_like_the_table():
    checks = [_check(datetime.date(2027, 5, 10)), _check(datetime.date(2027, 6, 14))]
    with translation.override("da"):
        svg = charts.readiness_chart_svg(checks)
        table_value = str(floatformat(readiness.average(SCORES), 1))
    assert table_value == "3,8"
    assert ">3,8</text>" in svg
    assert ">3.8<" not in svg and ": 3.8<" not in svg and "average: 3.8" not in svg.lower()
    assert ": 3,8</title>" in svg


def test_english_chart_keeps_the_decimal_point():
    with translation.override("en"):
        svg = charts.readiness_chart_svg([_check(datetime.date(2027, 5, 10))])
    assert ">3.8</text>" in svg


def test_two_checks_one_day_apart_get_labels_that_cannot_overlap():
    checks = [
        _check(datetime.date(2027, 3, 1)),
        _check(datetime.date(2027, 5, 10)),
        _check(datetime.date(2027, 5, 11)),
    ]
    with translation.override("da"):
        svg = charts.readiness_chart_svg(checks)
    xs = _label_xs(svg)
    assert all(b - a >= charts.MIN_LABEL_GAP for a, b in zip(xs, xs[1:], strict=False))
    assert "11.05.2027" in svg.split('class="date-label">')[-1]  # the latest keeps its label
    assert len(xs) == 2


def test_many_close_checks_are_thinned_to_a_minimum_distance():
    start = datetime.date(2027, 1, 1)
    checks = [_check(start + datetime.timedelta(days=day)) for day in (0, 1, 2, 3, 30, 31, 60, 90)]
    xs = _label_xs(charts.readiness_chart_svg(checks))
    assert len(xs) >= 3
    assert all(b - a >= charts.MIN_LABEL_GAP for a, b in zip(xs, xs[1:], strict=False))


def test_label_indexes_keep_the_latest_and_space_the_rest():
    assert charts.label_indexes([]) == []
    assert charts.label_indexes([100.0]) == [0]
    assert charts.label_indexes([100.0, 110.0]) == [1]
    assert charts.label_indexes([100.0, 200.0, 210.0]) == [0, 2]
    assert charts.label_indexes([0.0, 90.0, 180.0, 270.0]) == [0, 1, 2, 3]
