"""Agenda times: the course template's agendas, recomputed times and their flags."""

from datetime import time

import pytest

from programme.agenda import selectors, services
from programme.models import AgendaItem

pytestmark = pytest.mark.django_db


def test_template_agendas_fit_the_half_day(programme):
    for meeting in programme.meetings.all():
        schedule = selectors.schedule(meeting, list(meeting.agenda_items.order_by("position")))
        assert not any(entry.past_meeting_end for entry in schedule), meeting.title
        assert any(entry.item.kind == AgendaItem.Kind.BREAK for entry in schedule)


def test_times_recompute_and_flags_overlap_and_overrun(meeting):
    meeting.agenda_items.all().delete()
    first = services.agenda_item_save(meeting=meeting, title="Velkomst", duration_minutes=30)
    second = services.agenda_item_save(meeting=meeting, title="Oplæg", duration_minutes=60)
    third = services.agenda_item_save(
        meeting=meeting, title="Frokost", duration_minutes=200, fixed_start=time(10, 0)
    )
    entries = selectors.schedule(meeting, [first, second, third])
    assert [(e.start.time(), e.end.time()) for e in entries] == [
        (time(9, 0), time(9, 30)),
        (time(9, 30), time(10, 30)),
        (time(10, 0), time(13, 20)),
    ]
    assert [e.overlaps_previous for e in entries] == [False, False, True]
    assert [e.past_meeting_end for e in entries] == [False, False, True]
    # Moving the long item first changes every time after it.
    services.agenda_move(item=second, offset=-1)
    ordered = list(meeting.agenda_items.order_by("position"))
    assert [i.title for i in ordered] == ["Oplæg", "Velkomst", "Frokost"]
    assert selectors.schedule(meeting, ordered)[1].start.time() == time(10, 0)
