"""Fixtures of the export tests."""

import datetime

import pytest

from logbook.models import Entry
from tests.logbook.factories import EntryFactory


@pytest.fixture
def entries(logbook, owner):
    """Three entries of different kinds, in date order (May, June, September 2027)."""
    return [
        EntryFactory(
            logbook=logbook,
            author=owner,
            kind=Entry.Kind.PROBLEM_FOCUS,
            entry_date=datetime.date(2027, 5, 10),
            title="Travlhed i redaktionen",
        ),
        EntryFactory(
            logbook=logbook,
            author=owner,
            kind=Entry.Kind.INITIATIVE,
            entry_date=datetime.date(2027, 6, 20),
            title="Fast ugentligt tjek-ind",
            for_whom="Hele redaktionen",
            when_text="Mandage kl. 9",
            expected_effect="Færre misforståelser om opgaver",
        ),
        EntryFactory(
            logbook=logbook,
            author=owner,
            kind=Entry.Kind.REFLECTION,
            entry_date=datetime.date(2027, 9, 1),
            title="Hvad hjælper os",
            hindrances=["Deadlines samles om torsdagen"],
            helps=["Korte møder"],
        ),
    ]
