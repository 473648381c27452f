"""Drafting a case page from a company's change logic and chosen logbook excerpts.

The page is written through the knowledge site's services: a draft with its
provenance (`knowledge.provenance`) and its two keys (`knowledge.approvals`: the
company's SMV owners and the advisor of its active case). The facilitator then
edits it, clears the flags (names, CPR numbers) and sends it for approval; it can
be published only after both approvals. Nothing here publishes anything.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from knowledge.approvals.services import case_approval_create
from knowledge.models import CaseApproval, Kind, Page, Provenance, Section
from knowledge.provenance.services import page_draft_with_provenance
from logbook.case_pages import selectors
from logbook.models import ChangeLogic, Entry, Logbook
from matching.models import Challenge


def _quote(entry: Entry) -> str:
    month = formats.date_format(entry.entry_date, "F Y")
    lines = entry.body.splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines)
    return f"*{month}, {entry.get_kind_display().lower()}:*\n\n{quoted}"


def _content(
    *, initiative: Entry, logic: ChangeLogic, excerpts: list[Entry], label: str, title: str
) -> dict:
    """The draft's content, in Danish (the site's language), in the page's shape."""
    with translation.override(settings.LANGUAGE_CODE):
        challenge = logic.challenge_text or str(dict(Challenge.choices).get(logic.challenge, ""))
        doing = [initiative.title, initiative.body]
        if initiative.for_whom:
            doing.append(_("For whom: %(who)s") % {"who": initiative.for_whom})
        if initiative.when_text:
            doing.append(_("When: %(when)s") % {"when": initiative.when_text})
        body = ""
        if excerpts:
            body = "## " + _("From the logbook") + "\n\n" + "\n\n".join(map(_quote, excerpts))
    related = [page.pk for page in initiative.knowledge_pages.all()]
    if logic.challenge:
        related += Page.objects.filter(kind=Kind.CHALLENGE, slug=logic.challenge).values_list(
            "pk", flat=True
        )
    return {
        "section": Section.CASES,
        "kind": Kind.CASE,
        "title": title.strip(),
        "order": Page.objects.filter(kind=Kind.CASE).count() + 1,
        "body": body,
        "fields": {
            "company": label,
            "challenge": challenge,
            "initiative": "\n\n".join(part for part in doing if part),
            "expected_results": logic.expected_results or initiative.expected_effect,
            "knowledge_tools": logic.knowledge_and_tools,
            "references": [],
        },
        "related": related,
    }


def _check(logbook: Logbook, initiative: Entry, excerpts: list[Entry]) -> ChangeLogic:
    if not logbook.share_with_researchers:
        raise ValidationError(_("The company does not share its logbook with the researchers."))
    if (
        initiative.logbook_id != logbook.pk
        or initiative.kind != Entry.Kind.INITIATIVE
        or initiative.deleted_at is not None
    ):
        raise ValidationError({"initiative": _("Choose an initiative of this logbook.")})
    logic = ChangeLogic.objects.filter(entry=initiative).first()
    if logic is None:
        raise ValidationError({"initiative": _("This initiative has no change logic yet.")})
    if any(e.logbook_id != logbook.pk or e.deleted_at is not None for e in excerpts):
        raise ValidationError({"excerpts": _("Choose entries of this logbook only.")})
    return logic


@transaction.atomic
def case_page_draft(
    *,
    logbook: Logbook,
    initiative: Entry,
    excerpts: list[Entry],
    company_label: str,
    title: str,
    user: Any,
) -> CaseApproval:
    """Draft the case page of `initiative` (one per initiative: drafting it again
    returns the page made before) and ask for its two keys."""
    logic = _check(logbook, initiative, excerpts)
    case = selectors.active_case(logbook)
    if case is None:
        raise ValidationError(
            _("The company has no advisor on an active case: a case page needs both approvals.")
        )
    label = " ".join((company_label or "").split())
    if not label:
        raise ValidationError({"company_label": _("Say how the page names the company.")})
    drafted = page_draft_with_provenance(
        content=_content(
            initiative=initiative, logic=logic, excerpts=excerpts, label=label, title=title
        ),
        provenance={
            "source": Provenance.Source.CASE,
            "source_key": f"logbook.initiative:{initiative.pk}",
            "programme_name": logbook.programme.name,
            "companies": 1,
            "advisors": 1,
        },
        user=user,
    )
    existing = CaseApproval.objects.filter(page=drafted.page).first()
    if existing is not None:
        return existing
    return case_approval_create(
        page=drafted.page,
        company=logbook.company,
        company_label=label,
        advisor=case.advisor,
        user=user,
    )
