"""How the PDF groups a logbook's entries: by kind, or by the periods between
consecutive development meetings."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from logbook.models import Entry, LogbookExport
from programme.models import Meeting


@dataclass
class Group:
    key: str
    title: str
    entries: list = field(default_factory=list)


def group_by_kind(items: list[Entry]) -> list[Group]:
    groups = {kind.value: Group(kind.value, str(kind.label)) for kind in Entry.Kind}
    for entry in items:
        groups[entry.kind].entries.append(entry)
    return [group for group in groups.values() if group.entries]


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def group_by_meeting_period(items: list[Entry], meetings: list[Meeting]) -> list[Group]:
    """Periods between consecutive development meetings.

    A period starts on a meeting's day and ends the day before the next
    meeting; entries before the first meeting form their own period.
    """
    days = [(_local_date(meeting.starts_at), meeting) for meeting in meetings]
    date_fmt = "%d.%m.%Y"
    groups: list[Group] = []
    if days:
        first_day, first = days[0]
        groups.append(
            Group(
                "before",
                _("Before %(meeting)s (%(date)s)")
                % {"meeting": first.title, "date": first_day.strftime(date_fmt)},
            )
        )
    else:
        groups.append(Group("all", _("All entries")))
    for index, (day, meeting) in enumerate(days):
        if index + 1 < len(days):
            next_day, next_meeting = days[index + 1]
            title = _("From %(meeting)s (%(date)s) to %(next)s (%(next_date)s)") % {
                "meeting": meeting.title,
                "date": day.strftime(date_fmt),
                "next": next_meeting.title,
                "next_date": next_day.strftime(date_fmt),
            }
        else:
            title = _("After %(meeting)s (%(date)s)") % {
                "meeting": meeting.title,
                "date": day.strftime(date_fmt),
            }
        groups.append(Group(f"meeting-{meeting.pk}", title))
    for entry in items:
        index = 0
        for position, (day, _meeting) in enumerate(days):
            if entry.entry_date >= day:
                index = position + 1
        groups[index].entries.append(entry)
    return [group for group in groups if group.entries]


def grouped(items: list[Entry], grouping: str, meetings: list[Meeting]) -> list[Group]:
    if grouping == LogbookExport.Grouping.MEETING:
        return group_by_meeting_period(items, meetings)
    return group_by_kind(items)
