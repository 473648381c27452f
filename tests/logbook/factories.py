"""Factories for logbooks and their entries."""

import datetime

import factory

from logbook.models import Entry, Logbook


class LogbookFactory(factory.django.DjangoModelFactory):
    """A logbook; pass programme and company. An enrolled company already has its
    logbook (made at enrolment): the factory then returns that one, with the other
    attributes given (consent, staff list …) applied to it."""

    class Meta:
        model = Logbook

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        programme, company = kwargs.pop("programme"), kwargs.pop("company")
        logbook, _ = model_class.objects.update_or_create(
            programme=programme, company=company, defaults=kwargs
        )
        return logbook


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    kind = Entry.Kind.PROBLEM_FOCUS
    entry_date = factory.Sequence(
        lambda n: datetime.date(2027, 5, 3) + datetime.timedelta(days=n % 180)
    )
    title = factory.Sequence(lambda n: f"Notat {n}")
    body = "Vi har talt om **arbejdspres** i teamet."
