"""Retention readiness: validation of the six scores, the schedule and the SVG chart."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from logbook.insights import charts, readiness
from logbook.insights import services as insights_services
from logbook.models import ReadinessCheck

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ALL_THREE = dict.fromkeys(readiness.STATEMENT_KEYS, 3)


def _post_data(**overrides):
    data = {"taken_on": timezone.localdate().isoformat(), "note": "Vi er på vej."}
    data.update(dict.fromkeys(readiness.STATEMENT_KEYS, "3"))
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_statements_are_six_keyed_pairs_with_lazy_labels():
    assert len(readiness.STATEMENTS) == 6
    assert len(set(readiness.STATEMENT_KEYS)) == 6
    for key, label in readiness.STATEMENTS:
        assert key.isidentifier()
        assert str(label)


def test_service_saves_six_scores(logbook, owner):
    check = insights_services.readiness_check_create(
        logbook=logbook, by=owner, taken_on=timezone.localdate(), scores=ALL_THREE
    )
    check.refresh_from_db()
    assert check.scores == ALL_THREE
    assert check.created_by == owner


@pytest.mark.parametrize("bad", [None, 0, 6, -1, True, "3", 2.5])
def test_service_rejects_missing_or_out_of_range_scores(logbook, owner, bad):
    scores = dict(ALL_THREE, options=bad)
    if bad is None:
        del scores["options"]
    with pytest.raises(ValidationError) as caught:
        insights_services.readiness_check_create(
            logbook=logbook, by=owner, taken_on=timezone.localdate(), scores=scores
        )
    assert "options" in caught.value.error_dict
    assert not ReadinessCheck.objects.exists()


def test_service_rejects_unknown_statements_and_future_dates(logbook, owner):
    with pytest.raises(ValidationError) as caught:
        insights_services.readiness_check_create(
            logbook=logbook, by=owner, taken_on=timezone.localdate(), scores=dict(ALL_THREE, x=3)
        )
    assert "scores" in caught.value.error_dict
    with pytest.raises(ValidationError) as caught:
        insights_services.readiness_check_create(
            logbook=logbook,
            by=owner,
            taken_on=timezone.localdate() + datetime.timedelta(days=10),
            scores=ALL_THREE,
        )
    assert "taken_on" in caught.value.error_dict


def test_form_keeps_the_answers_when_a_statement_is_missing(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:readiness", args=[logbook.pk])
    response = client.post(url, _post_data(realism=None, engagement="5", note="Vores note"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Choose a score from 1 to 5." in content
    assert "Vores note" in content
    form = response.context["form"]
    assert form.errors.keys() == {"realism"}
    assert form["engagement"].value() == "5"
    assert re.search(r'<input[^>]*name="engagement"[^>]*value="5"[^>]*checked', content)
    assert not ReadinessCheck.objects.exists()


@pytest.mark.parametrize("value", ["7", "0", "abc"])
def test_form_rejects_out_of_range_values_with_a_clear_message(client, logbook, owner, value):
    client.force_login(owner)
    response = client.post(
        reverse("logbook:readiness", args=[logbook.pk]), _post_data(acceptance=value)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["acceptance"] == ["Choose a score from 1 to 5."]
    assert not ReadinessCheck.objects.exists()


def test_form_rejects_a_date_in_the_future_and_keeps_the_scores(client, logbook, owner):
    client.force_login(owner)
    future = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(
        reverse("logbook:readiness", args=[logbook.pk]), _post_data(taken_on=future, options="4")
    )
    assert response.status_code == 200
    assert "taken_on" in response.context["form"].errors
    assert response.context["form"]["options"].value() == "4"
    assert not ReadinessCheck.objects.exists()


def test_saving_a_check_shows_it_in_the_chart_and_the_table(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:readiness", args=[logbook.pk])
    response = client.post(url, _post_data(engagement="5", acceptance="1"))
    assert response.status_code == 302
    check = ReadinessCheck.objects.get()
    assert check.scores["engagement"] == 5
    assert check.scores["acceptance"] == 1
    page = client.get(url).content.decode()
    assert "<svg" in page
    assert "<table" in page
    assert "Last taken on" in page


def test_schedule_suggests_the_next_check_four_to_six_weeks_later():
    today = datetime.date(2027, 6, 1)
    first = readiness.schedule(None, today)
    assert first.due and first.last_taken is None
    recent = readiness.schedule(datetime.date(2027, 5, 25), today)
    assert recent.next_from == datetime.date(2027, 6, 22)
    assert recent.next_by == datetime.date(2027, 7, 6)
    assert not recent.due and not recent.overdue
    old = readiness.schedule(datetime.date(2027, 4, 1), today)
    assert old.due and old.overdue


def _checks(count: int) -> list[ReadinessCheck]:
    start = datetime.date(2027, 5, 10)
    return [
        ReadinessCheck(
            taken_on=start + datetime.timedelta(weeks=5 * i),
            scores={key: min(5, 1 + i + j % 2) for j, key in enumerate(readiness.STATEMENT_KEYS)},
        )
        for i in range(count)
    ]


def test_chart_has_a_point_per_statement_and_check_plus_the_average():
    svg = charts.readiness_chart_svg(_checks(3))
    assert svg.startswith("<svg")
    assert svg.count("<circle") == 3 * 6 + 3
    assert svg.count("<polyline") == 7
    assert "10.05.2027" in svg or "2027" in svg
    for label in readiness.SHORT_LABELS.values():
        assert str(label) in svg
    assert 'role="img"' in svg
    assert "<title" in svg and "<desc" in svg


def test_chart_is_safe_no_scripts_no_external_references_and_escaped(monkeypatch):
    monkeypatch.setitem(readiness.SHORT_LABELS, "engagement", '<script>alert("x")</script> & co')
    svg = charts.readiness_chart_svg(_checks(2))
    lowered = svg.lower()
    assert "<script" not in lowered
    assert "&lt;script&gt;" in svg
    assert "&amp; co" in svg
    assert "href" not in lowered
    assert "url(" not in lowered
    assert " on" not in lowered.replace(" one", "")  # no event-handler attributes


def test_chart_ignores_broken_scores_and_handles_one_check():
    broken = ReadinessCheck(taken_on=datetime.date(2027, 5, 1), scores={"engagement": "x"})
    svg = charts.readiness_chart_svg([broken])
    assert "<svg" in svg
    single = charts.readiness_chart_svg(_checks(1))
    assert single.count("<circle") == 7


def test_chart_of_no_checks_says_so():
    svg = charts.readiness_chart_svg([])
    assert "No readiness checks yet" in svg
    assert "<circle" not in svg


def test_responsive_chart_leaves_the_size_to_the_page():
    fixed = charts.readiness_chart_svg(_checks(2))
    responsive = charts.readiness_chart_svg(_checks(2), responsive=True)
    assert 'width="720"' in fixed.split(">")[0]
    assert "width=" not in responsive.split(">")[0]
    assert "viewBox" in responsive.split(">")[0]
