"""The facilitator's dashboard: the next meeting of each running programme with its
agenda and every company's preparation, match runs to confirm, the evaluation's
response rates, exports that failed; empty states; queries that do not grow."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.core.exports.models import ExportStatus
from logbook.models import Logbook, LogbookExport
from matching.models import MatchPair, MatchRun
from programme.meetings import services as meeting_services
from programme.models import AgendaExport, Enrolment, EvaluationResponse
from programme.programmes import services as programme_services
from tests import factories
from tests.accounts.dashboards.builders import cases_for
from tests.matching.factories import MatchRunFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")
# Session, user, roles, memberships, the visit, the counts, the bell, the panels.
MAX_QUERIES = 27  # the advice panel reads 3 (requests, confirmations, queues)


def _page(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response


def _panel(response, key):
    return next(p for p in response.context["panels"] if p.key == key).data


@pytest.fixture
def three_companies(programme, company):
    """`company` and two more enrolled: one done preparing the kick-off, one started."""
    done, started = (factories.OrganisationFactory(name=n) for n in ("Færdig A/S", "I gang ApS"))
    for other in (done, started):
        Enrolment.objects.create(programme=programme, organisation=other)
    kickoff = programme.meetings.get(number=0)
    kickoff.preparation_task = "Tag tre spørgsmål med."
    kickoff.preparation_due = date(2027, 4, 30)
    kickoff.save(update_fields=["preparation_task", "preparation_due"])
    meeting_services.preparation_submit(
        meeting=kickoff, organisation=done, user=None, text="Klar", done=True
    )
    meeting_services.preparation_submit(
        meeting=kickoff, organisation=started, user=None, text="Et udkast", done=False
    )
    return kickoff


def test_next_meeting_of_each_programme_with_agenda_and_preparation(
    client, facilitator, programme, three_companies, english
):
    kickoff = three_companies
    html = _page(client, facilitator).text
    assert programme.name in html and kickoff.title in html
    items = kickoff.agenda_items.count()
    assert f"The agenda has {items} items." in html
    assert reverse("programme:agenda", args=[kickoff.pk]) in html
    assert "Preparation: 1 done, 1 started, 1 not started." in html


def test_an_ended_programme_is_left_out(client, facilitator, programme, english):
    old = programme_services.programme_create_from_template(
        name="Forløbet der sluttede",
        description="",
        starts_on=date(2024, 5, 1),
        ends_on=date(2024, 11, 29),
        user=facilitator,
    )
    response = _page(client, facilitator)
    shown = [row.programme for row in _panel(response, "programme.next_meetings")["rows"]]
    assert shown == [programme] and old not in shown


def test_match_runs_waiting_for_confirmation(client, facilitator, programme, company, english):
    draft = MatchRunFactory(programme=programme, created_by=facilitator)
    MatchPair.objects.create(run=draft, company=company, advisor=factories.advisor())
    MatchRunFactory(programme=programme, status=MatchRun.Status.CONFIRMED)
    html = _page(client, facilitator).text
    assert reverse("matching:run", args=[draft.pk]) in html
    assert "1 pair" in html
    response = _page(client, facilitator)
    assert _panel(response, "matching.draft_runs")["runs"] == [draft]


def test_evaluation_response_rate(client, facilitator, programme, owner, enrolled_advisor, english):
    closing = programme.meetings.get(number=6)
    EvaluationResponse.objects.create(meeting=closing, respondent=owner, answers={})
    html = _page(client, facilitator).text
    # The participants: the owner of the enrolled company and the enrolled advisor.
    assert "1 of 2 participants answered (50 %)." in html
    assert reverse("programme:exercise_evaluation", args=[closing.pk]) in html


def test_failed_exports_the_facilitator_may_see(
    client, facilitator, programme, company, owner, english
):
    meeting = programme.meetings.get(number=1)
    AgendaExport.objects.create(
        meeting=meeting, version="a" * 64, status=ExportStatus.FAILED, requested_by=owner
    )
    AgendaExport.objects.create(meeting=meeting, version="b" * 64, status=ExportStatus.DONE)
    logbook = Logbook.objects.get(company=company)
    LogbookExport.objects.create(logbook=logbook, version="c" * 64, status=ExportStatus.FAILED)
    html = _page(client, facilitator).text
    assert f"Agenda PDF of “{meeting.title}”" in html
    assert html.count("Agenda PDF of") == 1
    assert "Logbook PDF of" not in html  # the company does not share with the researchers
    logbook.share_with_researchers = True
    logbook.save(update_fields=["share_with_researchers"])
    html = _page(client, facilitator).text
    assert f"Logbook PDF of {company.name}" in html
    assert reverse("logbook:export", args=[logbook.pk]) in html
    assert "Asked for by" in html


def test_without_programmes_every_panel_says_what_will_appear(client, facilitator, english):
    html = _page(client, facilitator).text
    assert "No programme is running. When you create one, its next meeting appears here" in html
    assert reverse("programme:programme_create") in html
    assert "No match run is waiting." in html
    assert "The response rate of each programme's evaluation" in html
    assert "No export has failed." in html
    assert "No invitations are waiting." in html


def _grow(programme, unit, advisor, closing, kickoff, count: int) -> None:
    """`count` more companies with an owner, a case, a preparation, an evaluation
    answer, a failed logbook PDF (shared with the researchers) and a draft run."""
    cases = cases_for(advisor, unit, programme, count, owners=True)
    Logbook.objects.filter(company__in=[c.company_id for c in cases]).update(
        share_with_researchers=True
    )
    for index, case in enumerate(cases):
        owner = case.company.memberships.get().user
        meeting_services.preparation_submit(
            meeting=kickoff, organisation=case.company, user=owner, text="x", done=index % 2 == 0
        )
        EvaluationResponse.objects.create(meeting=closing, respondent=owner, answers={})
    LogbookExport.objects.bulk_create(
        LogbookExport(logbook=logbook, version=f"{logbook.pk:064d}", status=ExportStatus.FAILED)
        for logbook in Logbook.objects.filter(company__in=[c.company_id for c in cases])
    )
    run = MatchRunFactory(programme=programme)
    MatchPair.objects.bulk_create(
        MatchPair(run=run, company=case.company, advisor=advisor) for case in cases
    )


def test_queries_are_the_same_for_10_and_200_cases(
    client, facilitator, programme, unit, enrolled_advisor, django_assert_max_num_queries, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the built page (a reload would be kept)
    kickoff = programme.meetings.get(number=0)
    kickoff.preparation_task = "Forbered jer."
    kickoff.save(update_fields=["preparation_task"])
    closing = programme.meetings.get(number=6)
    # A second running programme with its own next meeting.
    programme_services.programme_create_from_template(
        name="Et andet forløb",
        description="",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=200),
        user=facilitator,
    )
    client.force_login(facilitator)
    counts = {}
    for total, more in ((10, 10), (200, 190)):
        _grow(programme, unit, enrolled_advisor, closing, kickoff, more)
        client.get(DASHBOARD)
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(DASHBOARD)
        counts[total] = len(captured.captured_queries)
        rows = _panel(response, "programme.next_meetings")["rows"]
        assert len(rows) == 2
        mine = next(row for row in rows if row.programme == programme)
        assert len(mine.companies) == total
        assert mine.done == total // 2
        rates = _panel(response, "programme.evaluation")["rates"]
        rate = next(rate for rate in rates if rate.meeting == closing)
        assert rate.responded == total
        assert rate.participants == total + 1  # the owners and the advisor
        assert len(_panel(response, "failed_exports")["exports"]) == 10
    assert counts[10] == counts[200], counts
