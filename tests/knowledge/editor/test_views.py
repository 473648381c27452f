"""The editor workflow: drafts, publish, unpublish, revisions and restore."""

import pytest
from django.urls import reverse

from knowledge.editor import selectors, services
from knowledge.models import Page, PageRevision

pytestmark = pytest.mark.django_db


def _form_data(**overrides):
    data = {
        "section": "brobyggermetoden",
        "slug": "ny-side",
        "order": "3",
        "title": "Ny side",
        "summary": "Kort resumé",
        "body": "Første udgave af teksten.",
        "action": "draft",
    }
    data.update(overrides)
    return data


def test_facilitator_creates_a_draft_that_readers_cannot_see(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("knowledge:editor_create"), _form_data())
    page = Page.objects.get(slug="ny-side")
    assert response.status_code == 302
    assert response.url == reverse("knowledge:editor_edit", args=[page.pk])
    assert page.status == Page.Status.DRAFT
    assert page.revisions.count() == 1
    # The editor may look at the draft...
    assert client.get(page.get_absolute_url()).status_code == 200
    client.logout()
    # ...but to everyone else a draft address does not exist.
    assert client.get(page.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["smv_owner", "advisor"])
def test_draft_is_404_for_other_logged_in_people(client, request, make_page, role):
    page = make_page(slug="hemmelig-kladde", title="Kladde", publish=False)
    client.force_login(request.getfixturevalue(role))
    assert client.get(page.get_absolute_url()).status_code == 404


def test_publish_makes_the_page_public_and_appear_in_the_sitemap(client, facilitator):
    client.force_login(facilitator)
    client.post(reverse("knowledge:editor_create"), _form_data(action="publish"))
    page = Page.objects.get(slug="ny-side")
    assert page.is_published
    client.logout()
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert "Første udgave af teksten." in response.text
    assert page.get_absolute_url() in client.get("/sitemap.xml").text


