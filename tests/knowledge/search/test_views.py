"""The search page: any query is answered, results are highlighted."""

import pytest
from django.urls import reverse

from knowledge.search import selectors

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 5000, "!!! ' \" ) ( & | <> :* \\", "DROP TABLE; --", "sygefravær" * 300],
)
def test_odd_queries_never_fail(client, corpus, query):
    response = client.get(reverse("knowledge:search"), {"q": query})
    assert response.status_code == 200


def test_search_page_shows_highlighted_results(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefraværet"})
    assert response.status_code == 200
    assert "<mark>" in response.text
    assert corpus["fravaer"].get_absolute_url() in response.text


def test_empty_query_explains_what_to_do(client, corpus):
    response = client.get(reverse("knowledge:search"))
    assert response.context["hits"] == []
    assert 'name="q"' in response.text


def test_very_long_query_is_shortened(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefravær " * 100})
    assert len(response.context["query"]) <= selectors.MAX_QUERY_LENGTH
    assert response.context["too_long"] is True


def test_control_characters_in_the_query_are_ignored(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefravær\x00\x07"})
    assert response.status_code == 200
    assert [hit.page.slug for hit in response.context["hits"]] == ["fravaer"]
