"""What a reader sees: sections, structured pages, cross-links, caching, PDF."""

import pytest
from django.test import Client
from django.urls import reverse

from knowledge import services
from knowledge.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def method(make_page):
    """A small knowledge base: principles, a phase, roles and a case linking them."""
    principle = make_page(
        slug="tidlig-kontakt",
        title="Tidlig, støttende kontakt",
        section="forebyg-sygefravaer",
        kind="principle",
        order=5,
        summary="Tag kontakt tidligt.",
        fields={"smv_attention": "I en lille virksomhed kender alle hinanden."},
    )
    phase = make_page(
        slug="vejen-ind",
        title="Vejen ind",
        section="brobyggerfaser",
        kind="phase",
        fields={"attention_points": ["Lyt først", "Tal med flere"], "quote": "Vi lyttede."},
    )
    roles = [
        make_page(
            slug=f"rolle-{n}",
            title=f"Rolle {n}",
            section="raadgiverrollen",
            kind="advisor_role",
            order=n,
            fields={"focus": f"Fokus {n}", "energy": "E", "smv_gets": "S", "relation": "R"},
        )
        for n in range(1, 5)
    ]
    case = make_page(
        slug="lokalavisen",
        title="Lokalavisen",
        section="cases",
        kind="case",
        fields={
            "company": "Lokalavisen (fiktiv)",
            "challenge": "Travlhed",
            "initiative": "Møder → bedre overblik",
            "knowledge_tools": "Stresstrappen",
            "references": ["Forfatter (2016): En bog"],
        },
        related=[principle, phase],
    )
    return {"principle": principle, "phase": phase, "roles": roles, "case": case}


def test_case_shows_change_logic_and_links_to_principle_and_phase(client, method):
    html = client.get(method["case"].get_absolute_url()).text
    for text in ["Travlhed", "Møder → bedre overblik", "Stresstrappen", "Forfatter (2016)"]:
        assert text in html
    assert method["principle"].get_absolute_url() in html
    assert method["phase"].get_absolute_url() in html


def test_principle_lists_the_cases_that_use_it(client, method):
    html = client.get(method["principle"].get_absolute_url()).text
    assert method["case"].get_absolute_url() in html
    assert "I en lille virksomhed kender alle hinanden." in html


def test_roles_are_shown_side_by_side(client, method):
    response = client.get(reverse("knowledge:section", args=["raadgiverrollen"]))
    html = response.text
    assert html.count('scope="col"') == 4
    assert all(f"Fokus {n}" in html for n in range(1, 5))


def test_principles_section_pairs_each_principle_with_its_attention_point(client, method):
    html = client.get(reverse("knowledge:section", args=["forebyg-sygefravaer"])).text
    assert "Tidlig, støttende kontakt" in html
    assert "I en lille virksomhed kender alle hinanden." in html


def test_phase_page_shows_attention_points_and_quote(client, method):
    html = client.get(method["phase"].get_absolute_url()).text
    assert "Lyt først" in html and "Vi lyttede." in html


def test_unknown_section_or_page_is_404(client, method):
    assert client.get("/knowledge/findes-ikke/").status_code == 404
    assert client.get("/knowledge/cases/findes-ikke/").status_code == 404
    # A page only lives in its own section.
    assert client.get("/knowledge/brobyggerfaser/lokalavisen/").status_code == 404


def test_public_page_has_meta_description_canonical_and_open_graph(client, method):
    html = client.get(method["principle"].get_absolute_url()).text
    assert '<meta name="description" content="Tag kontakt tidligt.">' in html
    assert (
        f'<link rel="canonical" href="http://127.0.0.1:8000{method["principle"].get_absolute_url()}">'
        in html
    )
    assert '<meta property="og:title" content="Tidlig, støttende kontakt">' in html


def test_sitemap_lists_published_pages_only(client, method, make_page):
    draft = make_page(slug="udkast", title="Udkast", publish=False)
    xml = client.get("/sitemap.xml").text
    assert method["case"].get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_publishing_invalidates_the_cached_page(
    client, facilitator, method, django_capture_on_commit_callbacks
):
    url = method["principle"].get_absolute_url()
    assert "Tag kontakt tidligt." in client.get(url).text  # now cached
    page = method["principle"]
    with_new_text = services.content_of(page) | {"summary": "Ring samme uge."}
    with django_capture_on_commit_callbacks(execute=True):
        services.page_publish(page=page, content=with_new_text, user=facilitator)
    assert "Ring samme uge." in client.get(url).text
    # The case page lists principles: it is refreshed too.
    case_html = client.get(method["case"].get_absolute_url()).text
    assert "Tidlig, støttende kontakt" in case_html


