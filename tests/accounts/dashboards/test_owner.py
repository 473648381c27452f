"""The SMV owner's dashboard: the next meeting and its preparation, open and overdue
tasks, what is new since the last visit, the logbook and the readiness check, the
advisor and case, and what shows before there is anything."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from logbook.models import EntryComment, Logbook, ReadinessCheck
from matching.cases import services as case_services
from matching.models import CaseGoal, CaseTask
from programme.meetings import services as meeting_services
from programme.models import Enrolment
from tests import factories
from tests.accounts.dashboards.builders import move
from tests.logbook.factories import EntryFactory
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")


def _page(client, user) -> str:
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.text


@pytest.fixture
def coming(programme):
    """Development meeting 1, in three days, with a preparation task due in two."""
    meeting = programme.meetings.get(number=0)
    move(meeting, days=-30, minutes="Referat.", minutes_published_at=None)
    return move(
        programme.meetings.get(number=1),
        days=3,
        place="Mødelokale Fyrtårnet",
        preparation_task="Skriv tre antagelser ned.",
        preparation_due=timezone.localdate() + timedelta(days=2),
    )


def test_next_meeting_with_what_to_prepare_and_the_status(client, owner, company, coming, english):
    html = _page(client, owner)
    assert coming.title in html
    assert "Mødelokale Fyrtårnet" in html
    assert "Skriv tre antagelser ned." in html
    assert "Not started" in html
    assert reverse("programme:meeting", args=[coming.pk]) + "#prep-title" in html

    meeting_services.preparation_submit(
        meeting=coming, organisation=company, user=owner, text="Et udkast", done=False
    )
    assert "Saved, but not marked as done yet." in _page(client, owner)
    meeting_services.preparation_submit(
        meeting=coming, organisation=company, user=owner, text="Færdig", done=True
    )
    html = _page(client, owner)
    assert "Your preparation was marked as done" in html
    assert "Prepare for" not in html  # no longer an open task


def test_preparation_past_its_due_date_is_overdue(client, owner, coming, english):
    coming.preparation_due = timezone.localdate() - timedelta(days=1)
    coming.save(update_fields=["preparation_due"])
    html = _page(client, owner)
    assert "Not started, and the due date has passed." in html
    assert f"Prepare for “{coming.title}”" in html


def test_open_tasks_overdue_first_and_only_the_companys(
    client, owner, case, enrolled_advisor, english
):
    today = timezone.localdate()
    CaseTask.objects.create(
        case=case, title="Ring til HR", owner=owner, due_on=today + timedelta(3)
    )
    CaseTask.objects.create(
        case=case, title="Send tjekliste", owner=enrolled_advisor, due_on=today - timedelta(2)
    )
    CaseTask.objects.create(case=case, title="Allerede gjort", due_on=today, done_at=timezone.now())
    other = CaseFactory(
        programme=case.programme,
        company=factories.OrganisationFactory(),
        advisor=enrolled_advisor,
        unit=case.unit,
    )
    CaseTask.objects.create(case=other, title="Andet firmas opgave", due_on=today)
    html = _page(client, owner)
    assert html.index("Send tjekliste") < html.index("Ring til HR")
    overdue = html[: html.index("Send tjekliste")]
    assert overdue.rstrip().endswith(">") and "Overdue" in overdue[-200:]
    assert "Yours" in html and enrolled_advisor.get_full_name() in html
    assert "Allerede gjort" not in html
    assert "Andet firmas opgave" not in html
    assert reverse("matching:case_detail", args=[case.pk]) + "#tasks" in html


def test_news_since_the_last_visit(client, owner, case, logbook, enrolled_advisor, coming, english):
    entry = EntryFactory(logbook=logbook, author=owner, title="Vores problemfokus")
    EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="Godt skrevet.")
    EntryComment.objects.create(entry=entry, author=owner, text="Tak.")  # the company's own
    case_services.goal_create(case=case, by=enrolled_advisor, title="Rådgiverens mål")
    mine = case_services.goal_create(case=case, by=owner, title="Vores eget mål")
    case_services.goal_update(
        goal=mine, by=enrolled_advisor, title="Vores eget mål", status="in_progress"
    )
    case_services.goal_create(case=case, by=owner, title="Uændret mål")
    kickoff = case.programme.meetings.get(number=0)
    kickoff.minutes_published_at = timezone.now() - timedelta(hours=1)
    kickoff.save(update_fields=["minutes_published_at"])

    html = _page(client, owner)
    assert "Your first visit" in html
    name = enrolled_advisor.get_full_name()
    assert f"{name} commented on the entry “Vores problemfokus”." in html
    assert f"{name} added the goal “Rådgiverens mål”." in html
    assert f"{name} changed the goal “Vores eget mål”." in html
    assert "Uændret mål" not in html
    assert html.count("commented on the entry") == 1  # not the company's own reply
    assert f"The minutes of “{kickoff.title}” were published." in html
    assert reverse("logbook:entry_detail", args=[logbook.pk, entry.pk]) in html


def test_news_leaves_out_what_came_before_the_last_visit(
    client, owner, case, enrolled_advisor, english
):
    case_services.goal_create(case=case, by=enrolled_advisor, title="Gammelt mål")
    CaseGoal.objects.update(
        created_at=timezone.now() - timedelta(days=30),
        updated_at=timezone.now() - timedelta(days=30),
    )
    html = _page(client, owner)
    assert "Gammelt mål" not in html  # older than the first visit's three weeks
    assert "Nothing new." in html


def test_another_companys_news_never_shows(
    client, owner, programme, unit, enrolled_advisor, english
):
    other = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=other)
    other_case = CaseFactory(
        programme=programme, company=other, advisor=enrolled_advisor, unit=unit
    )
    case_services.goal_create(case=other_case, by=enrolled_advisor, title="Andres mål")
    entry = EntryFactory(logbook=Logbook.objects.get(company=other), title="Andres notat")
    EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="Hej")
    html = _page(client, owner)
    assert "Andres mål" not in html and "Andres notat" not in html


def test_logbook_last_entry_write_button_and_readiness(client, owner, logbook, english):
    html = _page(client, owner)
    assert "Nothing is written yet." in html
    assert "No check has been taken yet." in html
    assert reverse("logbook:entry_create", args=[logbook.pk]) in html

    EntryFactory(
        logbook=logbook, author=owner, title="Det seneste notat", entry_date=timezone.localdate()
    )
    taken = timezone.localdate() - timedelta(weeks=5)
    ReadinessCheck.objects.create(logbook=logbook, taken_on=taken, scores={"engagement": 3})
    html = _page(client, owner)
    assert "Det seneste notat" in html
    assert "The next check is suggested between" in html
    assert "Due now" in html  # 5 weeks: between four and six
    assert reverse("logbook:readiness", args=[logbook.pk]) in html


def test_advisor_and_case(client, owner, case, enrolled_advisor, english):
    html = _page(client, owner)
    assert f"{enrolled_advisor.get_full_name()} from {case.unit.name} is your advisor." in html
    assert reverse("matching:case_detail", args=[case.pk]) in html


def test_before_the_match_the_case_panel_says_when(client, owner, programme, english):
    matching = programme.meetings.get(number=2)
    html = _page(client, owner)
    assert "Your advisor is chosen at development meeting 2; your case appears here then." in html
    assert f"{matching.title} is on" in html


def test_a_company_not_enrolled_yet_sees_what_will_appear(client, english):
    html = _page(client, factories.smv_owner())
    assert "Your company is not enrolled in a programme yet." in html
    assert "Your company's logbook is made when the company is enrolled in a programme" in html
    assert "Your advisor is chosen at development meeting 2" in html
    assert "No open tasks." in html
    assert "Nothing new." in html


# Session, user, roles, memberships, the visit, the bell and the panels' reads.
MAX_QUERIES = 22  # the advice panel reads 3 (requests, confirmations, queues)


def test_queries_are_the_same_for_10_and_200_rows(
    client, owner, case, logbook, enrolled_advisor, coming, django_assert_max_num_queries, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the built page (a reload would be kept)
    today = timezone.localdate()
    client.force_login(owner)
    counts = {}
    for total in (10, 200):
        have = CaseTask.objects.filter(case=case).count()
        CaseTask.objects.bulk_create(
            CaseTask(case=case, title=f"Opgave {i}", due_on=today + timedelta(days=i % 7 - 3))
            for i in range(have, total)
        )
        CaseGoal.objects.bulk_create(
            CaseGoal(case=case, title=f"Mål {i}", created_by=enrolled_advisor, position=i)
            for i in range(CaseGoal.objects.filter(case=case).count(), total)
        )
        entries = EntryFactory.create_batch(total - logbook.entries.count(), logbook=logbook)
        EntryComment.objects.bulk_create(
            EntryComment(entry=entry, author=enrolled_advisor, text="Godt skrevet.")
            for entry in entries
        )
        client.get(DASHBOARD)  # the visit row and the session exist from here on
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(DASHBOARD)
        counts[total] = len(captured.captured_queries)
        tasks = next(p for p in response.context["panels"] if p.key == "matching.tasks").data
        assert tasks.more == total + 1 - len(tasks.rows)  # and the meeting's preparation
    assert counts[10] == counts[200], counts
