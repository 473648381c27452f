"""Who sees what: every logbook page is 404 for everyone without access, reads from
outside the company are logged, and nothing may be cached."""

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from logbook.models import EntryComment
from matching.models import Case
from tests import factories


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
    "who",
    ["outsider", "advisor_of_other_company", "advisor_no_case", "facilitator_no_consent"],
)
def test_everyone_else_gets_404_everywhere(client, request, logbook, entry, view, who):
    """Outsiders, advisors of other cases, advisors without a case and facilitators
    without consent get 404 on every logbook view, reads and writes alike."""
    user = {
        "outsider": lambda: request.getfixturevalue("outsider"),
        "advisor_of_other_company": lambda: request.getfixturevalue("advisor_of_other_company"),
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
