"""Published content is cached until the next publish; drafts and unknown
addresses never are."""

import pytest
from django.urls import reverse

from knowledge.editor import selectors, services
from knowledge.pages.cache import bump_content_version

pytestmark = pytest.mark.django_db


def test_publishing_invalidates_the_cached_page(
    client, facilitator, method, django_capture_on_commit_callbacks
):
    url = method["principle"].get_absolute_url()
    assert "Tag kontakt tidligt." in client.get(url).text  # now cached
    page = method["principle"]
    with_new_text = selectors.content_of(page) | {"summary": "Ring samme uge."}
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
    bump_content_version()
    assert "Tidlig, støttende kontakt" not in client.get(section_url).text
    assert (
        method["principle"].get_absolute_url()
        not in client.get(method["case"].get_absolute_url()).text
    )


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
