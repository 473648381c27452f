"""No user HTML reaches a page: Markdown is rendered and sanitised with nh3."""

import pytest
from django.urls import reverse

from knowledge.rendering import plain_text, render_markdown

HOSTILE = """
Hej <script>alert("xss")</script>

[klik](javascript:alert(1)) og [også](JaVaScRiPt:alert(2))

<img src=x onerror="alert(3)"> <a href="https://ok.example" onclick="steal()">ok</a>

<iframe src="https://evil.example"></iframe><style>body{display:none}</style>
"""


def test_script_and_javascript_links_never_survive():
    html = render_markdown(HOSTILE)
    lowered = html.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert "onerror" not in lowered and "onclick" not in lowered
    assert "<iframe" not in lowered and "<style" not in lowered and "<img" not in lowered
    assert 'href="https://ok.example"' in html


def test_markdown_features_survive_sanitising():
    html = render_markdown("# Overskrift\n\n**fed** og *kursiv*\n\n- punkt\n\n[link](https://a.dk)")
    assert "<h2>Overskrift</h2>" in html  # the page title is the only h1
    assert "<strong>fed</strong>" in html and "<em>kursiv</em>" in html
    assert "<li>punkt</li>" in html
    assert 'rel="noopener noreferrer"' in html


def test_one_text_leaves_nothing_behind_for_the_next():
    """The converter is reused (one per thread) and reset before each text: a footnote
    or an abbreviation of one text never shows up in the next one."""
    first = render_markdown("Tekst[^1] om HTML\n\n[^1]: En fodnote\n\n*[HTML]: Hypertekst")
    assert "En fodnote" in first
    second = render_markdown("Anden tekst om HTML")
    assert second == "<p>Anden tekst om HTML</p>"
    assert render_markdown("Tekst[^1] om HTML\n\n[^1]: En fodnote\n\n*[HTML]: Hypertekst") == first


def test_plain_text_strips_tags_for_the_search_index():
    assert plain_text(render_markdown("## Titel\n\nTekst & mere")) == "Titel Tekst & mere"


@pytest.mark.django_db
def test_hostile_markdown_never_reaches_the_published_page(client, make_page):
    page = make_page(
        slug="farlig",
        title="Farlig side",
        body=HOSTILE,
        kind="case",
        section="cases",
        fields={"initiative": "[x](javascript:alert(4)) <script>bad()</script>"},
    )
    html = client.get(page.get_absolute_url()).text.lower()
    assert 'alert("xss")' not in html
    assert "javascript:" not in html
    assert "bad()" not in html


@pytest.mark.django_db
def test_editor_preview_is_sanitised_too(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("knowledge:editor_preview"), {"body": HOSTILE})
    assert response.status_code == 200
    assert "<script" not in response.text.lower()
    assert "javascript:" not in response.text.lower()
