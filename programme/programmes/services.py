"""Writes for programmes: creation from the course template and enrolment."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from programme.models import AgendaItem, Enrolment, Meeting, Programme
from programme.programmes import blueprint
from programme.reminders import services as reminders

HALF_DAY_START = time(9, 0)
HALF_DAY_END = time(12, 30)
ENROLLABLE_KINDS = (Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT)


def _on_weekday(day: date, earliest: date, latest: date) -> date:
    """Move a weekend day to the nearest weekday inside the period."""
    if day.weekday() == 5:  # Saturday
        day = (
            day - timedelta(days=1)
            if day - timedelta(days=1) >= earliest
            else day + timedelta(days=2)
        )
    elif day.weekday() == 6:  # Sunday
        day = (
            day + timedelta(days=1)
            if day + timedelta(days=1) <= latest
            else day - timedelta(days=2)
        )
    return day


def suggested_dates(starts_on: date, ends_on: date, count: int) -> list[date]:
    """`count` weekdays spread evenly over the period, first and last day included."""
    if count == 1:
        return [_on_weekday(starts_on, starts_on, ends_on)]
    span = (ends_on - starts_on).days
    return [
        _on_weekday(starts_on + timedelta(days=round(span * i / (count - 1))), starts_on, ends_on)
        for i in range(count)
    ]


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=timezone.get_current_timezone())


@transaction.atomic
def programme_create_from_template(
    *, name: str, description: str, starts_on: date, ends_on: date, user: Any
) -> Programme:
    """A programme with the kick-off and meetings 1–6, themes and suggested agendas."""
    programme = Programme(
        name=name, description=description, starts_on=starts_on, ends_on=ends_on, created_by=user
    )
    programme.full_clean()
    programme.save()
    dates = suggested_dates(starts_on, ends_on, len(blueprint.MEETINGS))
    for day, (number, title, theme, audience, agenda) in zip(
        dates, blueprint.MEETINGS, strict=True
    ):
        meeting = Meeting.objects.create(
            programme=programme,
            number=number,
            title=str(title),
            theme=str(theme),
            audience=audience,
            starts_at=_at(day, HALF_DAY_START),
            ends_at=_at(day, HALF_DAY_END),
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                position=index,
                title=str(item_title),
                kind=kind,
                duration_minutes=minutes,
            )
            for index, (item_title, kind, minutes) in enumerate(agenda)
        )
    return programme


@transaction.atomic
def programme_update(
    *, programme: Programme, name: str, description: str, starts_on: date, ends_on: date
) -> Programme:
    programme.name, programme.description = name, description
    programme.starts_on, programme.ends_on = starts_on, ends_on
    programme.full_clean()
    outside = programme.meetings.exclude(
        starts_at__date__gte=starts_on, starts_at__date__lte=ends_on
    )
    if outside.exists():
        raise ValidationError(
            _("Some meetings would fall outside the new period. Move them first: %(titles)s")
            % {"titles": ", ".join(outside.values_list("title", flat=True))}
        )
    programme.save()
    return programme


@transaction.atomic
def enrolment_add(*, programme: Programme, organisation: Organisation) -> Enrolment:
    if organisation.kind not in ENROLLABLE_KINDS:
        raise ValidationError(
            {"organisation": _("Only companies and advisory units can be enrolled.")}
        )
    enrolment, created = Enrolment.objects.get_or_create(
        programme=programme, organisation=organisation
    )
    if not created and enrolment.left_at is not None:
        enrolment.left_at = None
        enrolment.save(update_fields=["left_at"])
    transaction.on_commit(lambda: reminders.reminders_plan_for_programme(programme_id=programme.pk))
    return enrolment


@dataclass(frozen=True)
class EnrolmentsResult:
    enrolled: list[Organisation]  # newly enrolled (or back after leaving)
    already: list[Organisation]  # were enrolled already: nothing changed


@transaction.atomic
def enrolments_add(*, programme: Programme, organisations: list[Organisation]) -> EnrolmentsResult:
    """Enrol several companies and advisory units at once. Idempotent: those already
    enrolled stay as they are; all or none are enrolled (one bad kind stops all)."""
    active = set(
        programme.enrolments.filter(left_at__isnull=True).values_list("organisation_id", flat=True)
    )
    enrolled, already = [], []
    for organisation in dict.fromkeys(organisations):  # each once, in the given order
        if organisation.pk in active:
            already.append(organisation)
            continue
        enrolment_add(programme=programme, organisation=organisation)
        enrolled.append(organisation)
    return EnrolmentsResult(enrolled=enrolled, already=already)


@transaction.atomic
def enrolment_end(*, enrolment: Enrolment) -> Enrolment:
    """The organisation leaves: nobody in it gets reminders any more."""
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["left_at"])
    reminders.reminders_skip_for_departed(programme=enrolment.programme)
    return enrolment
