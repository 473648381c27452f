"""What a reader sees: sections, structured pages, cross-links, the sitemap,
queries that do not grow, and the English translation.
"""

import pytest
from django.test import Client
from django.urls import reverse

from knowledge.editor import selectors, services
from knowledge.models import Page

pytestmark = pytest.mark.django_db


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


def test_english_readers_get_the_translation_where_it_exists(client, english, make_page):
    translated = make_page(slug="oversat", title="Dansk titel", body="Dansk tekst.")
    services.page_publish(
        page=translated,
        content=selectors.content_of(translated)
        | {"title_en": "English title", "body_en": "English text."},
        user=None,
    )
    untranslated = make_page(slug="kun-dansk", title="Kun dansk", body="Kun dansk tekst.")
    # A reader who chose nothing gets Danish; `client` chose English (`english`).
    assert "Dansk titel" in Client().get(translated.get_absolute_url()).text
    html = client.get(translated.get_absolute_url()).text
    assert "English title" in html and "English text." in html
    assert 'lang="en"' in html
    # Without a translation the Danish text is shown, marked as Danish.
    fallback = client.get(untranslated.get_absolute_url()).text
    assert "Kun dansk tekst." in fallback
    assert '<article class="knowledge-page" lang="da">' in fallback
