"""Which logbooks a person can still read, for their data download.

A company's own people and its consented advisor (logbook/access/rules.py): what
the person wrote in any other logbook (they left the company, the case ended,
the company withdrew its consent) is counted in the download, not shown. Reading
as a researcher does not count: the download is about the person, not research.
"""

from django.db.models import QuerySet

from logbook.access.rules import of_own_company, shared_with_advisor
from logbook.models import Logbook


def logbooks_still_readable(user) -> QuerySet[Logbook]:
    logbooks = Logbook.objects.all()
    return of_own_company(user, logbooks) | shared_with_advisor(user, logbooks)
