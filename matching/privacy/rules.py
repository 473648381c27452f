"""Which cases a person can still open, for their data download.

The same three rules as `matching.view_case` (matching/cases/rules.py): what the
person wrote on a case they can no longer open (they left the company) is
counted in the download, not shown.
"""

from django.db.models import QuerySet

from matching.cases.rules import cases_advised, cases_of_own_company, cases_overseen
from matching.models import Case


def cases_still_visible(user) -> QuerySet[Case]:
    cases = Case.objects.all()
    return (
        cases_overseen(user, cases) | cases_advised(user, cases) | cases_of_own_company(user, cases)
    )
