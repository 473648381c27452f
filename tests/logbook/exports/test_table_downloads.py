"""The table downloads of a logbook (CSV, XLSX, JSON): attachments that are never
stored by the browser, with the entries in them, in a fixed number of queries."""

import json

import pytest
from django.urls import reverse

from bifrost.core import spreadsheets
from logbook.exports import downloads
from logbook.models import EntryComment
from tests.logbook.factories import EntryFactory
from tests.tables import csv_records, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def export_entry(logbook, owner):
    """An entry the exports are searched for by its title."""
    return EntryFactory(logbook=logbook, author=owner, title="Travlhed i redaktionen")


def test_csv_download(client, logbook, owner, export_entry):
    client.force_login(owner)
    response = client.get(reverse("logbook:export_csv", kwargs={"pk": logbook.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="logbook-')
    assert "no-store" in response["Cache-Control"]
    rows = csv_records(response.content, downloads.CSV_COLUMNS)
    assert rows[0]["title"] == "Travlhed i redaktionen"


def test_xlsx_download_is_offered_beside_the_csv(client, logbook, owner, export_entry):
    client.force_login(owner)
    page = client.get(reverse("logbook:export", kwargs={"pk": logbook.pk})).content.decode()
    url = reverse("logbook:export_xlsx", kwargs={"pk": logbook.pk})
    assert url in page
    assert reverse("logbook:export_csv", kwargs={"pk": logbook.pk}) in page
    response = client.get(url)
    assert response["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="logbook-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert "no-store" in response["Cache-Control"]
    rows = xlsx_rows(response.content)
    assert rows[1][downloads.CSV_COLUMNS.index("title")] == "Travlhed i redaktionen"


def test_json_download(client, logbook, owner, export_entry):
    client.force_login(owner)
    response = client.get(reverse("logbook:export_json", kwargs={"pk": logbook.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["entries"][0]["title"] == "Travlhed i redaktionen"


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx", "export_json"])
def test_csv_and_json_run_a_fixed_number_of_queries(
    client, logbook, owner, enrolled_advisor, name, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            made = EntryFactory(logbook=logbook, author=owner, title=f"Notat {i}")
            EntryComment.objects.create(entry=made, author=enrolled_advisor, text="Godt")

    client.force_login(owner)
    url = reverse(f"logbook:{name}", kwargs={"pk": logbook.pk})
    make(10)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    make(200)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
