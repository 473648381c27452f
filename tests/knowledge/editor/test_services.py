"""Loading the initial content: complete, published, and idempotent."""

import pytest
from django.urls import reverse

from knowledge.editor.services import load_initial_content
from knowledge.models import Page

pytestmark = pytest.mark.django_db


def test_initial_content_is_complete_and_loads_idempotently(client):
    created = load_initial_content()
    assert created == 8 + 7 + 4 + 3 + 6 + 3
    assert load_initial_content() == 0

    case = Page.objects.filter(kind="case").first()
    kinds = set(case.related.values_list("kind", flat=True))
    assert "principle" in kinds and "phase" in kinds
    for section in ["hvad-er-det", "brobyggermetoden", "raadgiverrollen", "cases"]:
        assert client.get(reverse("knowledge:section", args=[section])).status_code == 200
