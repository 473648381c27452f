"""The logbook's checks on a case page (registered with `knowledge.approvals.flags`
in `LogbookConfig.ready`): a CPR number, and a name from the company's staff list,
first names alone included. Only the logbook may read the staff list; a flag
names the words found in the page's text, never the list."""

from django.utils.translation import gettext as _

from knowledge.approvals.flags import Flag, names_in
from knowledge.models import CaseApproval
from logbook.case_pages.selectors import staff_names_of_company
from logbook.entries.privacy import contains_cpr, staff_list


def logbook_flags(approval: CaseApproval, text: str) -> list[Flag]:
    flags = []
    if contains_cpr(text):
        flags.append(Flag(_("Something shaped like a CPR number.")))
    names = [
        name
        for staff_names in staff_names_of_company(approval.company_id)
        for name in staff_list(staff_names)
    ]
    found = names_in(text, names)
    if found:
        flags.append(
            Flag(
                _("A name from the company's staff list: %(names)s.")
                % {"names": ", ".join(f"“{name}”" for name in found)}
            )
        )
    return flags
