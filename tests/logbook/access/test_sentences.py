"""The access log reads like sentences: who (name and role) did what to which thing, in
the domain's words, and when; filtered by person and period, paginated, exported as a
Danish spreadsheet (CSV and XLSX) with the same filters, in a fixed number of queries."""

import csv
import datetime
import io
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bifrost.accounts.models import AccessLogEntry
from logbook.models import EntryComment
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory

pytestmark = pytest.mark.usefixtures("english")

URL = "logbook:access_log"


def _row(logbook, user, *, kind="logbook", object_id=None, action="read", when=None):
    return AccessLogEntry(
        organisation=logbook.company, user=user, user_label=user.email, role="advisor",
        action=action, object_kind=kind, object_id=object_id,
        created_at=when or timezone.now(),
    )  # fmt: skip


def _local(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


def _sentences(response) -> list[str]:
    return [item.sentence for item in response.context["sentences"]]


def test_each_row_is_a_sentence_in_domain_words(client, logbook, owner, case):
    advisor = case.advisor
    note = EntryFactory(logbook=logbook, author=owner, title="Vores problemfokus")
    initiative = EntryFactory(logbook=logbook, author=owner, kind="initiative", title="Ugemøde")
    comment = EntryComment.objects.create(entry=note, author=owner, text="Tak")
    when = _local(2027, 6, 3, 14, 5)
    AccessLogEntry.objects.bulk_create(
        [
            _row(logbook, advisor, kind="entry", object_id=note.pk, when=when),
            _row(logbook, advisor, kind="change_logic", object_id=initiative.pk, when=when),
            _row(logbook, advisor, kind="readiness", when=when),
            _row(logbook, advisor, kind="logbook_export", object_id=1, action="export", when=when),
            _row(
                logbook, advisor, kind="comment", object_id=comment.pk, action="delete", when=when
            ),
            _row(logbook, advisor, kind="entry", object_id=987654, when=when),
            _row(logbook, advisor, kind="logbook", action="search", when=when),
        ]
    )
    client.force_login(owner)
    response = client.get(reverse(URL, args=[logbook.pk]))
    name = advisor.get_full_name()
    on = "on June 3, 2027 at 14:05"
    assert set(_sentences(response)) == {
        f"{name} (Advisor) viewed Note: Vores problemfokus {on}",
        f"{name} (Advisor) viewed Change logic: Ugemøde {on}",
        f"{name} (Advisor) viewed Readiness checks {on}",
        f"{name} (Advisor) exported PDF export of the logbook {on}",
        f"{name} (Advisor) deleted a comment on Note: Vores problemfokus {on}",
        f"{name} (Advisor) viewed a note that has since been deleted {on}",
        f"{name} (Advisor) searched the logbook {on}",
    }
    assert escape(f"{name} (Advisor) viewed Note: Vores problemfokus {on}") in response.text


def test_titles_of_another_companys_entries_are_never_shown(
    client, programme, logbook, owner, case
):
    other_company = factories.OrganisationFactory(name="Andet Firma ApS")
    other_logbook = LogbookFactory(programme=programme, company=other_company)
    elsewhere = EntryFactory(logbook=other_logbook, title="Andet firmas hemmelighed")
    AccessLogEntry.objects.bulk_create(
        [_row(logbook, case.advisor, kind="entry", object_id=elsewhere.pk)]
    )
    client.force_login(owner)
    response = client.get(reverse(URL, args=[logbook.pk]))
    assert "hemmelighed" not in response.text
    assert "a note that has since been deleted" in _sentences(response)[0]


@pytest.fixture
def two_readers(logbook, case):
    other = factories.facilitator()
    other.full_name = "Rikke Forsker"
    other.save(update_fields=["full_name"])
    AccessLogEntry.objects.bulk_create(
        [
            _row(logbook, case.advisor, when=_local(2027, 5, 31, 23, 30)),
            _row(logbook, case.advisor, when=_local(2027, 6, 1, 0, 10)),
            _row(logbook, other, when=_local(2027, 6, 15)),
            _row(logbook, case.advisor, when=_local(2027, 6, 30, 23, 50)),
            _row(logbook, case.advisor, when=_local(2027, 7, 1, 0, 5)),
        ]
    )
    return {"advisor": case.advisor, "other": other}


def test_filter_by_person_and_period(client, logbook, owner, two_readers):
    client.force_login(owner)
    url = reverse(URL, args=[logbook.pk])
    people = dict(client.get(url).context["filter_form"].fields["person"].choices)
    assert people[two_readers["other"].pk] == "Rikke Forsker"
    june = {"date_from": "2027-06-01", "date_to": "2027-06-30"}
    response = client.get(url, june)
    assert len(response.context["sentences"]) == 3  # both days whole, Danish time
    response = client.get(url, {**june, "person": two_readers["advisor"].pk})
    assert len(response.context["sentences"]) == 2
    assert all("Rikke" not in s for s in _sentences(response))
    response = client.get(url, {"date_from": "2027-08-01"})
    assert response.context["sentences"] == []
    assert "in the period or by the person you chose" in response.text


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "2027-06-30", "date_to": "2027-06-01"},
        {"date_from": "not a date"},
        {"person": "999999"},
        {"person": "abc"},
    ],
)
def test_a_bad_filter_is_explained_and_never_a_500(client, logbook, owner, two_readers, query):
    client.force_login(owner)
    response = client.get(reverse(URL, args=[logbook.pk]), query)
    assert response.status_code == 200
    assert response.context["filter_form"].errors
    assert "The filter was not used" in response.text
    assert len(response.context["sentences"]) == 5  # the whole log


