"""Lists of exports across kinds: the failed exports a person may see, one query per
listed kind (`bifrost.core.exports.kinds.listed`, `selectors.failed_exports`)."""

import pytest

from bifrost.core.exports import kinds
from bifrost.core.exports.models import ExportStatus
from bifrost.core.exports.selectors import failed_exports
from programme.models import AgendaExport

pytestmark = pytest.mark.django_db


def test_both_pdf_kinds_are_listed():
    listed = {kind.name for kind in kinds.registered() if kind.name in kinds._LISTINGS}
    assert listed == {"programme.agenda", "logbook_pdf"}


def test_failed_ones_of_what_the_person_may_see_newest_first(
    programme, facilitator, outsider, django_assert_max_num_queries
):
    one, two = (programme.meetings.get(number=n) for n in (1, 2))
    for number, meeting in enumerate((one, two, one)):
        AgendaExport.objects.create(
            meeting=meeting, version=f"{number:064d}", status=ExportStatus.FAILED
        )
    AgendaExport.objects.create(meeting=two, version="9" * 64, status=ExportStatus.RUNNING)
    with django_assert_max_num_queries(len(kinds.listings()) + 1):
        found = failed_exports(facilitator, limit=2)
    assert [row.label.count(one.title) or row.label.count(two.title) for row in found] == [1, 1]
    assert found[0].created_at >= found[1].created_at
    assert len(found) == 2
    # The owner of a company outside the programme may see none of its meetings.
    assert failed_exports(outsider) == []
