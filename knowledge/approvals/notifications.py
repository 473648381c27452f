"""The case pages' notifications. Called by `knowledge.approvals.services`.

Titles name the company (its registered name: the people told are the company's
own, its advisor and the facilitators) and the person who acted, never the page's
title or text. Each event is its own cause (`case-approval-event:<event>`), so a
retried service notifies nobody twice.
"""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Membership, Role, User
from bifrost.core.notifications.services import notify
from bifrost.core.people import display_name
from knowledge.models import CaseApproval, CaseApprovalEvent

APPROVAL_REQUESTED = "case_page_approval_requested"
APPROVAL_ANSWERED = "case_page_approval_answered"
CASE_PAGE_PUBLISHED = "case_page_published"

_ANSWERS = {
    CaseApprovalEvent.Action.APPROVED: _("%(person)s approved the case page about %(company)s"),
    CaseApprovalEvent.Action.WITHDRAWN: _(
        "%(person)s withdrew the approval of the case page about %(company)s"
    ),
    CaseApprovalEvent.Action.SUGGESTED: _(
        "%(person)s suggested a change to the case page about %(company)s"
    ),
}
_STATUS = {
    CaseApprovalEvent.Action.PUBLISHED: _("The case page about %(company)s is published"),
    CaseApprovalEvent.Action.UNPUBLISHED: _(
        "The case page about %(company)s was taken off the site"
    ),
}


def key_holders(approval: CaseApproval) -> list[Any]:
    """The company's SMV owners and the advisor: the people asked."""
    owners = [
        m.user
        for m in Membership.objects.filter(
            organisation_id=approval.company_id, role=Role.SMV_OWNER
        ).select_related("user")
    ]
    return [*owners, approval.advisor]


def _facilitators(approval: CaseApproval) -> Iterable[Any]:
    if approval.created_by is not None:
        return [approval.created_by]
    return User.objects.filter(memberships__role=Role.FACILITATOR).distinct()


def _link(approval: CaseApproval) -> str:
    return reverse("knowledge:case_approval", args=[approval.pk])


def approval_requested(*, approval: CaseApproval, event: CaseApprovalEvent) -> None:
    notify(
        kind=APPROVAL_REQUESTED,
        recipients=key_holders(approval),
        exclude=[event.actor],
        link=_link(approval),
        cause=f"case-approval-event:{event.pk}",
        title_template=_("A case page about %(company)s waits for your approval"),
        context={"company": approval.company.name},
    )


def approval_answered(*, approval: CaseApproval, event: CaseApprovalEvent) -> None:
    """To the facilitator who drafted it (all facilitators if they left)."""
    notify(
        kind=APPROVAL_ANSWERED,
        recipients=_facilitators(approval),
        exclude=[event.actor],
        link=_link(approval),
        cause=f"case-approval-event:{event.pk}",
        title_template=_ANSWERS[event.action],
        context={"person": display_name(event.actor), "company": approval.company.name},
    )


def status_changed(*, approval: CaseApproval, event: CaseApprovalEvent) -> None:
    """Published or taken down: the company's people, the advisor and the drafter."""
    notify(
        kind=CASE_PAGE_PUBLISHED,
        recipients=[*key_holders(approval), approval.created_by],
        exclude=[event.actor],
        link=_link(approval),
        cause=f"case-approval-event:{event.pk}",
        title_template=_STATUS[event.action],
        context={"company": approval.company.name},
    )
