"""A logbook that shares with the researchers, with an initiative whose change logic
the company described, and an entry to quote."""

import pytest

from logbook.insights import services as insights
from logbook.models import Entry
from tests.logbook.factories import EntryFactory


@pytest.fixture
def consenting_logbook(logbook, case):
    """The company's logbook, shared with the researchers, with an active case."""
    logbook.share_with_researchers = True
    logbook.staff_names = "Mette Kristiansen\nOle Bundgaard"
    logbook.save()
    return logbook


@pytest.fixture
def initiative(consenting_logbook, owner):
    entry = EntryFactory(
        logbook=consenting_logbook,
        author=owner,
        kind=Entry.Kind.INITIATIVE,
        title="Workshop om stresstrappen",
        body="Alle på redaktionen lærer de fem trin.",
        for_whom="Hele redaktionen",
        expected_effect="Vi siger til i tide.",
    )
    insights.change_logic_save(
        entry=entry,
        by=owner,
        challenge="stresshaandtering",
        challenge_text="Presset op til deadline blev ikke talt om.",
        expected_results="Flere siger til, før det går galt.",
        knowledge_and_tools="- Stresstrappen",
    )
    return entry


@pytest.fixture
def excerpt(consenting_logbook, owner):
    return EntryFactory(
        logbook=consenting_logbook,
        author=owner,
        kind=Entry.Kind.REFLECTION,
        title="Hvad hjalp",
        body="Det hjalp at sige det højt på morgenmødet.",
    )
