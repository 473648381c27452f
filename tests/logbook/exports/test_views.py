"""Export pages and downloads: who may use them (404 for everyone else, on every URL),
what they answer, the access log for people outside the company, and no caching."""

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from logbook.exports import pdf
from logbook.models import LogbookExport
from logbook.tasks import export_pdf
from programme.models import Enrolment
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def export_entry(logbook, owner):
    """An entry the exports are searched for by its title."""
    return EntryFactory(logbook=logbook, author=owner, title="Travlhed i redaktionen")


@pytest.fixture
def done_export(logbook, owner):
    export = LogbookExport.objects.create(
        logbook=logbook,
        version="d" * 64,
        requested_by=owner,
        status=LogbookExport.Status.DONE,
        progress=100,
        pages=4,
        finished_at=timezone.now(),
    )
    export.file.name = default_storage.save(pdf.file_name(export), ContentFile(b"%PDF-1.7 test"))
    export.save(update_fields=["file"])
    return export


@pytest.fixture
def running_export(logbook, owner):
    return LogbookExport.objects.create(
        logbook=logbook,
        version="r" * 64,
        requested_by=owner,
        status=LogbookExport.Status.RUNNING,
        progress=40,
    )


@pytest.fixture
def other_company_owner(programme):
    company = factories.OrganisationFactory(name="Andet Firma ApS")
    Enrolment.objects.create(programme=programme, organisation=company)
    LogbookFactory(programme=programme, company=company)
    return factories.smv_owner(organisation=company)


@pytest.fixture
def advisor_of_other_case(programme, unit):
    company = factories.OrganisationFactory(name="Tredje Firma ApS")
    Enrolment.objects.create(programme=programme, organisation=company)
    other = factories.advisor(organisation=unit)
    CaseFactory(programme=programme, company=company, advisor=other, unit=unit)
    return other


def _urls(logbook, export) -> dict[str, str]:
    return {
        "page": reverse("logbook:export", kwargs={"pk": logbook.pk}),
        "status": reverse(
            "logbook:export_status", kwargs={"pk": logbook.pk, "export_pk": export.pk}
        ),
        "download": reverse(
            "logbook:export_download", kwargs={"pk": logbook.pk, "export_pk": export.pk}
        ),
        "csv": reverse("logbook:export_csv", kwargs={"pk": logbook.pk}),
        "xlsx": reverse("logbook:export_xlsx", kwargs={"pk": logbook.pk}),
        "json": reverse("logbook:export_json", kwargs={"pk": logbook.pk}),
    }


def _log(logbook, user):
    return list(
        AccessLogEntry.objects.filter(organisation=logbook.company, user=user).values_list(
            "action", "object_kind"
        )
    )


# --- Denials ---------------------------------------------------------------------------

DENIED = [
    "other_company_owner",
    "advisor_of_other_case",
    "withdrawn_advisor",
    "facilitator_without_consent",
    "smv_owner",
]


@pytest.fixture
def denied_user(request, logbook, case, enrolled_advisor, facilitator):
    name = request.param
    if name == "withdrawn_advisor":
        logbook.share_with_advisor = False
        logbook.save(update_fields=["share_with_advisor"])
        return enrolled_advisor
    if name == "facilitator_without_consent":
        return facilitator
    return request.getfixturevalue(name)


@pytest.mark.parametrize("denied_user", DENIED, indirect=True)
@pytest.mark.parametrize("url", ["page", "status", "download", "csv", "xlsx", "json"])
def test_everyone_without_export_permission_gets_404(
    client, logbook, done_export, denied_user, url
):
    client.force_login(denied_user)
    assert client.get(_urls(logbook, done_export)[url]).status_code == 404
    assert not AccessLogEntry.objects.filter(user=denied_user).exists()


@pytest.mark.parametrize("denied_user", DENIED, indirect=True)
def test_starting_an_export_without_permission_is_404_and_makes_nothing(
    client, logbook, export_entry, denied_user
):
    client.force_login(denied_user)
    response = client.post(
        reverse("logbook:export", kwargs={"pk": logbook.pk}),
        {"scope": "all", "grouping": "kind"},
    )
    assert response.status_code == 404
    assert not LogbookExport.objects.exists()


@pytest.mark.parametrize("url", ["page", "status", "download", "csv", "xlsx", "json"])
def test_anonymous_people_are_sent_to_log_in(client, logbook, done_export, url):
    response = client.get(_urls(logbook, done_export)[url])
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_export_of_another_logbook_is_404_even_for_the_owner(
    client, logbook, owner, programme, other_company_owner
):
    other_logbook = other_company_owner.memberships.get().organisation.logbooks.get()
    foreign = LogbookExport.objects.create(
        logbook=other_logbook, version="o" * 64, status=LogbookExport.Status.DONE
    )
    client.force_login(owner)
    for url in ("export_status", "export_download"):
        assert (
            client.get(reverse(f"logbook:{url}", args=[logbook.pk, foreign.pk])).status_code == 404
        )


