"""The demo calendar: every demo date from one `today`, the same for the same day."""

import datetime

from programme.demo_calendar import NEXT_MEETING, DemoCalendar


def _every_day_of(year: int):
    day = datetime.date(year, 1, 1)
    while day.year == year:
        yield day
        day += datetime.timedelta(days=1)


def test_meetings_sit_around_today_on_weekdays_for_every_day_of_a_year():
    for today in _every_day_of(2027):
        calendar = DemoCalendar(today)
        days = [calendar.meeting_day(number) for number in range(7)]
        assert days == sorted(days), today
        assert all(day.weekday() < 5 for day in days), today
        assert all(day < today for day in days[:NEXT_MEETING]), today
        assert 1 <= (days[NEXT_MEETING] - today).days <= 7, today
        assert 63 <= (today - days[0]).days <= 84, today  # the kick-off about 10 weeks ago
        gaps = [(later - earlier).days for earlier, later in zip(days, days[1:], strict=False)]
        assert all(14 <= gap <= 28 for gap in gaps), today
        due = calendar.preparation_due(NEXT_MEETING)
        assert today <= due < days[NEXT_MEETING], today
        assert due.weekday() < 5, today


def test_the_coming_meeting_is_in_the_afternoon_in_copenhagen():
    starts, ends = DemoCalendar(datetime.date(2026, 3, 10)).meeting_times(NEXT_MEETING)
    assert (starts.hour, starts.minute, str(starts.tzinfo)) == (13, 0, "Europe/Copenhagen")
    assert ends > starts


def test_past_days_are_weekdays_before_today_and_future_days_after():
    calendar = DemoCalendar(datetime.date(2026, 11, 24))  # a Tuesday
    assert calendar.after_meeting(3, 30) == datetime.date(2026, 11, 23)  # clamped to yesterday
    assert calendar.days_from_today(-2) == datetime.date(2026, 11, 20)  # Sunday → Friday
    assert calendar.days_from_today(4) == datetime.date(2026, 11, 30)  # Saturday → Monday


def test_the_same_today_gives_the_same_calendar():
    one, two = DemoCalendar(datetime.date(2026, 3, 10)), DemoCalendar(datetime.date(2026, 3, 10))
    assert [one.meeting_times(n) for n in range(7)] == [two.meeting_times(n) for n in range(7)]
