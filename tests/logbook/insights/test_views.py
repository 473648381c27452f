"""Critical situations and change logics; who may read and write the insight pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from knowledge.models import Kind, Page, Section
from logbook.insights import selectors as insights_selectors
from logbook.insights import services as insights_services
from logbook.models import ChangeLogic, CriticalSituation, Entry, ReadinessCheck
from matching.models import Challenge
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import CompanyProfileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = timezone.localdate


@pytest.fixture
def initiative(logbook, owner):
    return EntryFactory(
        logbook=logbook,
        author=owner,
        kind=Entry.Kind.INITIATIVE,
        title="Fast tjek-in om mandagen",
        body="Et kvarter hver mandag, hvor teamet gennemgår ugens opgaver.",
        for_whom="Redaktionen",
        when_text="Fra september",
        expected_effect="Færre overraskelser i deadlineugerne.",
    )


@pytest.fixture
def situation(logbook, owner):
    return insights_services.critical_situation_create(
        logbook=logbook,
        by=owner,
        occurred_on=TODAY(),
        trigger=CriticalSituation.Trigger.WORK_PRESSURE,
        what_happened="To store opgaver landede samme dag.",
        what_supported="Lederen prioriterede sammen med teamet.",
    )


def _page(slug: str, title: str) -> Page:
    return Page.objects.create(
        section=Section.PREVENTION,
        kind=Kind.PRINCIPLE,
        slug=slug,
        title=title,
        status=Page.Status.PUBLISHED,
    )


def _urls(logbook, initiative, situation) -> dict[str, str]:
    return {
        "readiness": reverse("logbook:readiness", args=[logbook.pk]),
        "critical_situations": reverse("logbook:critical_situations", args=[logbook.pk]),
        "change_logics": reverse("logbook:change_logics", args=[logbook.pk]),
        "change_logic": reverse("logbook:change_logic", args=[logbook.pk, initiative.pk]),
    }


def _write_urls(logbook, situation) -> list[str]:
    return [
        reverse("logbook:critical_situation_edit", args=[logbook.pk, situation.pk]),
        reverse("logbook:critical_situation_delete", args=[logbook.pk, situation.pk]),
    ]


# --- Critical situations -----------------------------------------------------------


def test_owner_records_a_situation_and_sees_the_privacy_notice(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:critical_situations", args=[logbook.pk])
    page = client.get(url).content.decode()
    assert "Never write an employee" in page
    response = client.post(
        url,
        {
            "occurred_on": TODAY().isoformat(),
            "trigger": "unclear_expectations",
            "what_happened": "Opgaven blev ændret undervejs uden at nogen fik besked.",
            "what_supported": "Et kort møde, hvor rollerne blev gjort tydelige.",
        },
        follow=True,
    )
    assert response.status_code == 200
    situation = CriticalSituation.objects.get()
    assert situation.trigger == "unclear_expectations"
    assert situation.created_by == owner
    assert "Opgaven blev ændret undervejs" in response.content.decode()


def test_privacy_guard_warns_but_does_not_block(client, logbook, owner):
    logbook.staff_names = "Birthe Testesen"
    logbook.save()
    client.force_login(owner)
    response = client.post(
        reverse("logbook:critical_situations", args=[logbook.pk]),
        {
            "occurred_on": TODAY().isoformat(),
            "trigger": "colleagues",
            "what_happened": "Birthe Testesen og en kollega var uenige om en opgave.",
        },
        follow=True,
    )
    assert CriticalSituation.objects.count() == 1
    warnings = [str(m) for m in response.context["messages"]]
    assert any("staff list" in text for text in warnings)


def test_bad_situation_input_is_kept_and_explained(client, logbook, owner):
    client.force_login(owner)
    response = client.post(
        reverse("logbook:critical_situations", args=[logbook.pk]),
        {"occurred_on": "not a date", "trigger": "nonsense", "what_happened": "Min tekst her"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"occurred_on", "trigger"} <= form.errors.keys()
    assert "Min tekst her" in response.content.decode()
    assert not CriticalSituation.objects.exists()


def test_owner_edits_and_deletes_a_situation(client, logbook, owner, situation):
    client.force_login(owner)
    edit = reverse("logbook:critical_situation_edit", args=[logbook.pk, situation.pk])
    assert "To store opgaver" in client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "occurred_on": TODAY().isoformat(),
            "trigger": "concentration",
            "what_happened": "Mange afbrydelser i en uge med deadline.",
        },
    )
    assert response.status_code == 302
    situation.refresh_from_db()
    assert situation.trigger == "concentration"
    delete = reverse("logbook:critical_situation_delete", args=[logbook.pk, situation.pk])
    assert client.get(delete).status_code == 200  # confirmation first
    assert CriticalSituation.objects.exists()
    assert client.post(delete).status_code == 302
    assert not CriticalSituation.objects.exists()


# --- Change logic ------------------------------------------------------------------


def test_change_logic_is_prefilled_from_the_entry(client, logbook, owner, initiative, programme):
    page = _page("tidlig-kontakt", "Tidlig og støttende kontakt")
    initiative.knowledge_pages.add(page)
    CompanyProfileFactory(
        programme=programme,
        company=logbook.company,
        challenges=[Challenge.TEAM_COLLABORATION, Challenge.STRESS_POLICY],
    )
    client.force_login(owner)
    response = client.get(reverse("logbook:change_logic", args=[logbook.pk, initiative.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fast tjek-in om mandagen" in content
    assert "Redaktionen" in content and "Fra september" in content
    assert "Færre overraskelser i deadlineugerne." in content
    assert "Tidlig og støttende kontakt" in content
    assert page.get_absolute_url() in content
    assert str(Challenge.TEAM_COLLABORATION.label) in content
    assert "has not been described yet" in content
    initial = response.context["form"].initial
    assert initial["challenge"] == Challenge.TEAM_COLLABORATION
    assert initial["expected_results"] == "Færre overraskelser i deadlineugerne."
    assert page.get_absolute_url() in initial["knowledge_and_tools"]
    assert not ChangeLogic.objects.exists()  # a suggestion, not saved


def test_change_logic_without_profile_or_pages_has_empty_suggestions(logbook, initiative):
    initial = insights_selectors.change_logic_initial(initiative, logbook)
    assert initial["challenge"] == ""
    assert initial["knowledge_and_tools"] == ""


def test_owner_edits_the_change_logic(client, logbook, owner, initiative):
    client.force_login(owner)
    url = reverse("logbook:change_logic", args=[logbook.pk, initiative.pk])
    response = client.post(
        url,
        {
            "challenge": Challenge.STRESS_MANAGEMENT,
            "challenge_text": "Presset topper i de sidste dage før deadline.",
            "expected_results": "Roligere uger og færre sene aftener.",
            "knowledge_and_tools": "- Artikel om stresskæder",
        },
    )
    assert response.status_code == 302
    logic = ChangeLogic.objects.get(entry=initiative)
    assert logic.challenge == Challenge.STRESS_MANAGEMENT
    assert logic.updated_by == owner
    content = client.get(url).content.decode()
    assert "Presset topper" in content
    assert "Artikel om stresskæder" in content
    assert "has not been described yet" not in content
    assert client.get(url).context["form"].initial["expected_results"] == (
        "Roligere uger og færre sene aftener."
    )


def test_bad_change_logic_input_is_kept(client, logbook, owner, initiative):
    client.force_login(owner)
    response = client.post(
        reverse("logbook:change_logic", args=[logbook.pk, initiative.pk]),
        {"challenge": "not-a-challenge", "challenge_text": "Min beskrivelse"},
    )
    assert response.status_code == 200
    assert "challenge" in response.context["form"].errors
    assert "Min beskrivelse" in response.content.decode()
    assert not ChangeLogic.objects.exists()


def test_change_logic_only_for_initiatives_that_are_not_deleted(client, logbook, owner):
    client.force_login(owner)
    reflection = EntryFactory(logbook=logbook, kind=Entry.Kind.REFLECTION)
    deleted = EntryFactory(logbook=logbook, kind=Entry.Kind.INITIATIVE, deleted_at=timezone.now())
    for entry in (reflection, deleted):
        url = reverse("logbook:change_logic", args=[logbook.pk, entry.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"challenge_text": "x"}).status_code == 404


def test_change_logic_of_another_logbooks_entry_is_404(client, logbook, owner, programme):
    other = LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    foreign = EntryFactory(logbook=other, kind=Entry.Kind.INITIATIVE)
    client.force_login(owner)
    url = reverse("logbook:change_logic", args=[logbook.pk, foreign.pk])
    assert client.get(url).status_code == 404


def test_change_logics_lists_initiatives_with_their_status(client, logbook, owner, initiative):
    second = EntryFactory(logbook=logbook, kind=Entry.Kind.INITIATIVE, title="Makkerordning")
    insights_services.change_logic_save(entry=second, by=owner, expected_results="Bedre overlap")
    EntryFactory(logbook=logbook, kind=Entry.Kind.PROBLEM_FOCUS, title="Ikke et tiltag")
    client.force_login(owner)
    response = client.get(reverse("logbook:change_logics", args=[logbook.pk]))
    content = response.content.decode()
    assert "Fast tjek-in om mandagen" in content and "Makkerordning" in content
    assert "Ikke et tiltag" not in content
    assert "Described" in content and "Not described yet" in content


# --- Who may see what --------------------------------------------------------------


@pytest.mark.parametrize(
    "who", ["outsider", "advisor_not_on_case", "researcher", "enrolled_advisor"]
)
def test_everyone_without_access_gets_404(client, request, logbook, initiative, situation, who):
    """Other companies' owners, advisors without the case, facilitators without consent."""
    client.force_login(request.getfixturevalue(who))
    for url in [*_urls(logbook, initiative, situation).values(), *_write_urls(logbook, situation)]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert not AccessLogEntry.objects.exists()


