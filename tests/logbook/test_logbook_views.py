"""Logbook pages: who sees what (404 for everyone else), the landing page, the
logbook page with filters, search and paging, and no-store caching."""

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from logbook import services
from logbook.models import Entry, EntryComment, EntryVersion, Logbook
from matching.models import Case
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import CaseFactory


@pytest.fixture
def case(programme, company, enrolled_advisor, unit):
    return CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)


@pytest.fixture
def entry(logbook, owner):
    entry = EntryFactory(logbook=logbook, author=owner)
    EntryVersion.objects.create(
        entry=entry, number=1, data=services.snapshot(entry), saved_by=owner
    )
    return entry


@pytest.fixture
def other_advisor(programme, company):
    """The advisor of another company's case."""
    other_company = factories.OrganisationFactory()
    unit = factories.AdvisoryUnitFactory()
    advisor = factories.advisor(organisation=unit)
    CaseFactory(programme=programme, company=other_company, advisor=advisor, unit=unit)
    return advisor


def _urls(logbook, entry) -> dict[str, tuple[str, str]]:
    """Every logbook URL with the method used to reach it."""
    pk, epk = logbook.pk, entry.pk
    return {
        "detail": ("get", reverse("logbook:detail", args=[pk])),
        "entry_detail": ("get", reverse("logbook:entry_detail", args=[pk, epk])),
        "entry_history": ("get", reverse("logbook:entry_history", args=[pk, epk])),
        "entry_version": ("get", reverse("logbook:entry_version", args=[pk, epk, 1])),
        "entry_create": ("get", reverse("logbook:entry_create", args=[pk])),
        "entry_edit": ("get", reverse("logbook:entry_edit", args=[pk, epk])),
        "entry_delete": ("get", reverse("logbook:entry_delete", args=[pk, epk])),
        "entry_delete_post": ("post", reverse("logbook:entry_delete", args=[pk, epk])),
        "entry_undelete": ("post", reverse("logbook:entry_undelete", args=[pk, epk])),
        "entry_autosave": ("post", reverse("logbook:entry_autosave", args=[pk])),
        "entry_draft_discard": ("post", reverse("logbook:entry_draft_discard", args=[pk])),
        "entry_version_restore": (
            "post",
            reverse("logbook:entry_version_restore", args=[pk, epk, 1]),
        ),
        "entries_deleted": ("get", reverse("logbook:entries_deleted", args=[pk])),
        "entry_comment": ("post", reverse("logbook:entry_comment", args=[pk, epk])),
        "consent": ("get", reverse("logbook:consent", args=[pk])),
        "consent_post": ("post", reverse("logbook:consent", args=[pk])),
        "access_log": ("get", reverse("logbook:access_log", args=[pk])),
        "access_log_csv": ("get", reverse("logbook:access_log_csv", args=[pk])),
    }


READ_VIEWS = {"detail", "entry_detail", "entry_history", "entry_version"}
ALL_VIEWS = [
    "detail",
    "entry_detail",
    "entry_history",
    "entry_version",
    "entry_create",
    "entry_edit",
    "entry_delete",
    "entry_delete_post",
    "entry_undelete",
    "entry_autosave",
    "entry_draft_discard",
    "entry_version_restore",
    "entries_deleted",
    "entry_comment",
    "consent",
    "consent_post",
    "access_log",
    "access_log_csv",
]


def _call(client, method, url):
    return client.get(url) if method == "get" else client.post(url, {"text": "Hej"})


@pytest.mark.parametrize("view", ALL_VIEWS)
@pytest.mark.parametrize(
    "who", ["outsider", "other_advisor", "advisor_no_case", "facilitator_no_consent"]
)
def test_everyone_else_gets_404_everywhere(client, request, logbook, entry, view, who):
    """Outsiders, advisors of other cases, advisors without a case and facilitators
    without consent get 404 on every logbook view, reads and writes alike."""
    user = {
        "outsider": lambda: request.getfixturevalue("outsider"),
        "other_advisor": lambda: request.getfixturevalue("other_advisor"),
        "advisor_no_case": lambda: request.getfixturevalue("enrolled_advisor"),
        "facilitator_no_consent": lambda: factories.facilitator(),
    }[who]()
    client.force_login(user)
    method, url = _urls(logbook, entry)[view]
    assert _call(client, method, url).status_code == 404
    entry.refresh_from_db()
    assert entry.deleted_at is None
    assert not EntryComment.objects.exists()