def test_editing_a_published_page_keeps_the_live_text_until_published(
    client, facilitator, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    client.post(reverse("knowledge:editor_create"), _form_data(action="publish"))
    page = Page.objects.get(slug="ny-side")
    edit_url = reverse("knowledge:editor_edit", args=[page.pk])
    client.post(edit_url, _form_data(body="Anden udgave, ikke udgivet endnu."))
    page.refresh_from_db()
    assert page.has_unpublished_changes
    anonymous = client.__class__()
    assert "Første udgave" in anonymous.get(page.get_absolute_url()).text
    # The editor continues from the newest draft.
    assert "Anden udgave" in client.get(edit_url).text
    # Publishing commits, which invalidates what readers have cached.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("knowledge:editor_publish", args=[page.pk]))
    assert "Anden udgave" in anonymous.get(page.get_absolute_url()).text


def test_unpublish_asks_first_then_hides_the_page(client, facilitator, make_page):
    page = make_page(slug="offentlig", title="Offentlig")
    client.force_login(facilitator)
    url = reverse("knowledge:editor_unpublish", args=[page.pk])
    assert client.get(url).status_code == 200  # confirmation page
    page.refresh_from_db()
    assert page.is_published
    client.post(url)
    client.logout()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_restore_an_earlier_revision(client, facilitator, make_page):
    page = make_page(slug="historik", title="Version 1", body="Den oprindelige tekst.")
    services.page_publish(
        page=page,
        content=selectors.content_of(page) | {"title": "Version 2", "body": "Ny tekst."},
        user=facilitator,
    )
    first = page.revisions.order_by("created_at", "pk").first()
    client.force_login(facilitator)
    assert "Version 1" in client.get(reverse("knowledge:editor_revisions", args=[page.pk])).text
    restore_url = reverse("knowledge:editor_restore", args=[page.pk, first.pk])
    assert "Den oprindelige tekst." in client.get(restore_url).text
    client.post(restore_url)
    page.refresh_from_db()
    assert page.title == "Version 2"  # restoring makes a draft; live text is unchanged
    assert page.revisions.first().content["title"] == "Version 1"
    client.post(reverse("knowledge:editor_publish", args=[page.pk]))
    page.refresh_from_db()
    assert page.title == "Version 1"
    assert "Den oprindelige tekst." in page.body_html


def test_revision_of_another_page_cannot_be_restored(client, facilitator, make_page):
    one = make_page(slug="en", title="En")
    other = make_page(slug="to", title="To")
    foreign = other.revisions.first()
    client.force_login(facilitator)
    url = reverse("knowledge:editor_restore", args=[one.pk, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_invalid_input_keeps_what_was_typed(client, facilitator, make_page):
    make_page(slug="optaget", title="Optaget")
    client.force_login(facilitator)
    response = client.post(
        reverse("knowledge:editor_create"),
        _form_data(slug="optaget", body="Min lange tekst, som ikke må gå tabt."),
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert "Min lange tekst, som ikke må gå tabt." in response.text
    bad_slug = client.post(reverse("knowledge:editor_create"), _form_data(slug="Æble Grød!"))
    assert "slug" in bad_slug.context["form"].errors
    assert not Page.objects.filter(title="Ny side").exists()


@pytest.mark.parametrize("role", ["smv_owner", "advisor"])
def test_only_facilitators_edit(client, request, make_page, role):
    page = make_page(slug="side", title="Side")
    client.force_login(request.getfixturevalue(role))
    for url in [
        reverse("knowledge:editor_list"),
        reverse("knowledge:editor_create"),
        reverse("knowledge:editor_edit", args=[page.pk]),
        reverse("knowledge:editor_revisions", args=[page.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("knowledge:editor_publish", args=[page.pk])).status_code == 404
    assert client.post(reverse("knowledge:editor_unpublish", args=[page.pk])).status_code == 404
    assert client.post(reverse("knowledge:editor_preview"), {"body": "x"}).status_code == 404
    assert PageRevision.objects.filter(page=page).count() == 1


def test_editor_requires_login(client):
    response = client.get(reverse("knowledge:editor_list"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_case_form_has_its_structured_fields(client, facilitator, make_page):
    principle = make_page(
        slug="p1", title="Princip", section="forebyg-sygefravaer", kind="principle"
    )
    client.force_login(facilitator)
    response = client.get(reverse("knowledge:editor_create") + "?kind=case")
    for name in [
        "field_challenge",
        "field_initiative",
        "field_knowledge_tools",
        "field_references",
    ]:
        assert f'name="{name}"' in response.text
    data = _form_data(
        slug="ny-case",
        section="cases",
        action="publish",
        field_challenge="Udfordringen",
        field_initiative="Tiltaget",
        field_knowledge_tools="Værktøjer",
        field_references="Forfatter (2020): Titel\nAnden (2019): Bog",
        field_company="Fiktiv A/S",
        related=[principle.pk],
    )
    client.post(reverse("knowledge:editor_create") + "?kind=case", data)
    case = Page.objects.get(slug="ny-case")
    assert case.kind == "case"
    assert case.fields["references"] == ["Forfatter (2020): Titel", "Anden (2019): Bog"]
    assert list(case.related.all()) == [principle]


def test_restoring_a_version_whose_address_is_taken_explains_instead_of_failing(
    client, facilitator, make_page
):
    page = make_page(slug="x", title="Side A")
    services.page_publish(
        page=page, content=selectors.content_of(page) | {"slug": "y"}, user=facilitator
    )
    make_page(slug="x", title="Side B")
    first = page.revisions.order_by("created_at", "pk").first()
    client.force_login(facilitator)
    response = client.post(reverse("knowledge:editor_restore", args=[page.pk, first.pk]))
    assert response.status_code == 302
    assert response.url == reverse("knowledge:editor_revisions", args=[page.pk])


def test_a_draft_of_a_published_page_is_validated_like_any_save(client, facilitator, make_page):
    page = make_page(slug="tal", title="Tal")
    client.force_login(facilitator)
    response = client.post(
        reverse("knowledge:editor_edit", args=[page.pk]),
        {
            "section": page.section,
            "slug": "tal",
            "order": "99999999999",
            "title": "Tal",
            "action": "draft",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors


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