def test_advisor_without_consent_gets_404(client, logbook, initiative, situation, request):
    advisor = request.getfixturevalue("consented_advisor")
    logbook.share_with_advisor = False
    logbook.save()
    client.force_login(advisor)
    for url in _urls(logbook, initiative, situation).values():
        assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_login(client, logbook, initiative, situation):
    for url in _urls(logbook, initiative, situation).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.url


@pytest.mark.parametrize("who", ["consented_advisor", "researcher"])
def test_consented_readers_read_only_and_are_logged(
    client, request, logbook, initiative, situation, who
):
    logbook.share_with_researchers = True
    logbook.save()
    reader = request.getfixturevalue(who)
    client.force_login(reader)
    urls = _urls(logbook, initiative, situation)
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response.context["form"] is None if "form" in response.context else True
        assert 'method="post" novalidate' not in response.content.decode(), name
    rows = AccessLogEntry.objects.filter(user=reader, organisation=logbook.company)
    assert rows.count() == len(urls)
    assert set(rows.values_list("action", flat=True)) == {AccessLogEntry.Action.READ}
    assert set(rows.values_list("object_kind", flat=True)) == {
        "readiness",
        "critical_situation",
        "change_logic",
    }
    # Changes are the company's: 404, nothing written.
    for url in [urls["readiness"], urls["critical_situations"], urls["change_logic"]]:
        assert client.post(url, {"note": "x"}).status_code == 404
    for url in _write_urls(logbook, situation):
        assert client.get(url).status_code == 404
    assert not ReadinessCheck.objects.exists()
    assert not ChangeLogic.objects.exists()
    assert CriticalSituation.objects.count() == 1


