"""The editor is reachable and its tools are usable: a navigation link and an
"Edit" button for editors only (never served from the cache to anyone else),
related pages as tick boxes, what changed between versions, and a preview of
the whole page."""

import pytest
from django.urls import reverse

from knowledge.editor import selectors, services

pytestmark = pytest.mark.django_db

EDITOR_LINK = 'data-testid="nav-knowledge-editor"'
EDIT_BUTTON = 'data-testid="edit-page"'


@pytest.fixture
def principle(make_page):
    return make_page(
        slug="tidlig-kontakt",
        title="Tidlig, støttende kontakt",
        section="forebyg-sygefravaer",
        kind="principle",
        order=5,
        fields={"smv_attention": "I en lille virksomhed kender alle hinanden."},
    )


def _edit_url(page) -> str:
    return reverse("knowledge:editor_edit", args=[page.pk])


def test_editors_get_the_navigation_link_others_do_not(client, facilitator, smv_owner, advisor):
    client.force_login(facilitator)
    html = client.get(reverse("dashboard")).text
    assert EDITOR_LINK in html
    assert f'href="{reverse("knowledge:editor_list")}"' in html
    for person in (smv_owner, advisor):
        client.force_login(person)
        assert EDITOR_LINK not in client.get(reverse("dashboard")).text
    client.logout()
    assert EDITOR_LINK not in client.get(reverse("knowledge:landing")).text


def test_the_link_is_the_current_entry_on_editor_pages(client, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("knowledge:editor_list")).text
    link = html[html.index(EDITOR_LINK) - 200 : html.index(EDITOR_LINK)]
    assert 'aria-current="page' in link


@pytest.mark.parametrize("who", ["anonymous", "smv_owner", "advisor"])
def test_edit_button_only_for_editors(client, request, facilitator, principle, who):
    url = principle.get_absolute_url()
    client.force_login(facilitator)
    response = client.get(url)
    assert EDIT_BUTTON in response.text
    assert f'href="{_edit_url(principle)}"' in response.text
    # Nothing that carries the button may be kept for another reader.
    assert "private" in response["Cache-Control"]
    # The page (and its cached fragment) is now warm; another reader gets no button.
    if who == "anonymous":
        client.logout()
    else:
        client.force_login(request.getfixturevalue(who))
    other = client.get(url)
    assert other.status_code == 200
    assert "Tidlig, støttende kontakt" in other.text
    assert EDIT_BUTTON not in other.text
    assert _edit_url(principle) not in other.text
    # ...also when the reader came first and warmed the cache.
    client.force_login(facilitator)
    assert EDIT_BUTTON in client.get(url).text


def test_edit_button_on_a_section_intro_and_the_front_page(client, facilitator, make_page):
    intro = make_page(slug="brobyggermetoden", title="Metoden", section="brobyggermetoden")
    front = make_page(slug="forside", title="Velkommen", section="forside")
    client.force_login(facilitator)
    section_html = client.get(reverse("knowledge:section", args=["brobyggermetoden"])).text
    assert f'href="{_edit_url(intro)}"' in section_html
    assert f'href="{_edit_url(front)}"' in client.get(reverse("front_page")).text
    client.logout()
    assert (
        EDIT_BUTTON not in client.get(reverse("knowledge:section", args=["brobyggermetoden"])).text
    )
    assert EDIT_BUTTON not in client.get(reverse("front_page")).text


def test_related_pages_are_tick_boxes_with_a_labelled_filter(
    client, facilitator, principle, english
):
    client.force_login(facilitator)
    html = client.get(reverse("knowledge:editor_create") + "?kind=case").text
    assert 'type="checkbox" name="related"' in html
    assert f'value="{principle.pk}"' in html
    assert "<select" not in html.split('name="related"')[0].rsplit("<fieldset", 1)[-1]
    assert "multiple" not in html.split("data-related-picker")[1].split("</fieldset>")[0]
    assert '<legend class="form-label fs-6 mb-1">Related pages</legend>' in html
    assert '<label class="form-label small mb-1" for="id_related_filter">' in html
    assert "js/related-filter.js" in html


def test_ticked_related_pages_are_saved(client, facilitator, principle):
    client.force_login(facilitator)
    client.post(
        reverse("knowledge:editor_create") + "?kind=case",
        {
            "section": "cases",
            "slug": "en-case",
            "order": "1",
            "title": "En case",
            "related": [principle.pk],
            "action": "draft",
        },
    )
    case = selectors.editor_pages().get(slug="en-case")
    assert selectors.newest_content(case)["related"] == [principle.pk]
    # The editor shows it ticked again.
    html = client.get(_edit_url(case)).text
    box = html.split(f'value="{principle.pk}"')[1].split(">")[0]
    assert "checked" in box