def test_the_end_before_the_start_says_so(client, logbook, owner, two_readers):
    client.force_login(owner)
    response = client.get(
        reverse(URL, args=[logbook.pk]), {"date_from": "2027-06-30", "date_to": "2027-06-01"}
    )
    assert "The end date is before the start date." in response.text


def test_paginated_and_the_page_links_keep_the_filter(client, logbook, owner, case):
    AccessLogEntry.objects.bulk_create(
        [_row(logbook, case.advisor, when=_local(2027, 6, 2)) for _ in range(60)]
    )
    client.force_login(owner)
    url = reverse(URL, args=[logbook.pk])
    first = client.get(url, {"date_from": "2027-06-01"})
    assert len(first.context["sentences"]) == 50
    assert "date_from=2027-06-01&amp;page=2" in first.text
    second = client.get(url, {"date_from": "2027-06-01", "page": 2})
    assert len(second.context["sentences"]) == 10


def test_empty_log(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse(URL, args=[logbook.pk]))
    assert "Nobody outside your company has looked at the logbook yet." in response.text


@pytest.mark.parametrize("count", [10, 200])
def test_page_queries_do_not_grow_with_the_rows(client, logbook, owner, case, count):
    """Names, entry titles and comments are resolved per page in fixed queries."""
    notes = [EntryFactory(logbook=logbook, author=owner) for _ in range(3)]
    comment = EntryComment.objects.create(entry=notes[0], author=owner, text="Tak")
    readers = [case.advisor, factories.facilitator(), factories.facilitator()]
    rows = []
    for index in range(count):
        reader = readers[index % 3]
        rows.append(_row(logbook, reader, kind="entry", object_id=notes[index % 3].pk))
        rows.append(_row(logbook, reader, kind="comment", object_id=comment.pk, action="comment"))
    AccessLogEntry.objects.bulk_create(rows)
    client.force_login(owner)
    url = reverse(URL, args=[logbook.pk])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as page_queries:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as export_queries:
        assert client.get(reverse("logbook:access_log_xlsx", args=[logbook.pk])).status_code == 200
    assert len(page_queries) <= 14
    assert len(export_queries) <= 14


def test_csv_is_danish_excel_and_honours_the_filter(client, logbook, owner, two_readers):
    client.force_login(owner)
    response = client.get(
        reverse("logbook:access_log_csv", args=[logbook.pk]),
        {"person": two_readers["other"].pk},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "When (Danish time)", "Who", "E-mail", "Role", "What they did", "What", "From where",
    ]  # fmt: skip
    assert len(rows) == 2
    assert rows[1][:2] == ["15.06.2027 10:00", "Rikke Forsker"]  # Danish date
    assert rows[1][4:6] == ["Read", "the logbook"]


def test_xlsx_honours_the_filter_and_keeps_dates_typed(client, logbook, owner, two_readers):
    client.force_login(owner)
    response = client.get(
        reverse("logbook:access_log_xlsx", args=[logbook.pk]),
        {"date_from": "2027-06-01", "date_to": "2027-06-30"},
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "When (Danish time)"
    assert len(values) == 4
    assert values[1][0] == _local(2027, 6, 30, 23, 50).replace(tzinfo=None)


def test_exports_are_for_the_company_only(client, logbook, case):
    logbook.share_with_researchers = True
    logbook.save()
    for user in (case.advisor, factories.facilitator(), factories.smv_owner()):
        client.force_login(user)
        assert client.get(reverse("logbook:access_log_xlsx", args=[logbook.pk])).status_code == 404


@pytest.mark.parametrize(
    ("kind", "action", "words"),
    [
        ("logbook_xlsx", "export", "exported the logbook as a spreadsheet (Excel)"),
        ("organisation", "change", "changed the company's details"),
        ("membership", "delete", "deleted a person's membership of the company"),
    ],
)
def test_rows_written_by_other_pages_read_in_words_too(
    client, logbook, owner, case, kind, action, words
):
    """The Excel download and the organisation pages write rows too: no code names."""
    _row(logbook, case.advisor, kind=kind, action=action).save()
    client.force_login(owner)
    (sentence,) = _sentences(client.get(reverse(URL, args=[logbook.pk])))
    assert words in sentence
