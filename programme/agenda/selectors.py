"""Reads for agendas: the times of each item."""

import math
from copy import copy
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from programme.models import AgendaItem, Meeting


@dataclass
class ScheduledItem:
    item: AgendaItem
    start: datetime
    end: datetime
    overlaps_previous: bool
    past_meeting_end: bool
    gap_before: timedelta


def schedule(meeting: Meeting, items: list[AgendaItem]) -> list[ScheduledItem]:
    """Times of each item: a fixed start, or right after the previous item.

    Flags an item that starts before the previous one ends, and one that ends
    after the meeting does.
    """
    tz = timezone.get_current_timezone()
    start_of_meeting = timezone.localtime(meeting.starts_at, tz)
    cursor = start_of_meeting
    result: list[ScheduledItem] = []
    for item in items:
        if item.fixed_start is not None:
            start = start_of_meeting.replace(
                hour=item.fixed_start.hour, minute=item.fixed_start.minute, second=0
            )
        else:
            start = cursor
        end = start + timedelta(minutes=item.duration_minutes)
        result.append(
            ScheduledItem(
                item=item,
                start=start,
                end=end,
                overlaps_previous=bool(result) and start < result[-1].end,
                past_meeting_end=end > meeting.ends_at,
                gap_before=max(start - cursor, timedelta(0)) if result else timedelta(0),
            )
        )
        cursor = max(cursor, end)
    return result


def overrun_minutes(
    meeting: Meeting,
    items: list[AgendaItem],
    *,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> int:
    """By how many whole minutes (rounded up) the agenda runs past the meeting's end,
    0 if it fits. `starts_at`/`ends_at` ask about new times before they are saved;
    the items keep their order, durations and fixed start times."""
    if starts_at is not None or ends_at is not None:
        meeting = copy(meeting)
        meeting.starts_at = starts_at or meeting.starts_at
        meeting.ends_at = ends_at or meeting.ends_at
    scheduled = schedule(meeting, items)
    if not scheduled:
        return 0
    past = max(entry.end for entry in scheduled) - meeting.ends_at
    return max(0, math.ceil(past.total_seconds() / 60))
