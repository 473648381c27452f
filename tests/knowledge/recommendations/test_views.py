"""The public recommendations section: filters by the seven principles and the
three phases (plain GET, no JavaScript), pagination that keeps the filters, an
empty state, provenance on each page, and a fixed number of queries."""

import pytest
from django.test import Client
from django.urls import reverse

from knowledge.models import Kind, Page, Provenance, Section

pytestmark = pytest.mark.django_db
URL = reverse("knowledge:recommendations")


def test_the_section_address_is_the_list(client):
    assert reverse("knowledge:section", args=["anbefalinger"]) == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert 'data-testid="empty"' in response.text


def test_filters_by_principle_and_phase(client, anchors, make_recommendation):
    make_recommendation("kom-paa-besoeg", "Kom på besøg", related=[anchors["p1"]])
    make_recommendation("ring-tidligt", "Ring tidligt", related=[anchors["p5"], anchors["way_in"]])
    make_recommendation(
        "giv-stafetten-videre", "Giv stafetten videre", related=[anchors["handover"]]
    )
    everything = client.get(URL).text
    assert all(t in everything for t in ("Kom på besøg", "Ring tidligt", "Giv stafetten videre"))
    by_principle = client.get(URL, {"principle": "tidlig-stoettende-kontakt"}).text
    assert "Ring tidligt" in by_principle and "Kom på besøg" not in by_principle
    by_phase = client.get(URL, {"phase": "overdragelse-af-engagement"}).text
    assert "Giv stafetten videre" in by_phase and "Ring tidligt" not in by_phase
    both = client.get(URL, {"principle": "tidlig-stoettende-kontakt", "phase": "vejen-ind"}).text
    assert "Ring tidligt" in both
    none = client.get(URL, {"principle": "arbejdspladsens-engagement", "phase": "vejen-ind"})
    assert 'data-testid="empty"' in none.text


def test_filters_by_kind(client, make_recommendation):
    make_recommendation("anbefaling-a", "Anbefaling A")
    make_recommendation("vaerktoej-b", "Værktøj B", kind="tool")
    tools = client.get(URL, {"kind": "tool"}).text
    assert "Værktøj B" in tools and "Anbefaling A" not in tools


def test_an_unknown_filter_is_left_out_with_a_message(client, make_recommendation):
    make_recommendation("anbefaling-a", "Anbefaling A")
    response = client.get(URL, {"principle": "findes-ikke", "kind": "nonsense"})
    assert response.status_code == 200
    assert "alert-warning" in response.text
    assert "Anbefaling A" in response.text


def test_drafts_and_other_sections_are_not_listed(client, make_recommendation, make_page):
    make_recommendation("kladde", "En kladde", publish=False)
    make_page(slug="artikel", title="En artikel i metoden")
    page = client.get(URL).text
    assert "En kladde" not in page and "En artikel i metoden" not in page


def test_pagination_keeps_the_filters(client, anchors, make_recommendation):
    for n in range(12):
        make_recommendation(f"anbefaling-{n}", f"Anbefaling {n:02d}", related=[anchors["p1"]])
    first = client.get(URL, {"principle": "arbejdspladsens-engagement"}).text
    assert "principle=arbejdspladsens-engagement&amp;page=2" in first
    second = client.get(URL, {"principle": "arbejdspladsens-engagement", "page": 2}).text
    assert "Anbefaling 11" in second and "Anbefaling 00" not in second


def test_a_recommendation_page_shows_where_it_came_from(client, make_recommendation):
    page = make_recommendation("kom-paa-besoeg", "Kom på besøg", companies=4)
    html = client.get(page.get_absolute_url()).text
    assert 'data-testid="provenance"' in html
    assert "BIFROST 2027" in html
    assert 'data-testid="provenance-counts"' in html


def _bulk(n: int, anchor: Page) -> None:
    start = Page.objects.count()
    pages = Page.objects.bulk_create(
        Page(
            section=Section.RECOMMENDATIONS,
            kind=Kind.RECOMMENDATION,
            slug=f"bulk-{start + i}",
            title=f"Bulk {start + i}",
            status=Page.Status.PUBLISHED,
        )
        for i in range(n)
    )
    Provenance.objects.bulk_create(
        Provenance(page=p, source="recommendation", source_key=f"bulk:{p.pk}", programme_name="P")
        for p in pages
    )
    Page.related.through.objects.bulk_create(
        Page.related.through(from_page_id=p.pk, to_page_id=anchor.pk) for p in pages
    )


def test_queries_do_not_grow_with_the_number_of_pages(
    anchors, django_assert_max_num_queries, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    _bulk(10, anchors["p1"])
    with django_assert_max_num_queries(12) as small:
        assert Client().get(URL, {"principle": "arbejdspladsens-engagement"}).status_code == 200
    _bulk(190, anchors["p1"])
    with django_assert_max_num_queries(12) as large:
        assert Client().get(URL, {"principle": "arbejdspladsens-engagement"}).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)
