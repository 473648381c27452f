"""The research dataset: only logbooks shared with the researchers, companies as stable
codes that need the server secret, authors as roles, free text and dates kept, one
access-log row per included logbook, and only for facilitators."""

import datetime
import hashlib
import hmac

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from logbook.exports import research
from logbook.models import EntryComment
from programme.models import Enrolment
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import CaseFactory
from tests.tables import csv_rows, xlsx_rows, xlsx_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(logbook, owner, enrolled_advisor, unit, programme, company):
    logbook.share_with_researchers = True
    logbook.save(update_fields=["share_with_researchers"])
    CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    entry = EntryFactory(
        logbook=logbook,
        author=owner,
        entry_date=datetime.date(2027, 6, 2),
        title="Vi prøver faste fokusdage",
        body="Vi vil skærme **to dage** om ugen.",
    )
    EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="Følg op i august")
    return logbook


@pytest.fixture
def private(programme):
    company = factories.OrganisationFactory(name="Hemmelig Forlag ApS")
    Enrolment.objects.create(programme=programme, organisation=company)
    logbook = LogbookFactory(programme=programme, company=company)
    author = factories.smv_owner(organisation=company)
    EntryFactory(logbook=logbook, author=author, title="Må ikke deles")
    return logbook


def _rows(response) -> list[dict]:
    header, *rows = csv_rows(response.content)
    assert len(header) == len(research.COLUMNS)
    return [dict(zip(research.COLUMNS, row, strict=True)) for row in rows]


def _url(programme) -> str:
    return reverse("logbook:research_dataset", kwargs={"pk": programme.pk})


def test_company_codes_are_stable_and_keyed_by_the_secret(settings):
    code = research.company_code(42)
    assert code == research.company_code(42)
    assert code != research.company_code(43)
    expected = hmac.new(settings.SECRET_KEY.encode(), b"company:42", hashlib.sha256).hexdigest()
    assert code == "V-" + expected[:8]
    settings.SECRET_KEY = "another-secret-" + "x" * 40
    assert research.company_code(42) != code


def test_only_shared_logbooks_are_included_with_codes_and_roles(
    client, facilitator, programme, shared, private, owner, enrolled_advisor
):
    client.force_login(facilitator)
    response = client.get(_url(programme))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = _rows(response)
    assert [row["title"] for row in rows] == ["Vi prøver faste fokusdage"]
    row = rows[0]
    assert row["company_code"] == research.company_code(shared.company_id)
    assert row["author_role"] == "smv_owner"
    assert row["entry_date"] == "02.06.2027"
    assert row["body"] == "Vi vil skærme **to dage** om ugen."
    assert "advisor: Følg op i august" in row["comments"]
    content = response.content.decode("utf-8-sig")
    for identifying in (
        shared.company.name,
        private.company.name,
        owner.get_full_name(),
        owner.email,
        enrolled_advisor.get_full_name(),
        enrolled_advisor.email,
        "Må ikke deles",
    ):
        assert identifying not in content


def test_the_dataset_has_danish_headings_and_an_xlsx_twin(client, facilitator, programme, shared):
    client.force_login(facilitator)
    header = csv_rows(client.get(_url(programme)).content)[0]
    assert header[1] == "Dato"
    assert "Titel" in header and "Kommentarer" in header and "Oprettet" in header
    response = client.get(reverse("logbook:research_dataset_xlsx", kwargs={"pk": programme.pk}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    rows = xlsx_rows(response.content)
    assert rows[0][1] == "Dato"
    record = dict(zip(research.COLUMNS, rows[1], strict=True))
    assert record["entry_date"].date() == datetime.date(2027, 6, 2)
    assert record["title"] == "Vi prøver faste fokusdage"
    assert xlsx_sheet(response.content).cell(row=2, column=2).is_date


def test_both_files_are_offered_on_the_programme_page(client, facilitator, programme):
    client.force_login(facilitator)
    page = client.get(reverse("programme:programme_detail", kwargs={"pk": programme.pk}))
    html = page.content.decode()
    assert _url(programme) in html
    assert reverse("logbook:research_dataset_xlsx", kwargs={"pk": programme.pk}) in html


def test_the_same_company_gets_the_same_code_in_every_export(
    client, facilitator, programme, shared
):
    client.force_login(facilitator)
    first = _rows(client.get(_url(programme)))
    second = _rows(client.get(_url(programme)))
    assert first[0]["company_code"] == second[0]["company_code"]


def test_one_access_log_row_per_included_logbook(client, facilitator, programme, shared, private):
    client.force_login(facilitator)
    client.get(_url(programme))
    rows = list(
        AccessLogEntry.objects.filter(user=facilitator).values_list(
            "organisation_id", "action", "object_kind"
        )
    )
    assert rows == [(shared.company_id, AccessLogEntry.Action.EXPORT, "research_dataset")]


def test_withdrawn_consent_removes_the_logbook(client, facilitator, programme, shared):
    shared.share_with_researchers = False
    shared.save(update_fields=["share_with_researchers"])
    client.force_login(facilitator)
    response = client.get(_url(programme))
    assert _rows(response) == []
    assert not AccessLogEntry.objects.filter(user=facilitator).exists()


def test_free_text_that_looks_like_a_formula_is_neutralised(
    client, facilitator, programme, shared, owner
):
    EntryFactory(logbook=shared, author=owner, title="=cmd|' /C calc'!A0", body="@SUM(1)")
    client.force_login(facilitator)
    rows = _rows(client.get(_url(programme)))
    titles = {row["title"] for row in rows}
    assert "'=cmd|' /C calc'!A0" in titles
    assert "'@SUM(1)" in {row["body"] for row in rows}


def test_the_dataset_is_built_in_a_fixed_number_of_queries(
    programme, shared, owner, enrolled_advisor, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as small:
        research.dataset(programme)
    for i in range(60):
        entry = EntryFactory(logbook=shared, author=owner, title=f"Notat {i}")
        EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="Godt")
    with django_assert_max_num_queries(len(small.captured_queries)):
        logbooks, rows = research.dataset(programme)
    assert len(rows) == 61


@pytest.mark.parametrize("who", ["owner", "enrolled_advisor", "smv_owner", "advisor"])
def test_everyone_but_facilitators_gets_404(client, programme, shared, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url(programme)).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_an_unknown_programme_is_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("logbook:research_dataset", kwargs={"pk": 999999})).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, programme):
    response = client.get(_url(programme))
    assert response.status_code == 302