def test_unpublished_page_disappears_from_the_section_and_the_case(client, facilitator, method):
    section_url = reverse("knowledge:section", args=["forebyg-sygefravaer"])
    assert "Tidlig, støttende kontakt" in client.get(section_url).text
    services.page_unpublish(page=method["principle"], user=facilitator)
    # on_commit hooks do not run inside the test transaction: bump by hand.
    services.bump_content_version()
    assert "Tidlig, støttende kontakt" not in client.get(section_url).text
    assert (
        method["principle"].get_absolute_url()
        not in client.get(method["case"].get_absolute_url()).text
    )


def test_section_pdf_download(client, method):
    response = client.get(reverse("knowledge:section_pdf", args=["cases"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "smv-brobygger-cases.pdf" in response["Content-Disposition"]


def test_pdf_of_an_empty_section_is_404(client):
    assert client.get(reverse("knowledge:section_pdf", args=["cases"])).status_code == 404


def _bulk_pages(count: int) -> None:
    Page.objects.bulk_create(
        Page(
            section="cases",
            kind="case",
            slug=f"bulk-{Page.objects.count()}-{n}",
            title=f"Case {n}",
            summary="Resumé",
            body_html="<p>Tekst</p>",
            status=Page.Status.PUBLISHED,
            order=n,
        )
        for n in range(count)
    )


@pytest.mark.parametrize(
    "url_for",
    [
        lambda m: m["case"].get_absolute_url(),
        lambda m: m["principle"].get_absolute_url(),
        lambda m: reverse("knowledge:section", args=["raadgiverrollen"]),
        lambda m: reverse("front_page"),
    ],
)
def test_page_queries_do_not_grow_with_the_number_of_pages(
    method, django_assert_max_num_queries, settings, url_for
):
    # Measure rendering, not the cache: a dummy cache stores nothing.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    url = url_for(method)
    _bulk_pages(10)
    with django_assert_max_num_queries(10) as small:
        assert Client().get(url).status_code == 200
    _bulk_pages(290)
    with django_assert_max_num_queries(10) as large:
        assert Client().get(url).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)


def test_cases_section_queries_are_fixed_with_10_and_300_cases(
    method, django_assert_max_num_queries, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    url = reverse("knowledge:section", args=["cases"])
    _bulk_pages(10)
    with django_assert_max_num_queries(10) as small:
        Client().get(url)
    _bulk_pages(290)
    with django_assert_max_num_queries(10) as large:
        response = Client().get(url)
    assert len(small.captured_queries) == len(large.captured_queries)
    assert response.text.count("Case ") >= 300


def test_english_readers_get_the_translation_where_it_exists(client, make_page):
    translated = make_page(slug="oversat", title="Dansk titel", body="Dansk tekst.")
    services.page_publish(
        page=translated,
        content=services.content_of(translated)
        | {"title_en": "English title", "body_en": "English text."},
        user=None,
    )
    untranslated = make_page(slug="kun-dansk", title="Kun dansk", body="Kun dansk tekst.")
    assert "Dansk titel" in client.get(translated.get_absolute_url()).text
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(translated.get_absolute_url()).text
    assert "English title" in html and "English text." in html
    assert 'lang="en"' in html
    # Without a translation the Danish text is shown, marked as Danish.
    fallback = client.get(untranslated.get_absolute_url()).text
    assert "Kun dansk tekst." in fallback
    assert '<article class="knowledge-page" lang="da">' in fallback


def test_english_summary_without_title_is_refused(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("knowledge:editor_create"),
        {
            "section": "cases",
            "slug": "halv-oversat",
            "order": "1",
            "title": "Titel",
            "summary_en": "Only a summary",
            "action": "draft",
        },
    )
    assert response.status_code == 200
    assert "title_en" in response.context["form"].errors
    assert "Only a summary" in response.text


def test_a_warm_public_page_needs_no_sql(client, method, django_assert_num_queries):
    url = method["case"].get_absolute_url()
    client.get(url)  # warms the cache
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_draft_is_not_served_to_readers_from_an_editor_visit(client, facilitator, make_page):
    draft = make_page(slug="kun-kladde", title="Kun kladde", publish=False)
    client.force_login(facilitator)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unknown_addresses_leave_nothing_in_the_cache(client, method):
    from unittest import mock

    from django.core.cache import cache

    with mock.patch.object(cache, "set", wraps=cache.set) as spy:
        assert client.get("/knowledge/cases/findes-ikke-1/").status_code == 404
        assert client.get(method["case"].get_absolute_url()).status_code == 200
    keys = [call.args[0] for call in spy.call_args_list]
    assert not any("findes-ikke" in key for key in keys)
    assert any(method["case"].slug in key for key in keys)  # a real page is cached
