"""The core's threads are tried on a concrete one: the comments on a logbook entry
(the entry of the company's owner; the company's case has an advisor)."""

import pytest

from tests.logbook.factories import EntryFactory


@pytest.fixture
def subject(logbook, owner, case):
    """An entry to comment on; `case` makes `case.advisor` its consented advisor."""
    return EntryFactory(logbook=logbook, author=owner)