def test_revision_changes_list_removed_and_added_lines(client, facilitator, make_page, english):
    page = make_page(
        slug="historik",
        title="Version 1",
        body="Første linje.\nAnden linje.\nTredje linje.",
    )
    services.page_save_draft(
        page=page,
        content=selectors.content_of(page)
        | {"title": "Version 2", "body": "Første linje.\nEn <b>ny</b> linje.\nTredje linje."},
        user=facilitator,
    )
    newest = page.revisions.first()
    client.force_login(facilitator)
    revisions_html = client.get(reverse("knowledge:editor_revisions", args=[page.pk])).text
    url = reverse("knowledge:editor_revision_changes", args=[page.pk, newest.pk])
    assert f'href="{url}"' in revisions_html
    html = client.get(url).text
    assert "<del>Version 1</del>" in html
    assert "<ins>Version 2</ins>" in html
    assert "<del>Anden linje.</del>" in html
    # Typed text is escaped, never markup.
    assert "<ins>En &lt;b&gt;ny&lt;/b&gt; linje.</ins>" in html
    # Each line says in words what happened to it, not by colour alone.
    assert "Removed:</span> <del>Anden linje.</del>" in html
    assert "Added:</span> <ins>En &lt;b&gt;ny&lt;/b&gt; linje.</ins>" in html
    # Unchanged lines next to a change are shown as such, not as changes.
    assert "<del>Første linje.</del>" not in html and "<ins>Første linje.</ins>" not in html


def test_the_first_version_shows_everything_as_added(client, facilitator, make_page, english):
    page = make_page(slug="ny", title="Helt ny", body="Kun en linje.")
    first = page.revisions.get()
    client.force_login(facilitator)
    html = client.get(reverse("knowledge:editor_revision_changes", args=[page.pk, first.pk])).text
    assert "<ins>Helt ny</ins>" in html and "<ins>Kun en linje.</ins>" in html
    assert "<del>" not in html


def test_revision_changes_of_another_page_are_missing(client, facilitator, make_page):
    one = make_page(slug="en", title="En")
    other = make_page(slug="to", title="To")
    client.force_login(facilitator)
    url = reverse("knowledge:editor_revision_changes", args=[one.pk, other.revisions.get().pk])
    assert client.get(url).status_code == 404


def test_preview_shows_the_whole_page_with_the_attention_point(
    client, facilitator, principle, english
):
    client.force_login(facilitator)
    response = client.post(
        reverse("knowledge:editor_preview"),
        {
            "preview_page": str(principle.pk),
            "title": "Kontakt tidligt",
            "summary": "Et kort resumé.",
            "body": "Brødtekst med **fed**.<script>alert(1)</script>",
            "field_smv_attention": "Alle i *huset* kender hinanden.",
            "section": "forebyg-sygefravaer",
            "slug": "tidlig-kontakt",
            "order": "5",
        },
    )
    assert response.status_code == 200
    html = response.text
    assert 'data-testid="preview-marker"' in html
    assert "<h1>Kontakt tidligt</h1>" in html
    assert '<aside class="callout mb-4" aria-labelledby="smv-attention">' in html
    assert "<em>huset</em>" in html
    assert "<strong>fed</strong>" in html
    assert "<script>" not in html
    # Nothing was saved.
    principle.refresh_from_db()
    assert principle.title == "Tidlig, støttende kontakt"


def test_preview_of_a_new_case_lists_its_related_pages(client, facilitator, principle, english):
    client.force_login(facilitator)
    html = client.post(
        reverse("knowledge:editor_preview"),
        {
            "preview_kind": "case",
            "title": "",  # not valid yet: the preview still shows what is typed
            "field_challenge": "Stress i teamet.",
            "related": [str(principle.pk)],
            "order": "x",
        },
    ).text
    assert "This case illustrates" in html
    assert f'href="{principle.get_absolute_url()}"' in html
    assert "Stress i teamet." in html


def test_preview_is_for_editors_only(client, smv_owner):
    client.force_login(smv_owner)
    assert client.post(reverse("knowledge:editor_preview"), {"body": "x"}).status_code == 404
