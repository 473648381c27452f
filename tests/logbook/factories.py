"""Factories for logbooks and their entries."""

import datetime

import factory

from logbook.models import Entry, Logbook


class LogbookFactory(factory.django.DjangoModelFactory):
    """A logbook; pass programme and company. An enrolled company already has its
    logbook (made at enrolment): the factory then returns that one."""

    class Meta:
        model = Logbook
        django_get_or_create = ("programme", "company")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    kind = Entry.Kind.PROBLEM_FOCUS
    entry_date = factory.Sequence(
        lambda n: datetime.date(2027, 5, 3) + datetime.timedelta(days=n % 180)
    )
    title = factory.Sequence(lambda n: f"Notat {n}")
    body = "Vi har talt om **arbejdspres** i teamet."