@pytest.mark.parametrize("view", ALL_VIEWS)
def test_advisor_after_consent_withdrawn_gets_404(client, logbook, entry, case, view):
    logbook.share_with_advisor = False
    logbook.save()
    client.force_login(case.advisor)
    method, url = _urls(logbook, entry)[view]
    assert _call(client, method, url).status_code == 404


@pytest.mark.parametrize("view", ALL_VIEWS)
def test_advisor_of_a_closed_case_gets_404(client, logbook, entry, case, view):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    client.force_login(case.advisor)
    method, url = _urls(logbook, entry)[view]
    assert _call(client, method, url).status_code == 404


WRITE_VIEWS = [view for view in ALL_VIEWS if view not in READ_VIEWS]


@pytest.mark.parametrize("view", [v for v in WRITE_VIEWS if v != "entry_comment"])
def test_consented_advisor_cannot_write_or_manage(client, logbook, entry, case, view):
    client.force_login(case.advisor)
    method, url = _urls(logbook, entry)[view]
    assert _call(client, method, url).status_code == 404


@pytest.mark.parametrize("view", WRITE_VIEWS)
def test_consented_researcher_reads_only(client, logbook, entry, view):
    logbook.share_with_researchers = True
    logbook.save()
    client.force_login(factories.facilitator())
    method, url = _urls(logbook, entry)[view]
    assert _call(client, method, url).status_code == 404


@pytest.mark.parametrize("view", sorted(READ_VIEWS))
def test_readers_may_read_and_are_logged(client, logbook, entry, case, view):
    """The consented advisor reads; every read is logged. The company is not logged."""
    method, url = _urls(logbook, entry)[view]
    client.force_login(case.advisor)
    assert client.get(url).status_code == 200
    row = AccessLogEntry.objects.get()
    assert row.user == case.advisor
    assert row.action == AccessLogEntry.Action.READ
    assert row.organisation_id == logbook.company_id
    assert row.role == "advisor"


@pytest.mark.parametrize("view", sorted(READ_VIEWS))
def test_company_reads_are_not_logged(client, logbook, entry, owner, view):
    client.force_login(owner)
    method, url = _urls(logbook, entry)[view]
    assert client.get(url).status_code == 200
    assert not AccessLogEntry.objects.exists()


def test_consented_researcher_reads_and_is_logged(client, logbook, entry):
    logbook.share_with_researchers = True
    logbook.save()
    facilitator = factories.facilitator()
    client.force_login(facilitator)
    assert (
        client.get(reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])).status_code == 200
    )
    assert AccessLogEntry.objects.get().role == "facilitator"


def test_search_by_outsider_is_logged_as_search(client, logbook, entry, case):
    client.force_login(case.advisor)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]), {"q": "arbejdspres"})
    assert response.status_code == 200
    assert entry.title in response.text
    assert AccessLogEntry.objects.get().action == AccessLogEntry.Action.SEARCH


def test_every_logbook_page_is_no_store(client, logbook, entry, owner):
    client.force_login(owner)
    for view in ["detail", "entry_detail", "entry_history", "entry_edit", "consent",
                 "access_log", "access_log_csv", "entries_deleted", "entry_create"]:  # fmt: skip
        method, url = _urls(logbook, entry)[view]
        response = client.get(url)
        assert response.status_code == 200, view
        assert "no-store" in response["Cache-Control"], view
        assert "private" in response["Cache-Control"], view


