"""Agenda order: drag and drop, and a stale list refused."""

import pytest
from django.core.exceptions import ValidationError

from programme.agenda import services

pytestmark = pytest.mark.django_db


def test_reorder_by_drag_and_a_stale_list_is_refused(meeting):
    items = list(meeting.agenda_items.order_by("position"))
    reversed_ids = [item.pk for item in reversed(items)]
    services.agenda_reorder(meeting=meeting, ordered_ids=reversed_ids)
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == (
        reversed_ids
    )
    with pytest.raises(ValidationError):
        services.agenda_reorder(meeting=meeting, ordered_ids=reversed_ids[:-1])