def test_company_reads_are_not_logged(client, logbook, owner, initiative, situation):
    client.force_login(owner)
    for url in _urls(logbook, initiative, situation).values():
        assert client.get(url).status_code == 200
    assert not AccessLogEntry.objects.exists()


def test_nav_links_to_the_insight_pages(client, logbook, owner, initiative, situation):
    client.force_login(owner)
    content = client.get(reverse("logbook:readiness", args=[logbook.pk])).content.decode()
    for url in _urls(logbook, initiative, situation).values():
        if "change-logic/" in url and url.rstrip("/").split("/")[-1].isdigit():
            continue
        assert f'href="{url}"' in content


# --- Query counts ------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 200])
def test_list_pages_run_a_fixed_number_of_queries(
    client, logbook, owner, django_assert_max_num_queries, count
):
    start = datetime.date(2020, 1, 1)
    ReadinessCheck.objects.bulk_create(
        ReadinessCheck(
            logbook=logbook,
            taken_on=start + datetime.timedelta(days=i),
            scores=dict.fromkeys(("engagement", "expectations", "realism"), 3)
            | dict.fromkeys(("options", "considerations", "acceptance"), 4),
        )
        for i in range(count)
    )
    CriticalSituation.objects.bulk_create(
        CriticalSituation(
            logbook=logbook,
            occurred_on=start,
            trigger="other",
            what_happened=f"Situation {i}",
        )
        for i in range(count)
    )
    entries = [
        EntryFactory(logbook=logbook, kind=Entry.Kind.INITIATIVE) for _ in range(min(count, 30))
    ]
    for entry in entries[::2]:
        ChangeLogic.objects.create(entry=entry)
    client.force_login(owner)
    for name in ("readiness", "critical_situations", "change_logics"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(f"logbook:{name}", args=[logbook.pk])).status_code == 200