def test_expired_and_unfinished_exports_cannot_be_downloaded(
    client, logbook, owner, done_export, running_export
):
    client.force_login(owner)
    urls = _urls(logbook, running_export)
    assert client.get(urls["download"]).status_code == 404
    LogbookExport.objects.filter(pk=done_export.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    urls = _urls(logbook, done_export)
    assert client.get(urls["download"]).status_code == 404
    assert client.get(urls["status"]).status_code == 404


# --- The company's own people ----------------------------------------------------------


def test_the_export_page_lists_recent_exports_and_sends_no_store(
    client, logbook, owner, done_export, running_export
):
    client.force_login(owner)
    response = client.get(reverse("logbook:export", kwargs={"pk": logbook.pk}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert _urls(logbook, done_export)["download"] in content
    assert _urls(logbook, running_export)["status"] in content  # the htmx poll
    assert 'hx-trigger="every 2s"' in content
    assert _urls(logbook, done_export)["csv"] in content


def test_starting_an_export_twice_gives_one_row_and_one_task(
    client, logbook, owner, export_entry, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    url = reverse("logbook:export", kwargs={"pk": logbook.pk})
    data = {"scope": "all", "grouping": "kind"}
    with mock.patch.object(export_pdf, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            first = client.post(url, data)
        with django_capture_on_commit_callbacks(execute=True):
            second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert LogbookExport.objects.filter(logbook=logbook).count() == 1
    assert delay.call_count == 1
    assert _log(logbook, owner) == []  # the company's own people are not logged


def test_the_whole_flow_from_form_to_download(
    client, logbook, owner, export_entry, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("logbook:export", kwargs={"pk": logbook.pk}),
            {
                "scope": "range",
                "date_from": "2027-01-01",
                "date_to": "2027-12-31",
                "grouping": "meeting",
            },
        )
    assert response.status_code == 302
    export = LogbookExport.objects.get(logbook=logbook)
    assert export.status == LogbookExport.Status.DONE
    assert (export.date_from, export.date_to, export.grouping) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
        "meeting",
    )
    urls = _urls(logbook, export)
    fragment = client.get(urls["status"], **HTMX)
    assert fragment.status_code == 200
    assert "hx-trigger" not in fragment.content.decode()
    assert urls["download"] in fragment.content.decode()
    download = client.get(urls["download"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_status_of_a_running_export_polls(client, logbook, owner, running_export):
    client.force_login(owner)
    urls = _urls(logbook, running_export)
    fragment = client.get(urls["status"], **HTMX)
    content = fragment.content.decode()
    assert 'hx-trigger="every 2s"' in content
    assert 'value="40"' in content
    assert "no-store" in fragment["Cache-Control"]
    page = client.get(urls["status"])
    assert page.status_code == 200
    assert "<html" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"scope": "range", "date_from": "2027-06-10", "date_to": "2027-06-01"}, "date_to"),
        ({"scope": "range", "date_from": "", "date_to": ""}, None),
        ({"scope": "range", "date_from": "not a date", "date_to": ""}, "date_from"),
        ({"scope": "everything"}, "scope"),
    ],
)
def test_bad_options_re_render_the_form_with_what_was_typed(client, logbook, owner, data, field):
    client.force_login(owner)
    response = client.post(
        reverse("logbook:export", kwargs={"pk": logbook.pk}), {"grouping": "kind", **data}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_valid()
    if field:
        assert field in form.errors
    else:
        assert form.non_field_errors()
    for value in data.values():
        if value and value != "everything":
            assert value in response.content.decode()
    assert not LogbookExport.objects.exists()


# --- Outsiders with access are logged ----------------------------------------------------


def test_a_consented_advisor_may_export_and_every_export_is_logged(
    client,
    logbook,
    case,
    enrolled_advisor,
    export_entry,
    done_export,
    django_capture_on_commit_callbacks,
):
    client.force_login(enrolled_advisor)
    urls = _urls(logbook, done_export)
    assert client.get(urls["page"]).status_code == 200
    assert client.get(urls["csv"]).status_code == 200
    assert client.get(urls["xlsx"]).status_code == 200
    assert client.get(urls["json"]).status_code == 200
    assert client.get(urls["download"]).status_code == 200
    with mock.patch.object(export_pdf, "delay"), django_capture_on_commit_callbacks(execute=True):
        client.post(urls["page"], {"scope": "all", "grouping": "kind"})
    log = _log(logbook, enrolled_advisor)
    # Opening the export page is a read (it shows which exports exist); the rest exports.
    assert (AccessLogEntry.Action.READ, "logbook_export_page") in log
    exports = [(action, kind) for action, kind in log if kind != "logbook_export_page"]
    assert all(action == AccessLogEntry.Action.EXPORT for action, _kind in exports)
    assert sorted(kind for _action, kind in exports) == [
        "logbook_csv",
        "logbook_export",
        "logbook_export",
        "logbook_json",
        "logbook_xlsx",
    ]


def test_an_outsiders_look_at_the_export_status_is_logged_once_not_per_poll(
    client, logbook, case, enrolled_advisor, done_export
):
    client.force_login(enrolled_advisor)
    url = _urls(logbook, done_export)["status"]
    assert client.get(url).status_code == 200
    for _ in range(3):
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
    assert _log(logbook, enrolled_advisor) == [(AccessLogEntry.Action.READ, "logbook_export")]


def test_the_companys_own_people_are_not_logged_on_the_export_pages(
    client, logbook, owner, done_export
):
    client.force_login(owner)
    urls = _urls(logbook, done_export)
    assert client.get(urls["page"]).status_code == 200
    assert client.get(urls["status"]).status_code == 200
    assert _log(logbook, owner) == []


def test_a_facilitator_with_consent_may_export_and_is_logged(
    client, logbook, facilitator, export_entry
):
    logbook.share_with_researchers = True
    logbook.save(update_fields=["share_with_researchers"])
    client.force_login(facilitator)
    assert client.get(reverse("logbook:export_csv", kwargs={"pk": logbook.pk})).status_code == 200
    assert _log(logbook, facilitator) == [(AccessLogEntry.Action.EXPORT, "logbook_csv")]
