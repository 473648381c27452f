"""The case page's link to the company's logbook (registered in LogbookConfig.ready,
since matching may not import logbook; see matching/cases/links.py).

Shown exactly to the people the logbook's read rule lets in (logbook/access/rules.py):
the company's own people, its advisor while the company shares the logbook and the
case is active, the researchers with the company's consent. Following the link is
the read (and the logbook page writes the access-log row); showing it reads nothing.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from logbook.access.rules import belongs_to_company, readable_logbook_of
from matching.cases.links import CaseLink


def case_logbook_link(user, case) -> CaseLink | None:
    logbook = readable_logbook_of(user, programme_id=case.programme_id, company_id=case.company_id)
    if logbook is None:
        return None
    url = reverse("logbook:detail", kwargs={"pk": logbook.pk})
    if belongs_to_company(user, logbook):
        return CaseLink(label=_("Open our logbook"), url=url)
    return CaseLink(
        label=_("Open the company's logbook"),
        url=url,
        note=_("The company shares its logbook with you. Your reading is in its access log."),
    )
