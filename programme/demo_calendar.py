"""The demo's calendar: every date of the demo programme, computed from one `today`.

`manage.py demo_data` passes `timezone.localdate()`, so a fresh demo always sits
around the day it is loaded: the kick-off about ten weeks ago, development
meetings 1–3 behind us, meeting 4 a few days ahead (its preparation open, its
reminders due) and meetings 5 and 6 later. Every demo module (programme,
matching, logbook) takes its dates from here; none names a year.

Pure and deterministic: the same `today` gives the same calendar. All meetings
fall on the weekday of meeting 4, at whole weeks from it, so none is on a weekend.

    meeting   0 (kick-off)  1     2     3     4        5     6
    weeks from meeting 4   −11   −8    −6    −3    (today+4…6)  +3    +7
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
NEXT_MEETING = 4  # the coming development meeting; the ones before it are held
DAYS_AHEAD = 4  # meeting 4 is on the first weekday at least this many days ahead
WEEKS_FROM_NEXT = {0: -11, 1: -8, 2: -6, 3: -3, 4: 0, 5: 3, 6: 7}
MORNING = (datetime.time(9, 0), datetime.time(12, 30))
AFTERNOON = (datetime.time(13, 0), datetime.time(16, 30))  # meeting 4


def weekday_on_or_after(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def weekday_on_or_before(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


@dataclass(frozen=True)
class DemoCalendar:
    today: datetime.date

    @property
    def next_meeting_day(self) -> datetime.date:
        return weekday_on_or_after(self.today + datetime.timedelta(days=DAYS_AHEAD))

    def meeting_day(self, number: int) -> datetime.date:
        return self.next_meeting_day + datetime.timedelta(weeks=WEEKS_FROM_NEXT[number])

    def meeting_times(self, number: int) -> tuple[datetime.datetime, datetime.datetime]:
        start, end = AFTERNOON if number == NEXT_MEETING else MORNING
        day = self.meeting_day(number)
        return self.at(day, start), self.at(day, end)

    def is_held(self, number: int) -> bool:
        return number < NEXT_MEETING

    @property
    def starts_on(self) -> datetime.date:
        return self.meeting_day(0)

    @property
    def ends_on(self) -> datetime.date:
        return self.meeting_day(6)

    def preparation_due(self, number: int) -> datetime.date:
        """Two days before the meeting (a weekday, never before today for meeting 4)."""
        due = weekday_on_or_before(self.meeting_day(number) - datetime.timedelta(days=2))
        return max(due, self.today) if number == NEXT_MEETING else due

    def after_meeting(self, number: int, days: int) -> datetime.date:
        """A weekday `days` after meeting `number` (before it when negative), kept
        before today: what the demo says happened has happened."""
        day = self.meeting_day(number) + datetime.timedelta(days=days)
        return self.past(day)

    def past(self, day: datetime.date) -> datetime.date:
        """`day` moved back to a weekday, and to yesterday at the latest."""
        return weekday_on_or_before(min(day, self.today - datetime.timedelta(days=1)))

    def days_from_today(self, days: int) -> datetime.date:
        """A weekday `days` from today: back for the past, forward for the future."""
        day = self.today + datetime.timedelta(days=days)
        return weekday_on_or_before(day) if days < 0 else weekday_on_or_after(day)

    @staticmethod
    def at(day: datetime.date, clock: datetime.time = datetime.time(10, 0)) -> datetime.datetime:
        return datetime.datetime.combine(day, clock, tzinfo=COPENHAGEN)


def demo_calendar(today: datetime.date | None = None) -> DemoCalendar:
    """The calendar for `today` (`demo_data` passes it), or for the local date now."""
    return DemoCalendar(today or timezone.localdate())