def test_anonymous_is_sent_to_login(client, logbook, entry):
    response = client.get(reverse("logbook:detail", args=[logbook.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- landing -----------------------------------------------------------------------


def test_landing_creates_the_owners_logbook(client, programme, company, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:landing"))
    assert response.status_code == 200
    logbook = Logbook.objects.get(programme=programme, company=company)
    assert reverse("logbook:detail", args=[logbook.pk]) in response.text


def test_landing_does_not_create_a_logbook_after_the_company_left(
    client, programme, company, owner
):
    from django.utils import timezone

    company.enrolments.update(left_at=timezone.now())
    client.force_login(owner)
    response = client.get(reverse("logbook:landing"))
    assert not Logbook.objects.exists()
    assert "no logbook yet" in response.text or "ingen logbog" in response.text.lower()


def test_landing_lists_consented_logbooks_for_the_advisor(client, logbook, case):
    client.force_login(case.advisor)
    url = reverse("logbook:detail", args=[logbook.pk])
    assert url in client.get(reverse("logbook:landing")).text
    logbook.share_with_advisor = False
    logbook.save()
    assert url not in client.get(reverse("logbook:landing")).text


def test_landing_for_another_advisor_does_not_list_it(client, logbook, other_advisor):
    client.force_login(other_advisor)
    assert (
        reverse("logbook:detail", args=[logbook.pk])
        not in client.get(reverse("logbook:landing")).text
    )


def test_landing_lists_shared_logbooks_per_programme_for_facilitators(client, programme, logbook):
    other = LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    logbook.share_with_researchers = True
    logbook.save()
    client.force_login(factories.facilitator())
    text = client.get(reverse("logbook:landing")).text
    assert reverse("logbook:detail", args=[logbook.pk]) in text
    assert reverse("logbook:detail", args=[other.pk]) not in text
    assert programme.name in text


# --- the logbook page -----------------------------------------------------------------


def test_logbook_page_states_what_is_shared(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]))
    assert reverse("logbook:consent", args=[logbook.pk]) in response.text
    assert response.context["logbook"].share_with_advisor is True
    assert response.context["logbook"].share_with_researchers is False


def test_logbook_page_filters_by_kind_meeting_and_text(client, logbook, owner, meeting):
    a = EntryFactory(logbook=logbook, title="Problemet", kind=Entry.Kind.PROBLEM_FOCUS)
    b = EntryFactory(logbook=logbook, title="Tiltaget", kind=Entry.Kind.INITIATIVE, meeting=meeting)
    c = EntryFactory(
        logbook=logbook,
        title="Refleksion",
        kind=Entry.Kind.REFLECTION,
        body="",
        hindrances=["Møder uden dagsorden"],
    )
    deleted = EntryFactory(logbook=logbook, title="Slettet")
    services.entry_delete(entry=deleted, by=owner)
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])

    def shown(**params):
        return {e.pk for e in client.get(url, params).context["page"].object_list}

    assert shown() == {a.pk, b.pk, c.pk}
    assert shown(kind="initiative") == {b.pk}
    assert shown(meeting=meeting.pk) == {b.pk}
    assert shown(q="dagsorden") == {c.pk}
    assert shown(q="problemet") == {a.pk}
    assert shown(kind="nonsense") == {a.pk, b.pk, c.pk}  # bad filter: ignored, no 500


def test_logbook_page_shows_newest_first_and_pages(client, logbook, owner):
    EntryFactory.create_batch(25, logbook=logbook)
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    first = client.get(url).context["page"]
    assert len(first.object_list) == 20
    dates = [e.entry_date for e in first.object_list]
    assert dates == sorted(dates, reverse=True)
    assert len(client.get(url, {"page": 2}).context["page"].object_list) == 5


def test_empty_logbook_has_an_empty_state(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]))
    assert response.context["page"].paginator.count == 0
    assert reverse("logbook:entry_create", args=[logbook.pk]) in response.text


@pytest.mark.parametrize("count", [10, 300])
def test_logbook_page_query_count_does_not_grow(
    client, logbook, owner, case, meeting, django_assert_max_num_queries, count
):
    entries = EntryFactory.create_batch(count, logbook=logbook, author=owner, meeting=meeting)
    for e in entries[:5]:
        EntryComment.objects.create(entry=e, author=case.advisor, text="God idé")
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    client.get(url)  # warm up session and caches
    with django_assert_max_num_queries(14):
        response = client.get(url, {"q": "arbejdspres"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 300])
def test_advisor_logbook_page_query_count_does_not_grow(
    client, logbook, owner, case, django_assert_max_num_queries, count
):
    EntryFactory.create_batch(count, logbook=logbook, author=owner)
    client.force_login(case.advisor)
    url = reverse("logbook:detail", args=[logbook.pk])
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
