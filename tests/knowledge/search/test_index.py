"""`manage.py rebuild_search_index` (also the last step of `demo_data`) writes the
search index anew on either database, so a demo database finds every page."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from knowledge.models import Page
from knowledge.search import index, selectors

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


def _lose_the_index():
    if connection.vendor == "sqlite":
        index.PAGE_FTS.clear()
    else:
        Page.objects.update(search_vector=None)


def test_rebuilding_the_index_makes_pages_findable_again(corpus):
    _lose_the_index()
    assert selectors.search("sygefraværet") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert [hit.page.slug for hit in selectors.search("sygefraværet")] == ["fravaer"]
