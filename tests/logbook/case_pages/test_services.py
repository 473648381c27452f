"""Drafting a case page from a company's change logic: the content, its provenance
and its two keys; research consent and an advisor required; one page per
initiative; nothing published."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.editor import services as editor
from knowledge.models import Kind, Page, Provenance, Section
from logbook.case_pages import services
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _draft(logbook, initiative, excerpts, user, **overrides):
    arguments = {
        "logbook": logbook,
        "initiative": initiative,
        "excerpts": excerpts,
        "company_label": "en lokal avis",
        "title": "Et fælles sprog om stress",
        "user": user,
        **overrides,
    }
    return services.case_page_draft(**arguments)


def test_the_draft_carries_the_change_logic_and_the_excerpts(
    consenting_logbook, initiative, excerpt, researcher, case
):
    challenge = editor.page_publish(
        page=None,
        content={
            "section": "brobyggermetoden",
            "kind": "challenge",
            "slug": "stresshaandtering",
            "order": 1,
            "title": "Stresshåndtering",
            "summary": "",
            "body": "",
            "fields": {},
        },
        user=None,
    )
    approval = _draft(consenting_logbook, initiative, [excerpt], researcher)
    page = approval.page
    assert (page.kind, page.section, page.status) == (Kind.CASE, Section.CASES, Page.Status.DRAFT)
    assert page.fields["company"] == "en lokal avis"
    assert page.fields["challenge"] == "Presset op til deadline blev ikke talt om."
    assert "Workshop om stresstrappen" in page.fields["initiative"]
    assert "Hele redaktionen" in page.fields["initiative"]
    assert page.fields["expected_results"] == "Flere siger til, før det går galt."
    assert page.fields["knowledge_tools"] == "- Stresstrappen"
    assert "> Det hjalp at sige det højt på morgenmødet." in page.body
    assert challenge in page.related.all()
    provenance = Provenance.objects.get(page=page)
    assert (provenance.source, provenance.programme_name) == ("case", "BIFROST 2027")
    assert (provenance.companies, provenance.advisors) == (1, 1)
    assert (approval.company, approval.advisor, approval.created_by) == (
        consenting_logbook.company,
        case.advisor,
        researcher,
    )
    assert approval.company_label == "en lokal avis"


def test_one_case_page_per_initiative(consenting_logbook, initiative, researcher):
    first = _draft(consenting_logbook, initiative, [], researcher)
    again = _draft(consenting_logbook, initiative, [], researcher, title="Anden titel")
    assert first.pk == again.pk
    assert Page.objects.filter(kind=Kind.CASE).count() == 1


def test_without_research_consent_nothing_is_drafted(consenting_logbook, initiative, researcher):
    consenting_logbook.share_with_researchers = False
    consenting_logbook.save()
    with pytest.raises(ValidationError):
        _draft(consenting_logbook, initiative, [], researcher)
    assert not Page.objects.filter(kind=Kind.CASE).exists()


def test_without_an_active_case_nothing_is_drafted(
    consenting_logbook, initiative, researcher, case
):
    case.status = case.Status.CLOSED
    case.save()
    with pytest.raises(ValidationError):
        _draft(consenting_logbook, initiative, [], researcher)


def test_an_initiative_without_change_logic_or_of_another_kind_is_refused(
    consenting_logbook, owner, researcher, excerpt
):
    bare = EntryFactory(logbook=consenting_logbook, author=owner, kind="initiative")
    for entry in (bare, excerpt):
        with pytest.raises(ValidationError):
            _draft(consenting_logbook, entry, [], researcher)
