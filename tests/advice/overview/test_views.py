"""The administrators' overview: facilitators only; states, waiting time and counts,
never a request's own words; exports for Danish Excel; a fixed number of queries."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from advice.models import RequestState, WorkplaceKind
from advice.overview import selectors
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db

SECRET_SITUATION = "Hemmelig situation om en navngiven medarbejder"


@pytest.fixture
def staffed(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def requests_world():
    offer_round = advice.OfferRoundFactory()
    violence = advice.ThemeFactory(round=offer_round, title="Vold og trusler", slug="vold")
    culture = advice.ThemeFactory(round=offer_round, title="Kultur", slug="kultur")
    alfa = advice.ProviderFactory(name="Udbyder Alfa", slug="alfa")
    advice.course_model(alfa)
    beta = advice.ProviderFactory(name="Udbyder Beta", slug="beta")
    common = {"round": offer_round, "situation": SECRET_SITUATION, "goals": "Hemmeligt mål"}
    made = [
        advice.awaiting_request(provider=alfa, themes=[violence], **common),
        advice.queued_request(provider=alfa, themes=[violence, culture], **common),
        advice.accepted_request(provider=alfa, themes=[culture], **common),
        advice.declined_request(
            provider=beta, themes=[violence], workplace_kind=WorkplaceKind.PSYCHIATRY, **common
        ),
        advice.AdviceRequestFactory(provider=beta, themes=[violence], **common),  # a draft
    ]
    made[0].expected_hours = Decimal("12.5")
    made[0].workplace_name = "=HYPERLINK(1)"
    made[0].save()
    return made


@pytest.mark.parametrize("make", [factories.smv_owner, factories.advisor])
def test_only_facilitators_see_the_overview(client, make, requests_world):
    client.force_login(make())
    for name in ("overview", "overview_counts", "overview_csv", "overview_xlsx"):
        assert client.get(reverse(f"advice:{name}")).status_code == 404


def test_the_list_shows_sent_requests_never_their_text(staffed, requests_world):
    html = staffed.get(reverse("advice:overview")).content.decode()
    assert html.count("<tr>") == 1 + 4  # the header and four sent requests (no draft)
    assert SECRET_SITUATION not in html and "Hemmeligt mål" not in html


def test_the_list_filters_by_state_provider_and_theme(staffed, requests_world):
    def rows(**params):
        return staffed.get(reverse("advice:overview"), params).content.decode().count("<tr>") - 1

    assert rows(state=RequestState.QUEUED) == 1
    assert rows(provider="beta") == 1
    assert rows(theme="kultur") == 2
    assert rows(theme="vold", provider="alfa") == 2
    assert staffed.get(reverse("advice:overview"), {"state": "junk"}).status_code == 200


def test_the_counts_per_theme_provider_kind_and_month(requests_world):
    counts = selectors.counts()
    assert dict(counts["theme"]) == {"Vold og trusler": 3, "Kultur": 2}
    assert dict(counts["provider"]) == {"Udbyder Alfa": 3, "Udbyder Beta": 1}
    kinds = dict(counts["kind"])
    assert kinds[str(WorkplaceKind.PSYCHIATRY.label)] == 1
    assert kinds[str(WorkplaceKind.HOSPITAL_WARD.label)] == 3
    assert sum(n for _month, n in counts["month"]) == 4


def test_the_counts_page_has_a_chart_and_a_table_for_each(staffed, requests_world):
    html = staffed.get(reverse("advice:overview_counts")).content.decode()
    assert html.count("<svg") == 4
    assert html.count("<table") == 4
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_waiting_time_runs_until_the_request_is_settled():
    sent = timezone.now() - timedelta(days=9)
    waiting = advice.awaiting_request(now=sent)
    assert selectors.waiting_days(waiting) == 9
    withdrawn = advice.withdrawn_request(now=sent)
    withdrawn.withdrawn_at = sent + timedelta(days=2)
    assert selectors.waiting_days(withdrawn) == 2


def test_the_csv_is_for_danish_excel(staffed, requests_world):
    response = staffed.get(reverse("advice:overview_csv"))
    content = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert content.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert len(table) == 1 + 4
    assert all(len(row) == len(table[0]) for row in table)
    assert table[0][0] == "Anmodning nr."
    assert "Forventede arbejdstimer" in table[0]
    assert "12,5" in content and "12.5" not in content
    assert "'=HYPERLINK(1)" in content
    assert SECRET_SITUATION not in content


def test_the_xlsx_opens_and_has_the_rows(staffed, requests_world):
    response = staffed.get(reverse("advice:overview_xlsx"), {"provider": "alfa"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert any(row[3] == "'=HYPERLINK(1)" for row in rows)
    assert any(Decimal(str(row[9])) == Decimal("12.5") for row in rows[1:])
    assert all(isinstance(row[0], int) for row in rows[1:])  # numbers stay numbers


def _many(count: int) -> None:
    offer_round = advice.OfferRoundFactory()
    theme = advice.ThemeFactory(round=offer_round)
    provider = advice.ProviderFactory()
    leader = factories.UserFactory()
    for _ in range(count):
        advice.awaiting_request(round=offer_round, provider=provider, leader=leader, themes=[theme])


@pytest.mark.parametrize("count", [10, 200])
def test_the_overview_runs_a_fixed_number_of_queries(staffed, django_assert_max_num_queries, count):
    _many(count)
    with django_assert_max_num_queries(14):
        assert staffed.get(reverse("advice:overview")).status_code == 200
    with django_assert_max_num_queries(10):
        assert staffed.get(reverse("advice:overview_csv")).status_code == 200
    with django_assert_max_num_queries(10):
        assert staffed.get(reverse("advice:overview_counts")).status_code == 200
