"""The advisor's dashboard: her cases, the most urgent first, each with what needs
attention in words; never another advisor's cases; queries that do not grow."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from logbook.models import Logbook
from matching.dashboards import attention
from matching.models import Case, CaseMeeting, CaseMeetingInput, CaseTask
from tests import factories
from tests.accounts.dashboards.builders import busy, cases_for, move
from tests.logbook.factories import EntryFactory
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")
# Session, user, roles, memberships, the visit, the bell and the panels' reads.
MAX_QUERIES = 19  # the advice panel reads 3 (requests, confirmations, queues)


def _rows(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    panel = next(p for p in response.context["panels"] if p.key == "matching.cases")
    return panel.data["rows"], response.text


def _named(cases, *names):
    for case, name in zip(cases, names, strict=True):
        case.company.name = name
        case.company.save(update_fields=["name"])
    return cases


@pytest.fixture
def four(programme, unit, enrolled_advisor):
    """Four cases: one with an overdue task, one silent for five weeks, one with
    unread logbook entries, one with nothing to do."""
    late, silent, unread, calm = _named(
        cases_for(enrolled_advisor, unit, programme, 4), "Delta", "Alfa", "Charlie", "Bravo"
    )
    today = timezone.localdate()
    CaseTask.objects.create(case=late, title="t", due_on=today - timedelta(days=1))
    CaseTask.objects.create(case=calm, title="t", due_on=today + timedelta(days=10))
    CaseMeeting.objects.create(
        case=silent, held_on=today - timedelta(weeks=5), participants="p", summary="s"
    )
    EntryFactory(logbook=Logbook.objects.get(company=unread.company), title="Nyt notat")
    return late, silent, unread, calm


def test_cases_most_urgent_first_with_the_reasons_in_words(client, four, enrolled_advisor, english):
    rows, html = _rows(client, enrolled_advisor)
    assert [row.case.company.name for row in rows] == ["Delta", "Alfa", "Charlie", "Bravo"]
    assert [row.urgency for row in rows] == [
        attention.OVERDUE,
        attention.NO_CONTACT,
        attention.NEW_ENTRIES,
        0,
    ]
    assert "1 task is overdue" in html
    assert "No company meeting for 5 weeks" in html
    assert "1 logbook entry, and you have not opened the logbook yet" in html
    assert "Nothing needs you now" in html
    late = four[0]
    assert reverse("matching:case_detail", args=[late.pk]) + "#tasks" in html


def test_unread_entries_count_from_her_last_read_in_the_access_log(
    client, four, enrolled_advisor, english
):
    unread = four[2]
    logbook = Logbook.objects.get(company=unread.company)
    AccessLogEntry.objects.create(
        organisation=unread.company,
        user=enrolled_advisor,
        user_label=enrolled_advisor.email,
        role="advisor",
        action=AccessLogEntry.Action.READ,
        object_kind="logbook",
        object_id=logbook.pk,
    )
    rows, _html = _rows(client, enrolled_advisor)
    assert not next(r for r in rows if r.case == unread).reasons  # she has seen it
    EntryFactory(logbook=logbook, title="Endnu et notat")
    _rows_after, html = _rows(client, enrolled_advisor)
    assert "1 new logbook entry since you last opened the logbook" in html


def test_nothing_is_said_about_a_logbook_the_company_does_not_share(
    client, four, enrolled_advisor, english
):
    unread = four[2]
    Logbook.objects.filter(company=unread.company).update(share_with_advisor=False)
    rows, html = _rows(client, enrolled_advisor)
    assert not next(r for r in rows if r.case == unread).reasons
    assert "logbook entr" not in html


def test_input_missing_for_a_meeting_within_a_week(client, case, enrolled_advisor, english):
    meeting = move(case.programme.meetings.get(number=1), days=3)
    for earlier in case.programme.meetings.filter(number=0):
        move(earlier, days=-20)
    _rows_now, html = _rows(client, enrolled_advisor)
    assert f"“{meeting.title}” is in 3 days and your input for it is not written yet" in html
    CaseMeetingInput.objects.create(case=case, meeting=meeting, text="Vores input")
    rows, _html = _rows(client, enrolled_advisor)
    assert rows[0].reasons == []


def test_closed_cases_and_other_advisors_cases_never_show(
    client, programme, unit, enrolled_advisor, english
):
    mine, closed = _named(cases_for(enrolled_advisor, unit, programme, 2), "Min", "Lukket")
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED)
    colleague = factories.advisor(organisation=unit)
    _named(cases_for(colleague, unit, programme, 1), "Kollegaens")
    rows, html = _rows(client, enrolled_advisor)
    assert [row.case.company.name for row in rows] == ["Min"]
    assert "Kollegaens" not in html and "Lukket" not in html


def test_without_cases_she_is_told_when_they_come(client, english):
    _rows_none, html = _rows(client, factories.advisor())
    assert "You have no active case yet." in html
    assert "Companies are matched with advisors at development meeting 2" in html


def test_many_cases_show_the_most_urgent_with_a_link_to_all(
    client, programme, unit, enrolled_advisor, english
):
    cases_for(enrolled_advisor, unit, programme, 25)
    rows, html = _rows(client, enrolled_advisor)
    assert len(rows) == 20
    assert "All your 25 cases" in html


def test_queries_are_the_same_for_10_and_200_cases(
    client, programme, unit, enrolled_advisor, django_assert_max_num_queries, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the built page (a reload would be kept)
    other = factories.advisor()
    CaseFactory(
        programme=programme, company=factories.OrganisationFactory(), advisor=other, unit=unit
    )
    client.force_login(enrolled_advisor)
    counts = {}
    for total in (10, 200):
        already = Case.objects.filter(advisor=enrolled_advisor).count()
        busy(cases_for(enrolled_advisor, unit, programme, total - already), enrolled_advisor)
        client.get(DASHBOARD)  # the visit row and the session exist from here on
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(DASHBOARD)
        counts[total] = len(captured.captured_queries)
        rows = next(p for p in response.context["panels"] if p.key == "matching.cases").data["rows"]
        assert len(rows) == min(total, 20)
        every_reason = attention.OVERDUE + attention.NO_CONTACT + attention.NEW_ENTRIES
        assert all(row.urgency == every_reason for row in rows)
    assert counts[10] == counts[200], counts
