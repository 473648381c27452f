"""Writes of a case page's approval: create it, send the text, approve, withdraw,
suggest a change, and the log entries the editor's saves and publishing add.

Each step locks the approval row, writes one `CaseApprovalEvent` and notifies
through the core (`notifications`). Withdrawing a key takes a published page off
the site at once. Who may call what is checked by the views (`rules`); these
functions check the workflow.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.approvals import notifications
from knowledge.approvals.flags import flags_for
from knowledge.approvals.text import text_hash
from knowledge.editor.selectors import newest_content
from knowledge.models import CaseApproval, CaseApprovalEvent, CaseSuggestion, Page, Party
from knowledge.pages.cache import bump_content_version

Action = CaseApprovalEvent.Action


def _locked(approval: CaseApproval) -> CaseApproval:
    return (
        CaseApproval.objects.select_for_update(of=("self",))
        .select_related("page", "company", "advisor", "created_by")
        .get(pk=approval.pk)
    )


def _check_party(party: str) -> None:
    if party not in Party.values:
        raise ValidationError(_("Only the company or its advisor can answer."))


def _event(
    approval: CaseApproval, action: str, actor: Any, *, party: str = "", content_hash: str = ""
) -> CaseApprovalEvent:
    return CaseApprovalEvent.objects.create(
        approval=approval, action=action, party=party, actor=actor, content_hash=content_hash
    )


@transaction.atomic
def case_approval_create(
    *, page: Page, company: Any, company_label: str, advisor: Any, user: Any
) -> CaseApproval:
    """Ask `company` (its SMV owners) and `advisor` for the two keys of `page`."""
    approval = CaseApproval(
        page=page,
        company=company,
        company_label=(company_label or "").strip(),
        advisor=advisor,
        created_by=user,
    )
    approval.full_clean()
    approval.save()
    _event(approval, Action.DRAFTED, user, content_hash=text_hash(newest_content(page)))
    return approval


@transaction.atomic
def case_approval_send(*, approval: CaseApproval, user: Any) -> CaseApproval:
    """Send the page's newest text to the company and the advisor.

    Refused while a flag stands (a name, a CPR number, the company's own name) or
    without an advisor. A key given to an earlier text stays on record for that text
    (a published page rests on it) but does not hold for this one."""
    approval = _locked(approval)
    if approval.advisor is None:
        raise ValidationError(_("The case has no advisor to ask: both keys are needed."))
    content = newest_content(approval.page)
    flags = flags_for(approval, content)
    if flags:
        raise ValidationError(
            [_("Remove this before the text is sent:") + " " + flag.message for flag in flags]
        )
    digest = text_hash(content)
    if digest == approval.sent_hash:
        raise ValidationError(_("This text has already been sent for approval."))
    approval.sent_content = content
    approval.sent_hash = digest
    approval.sent_at = timezone.now()
    approval.save(update_fields=["sent_content", "sent_hash", "sent_at"])
    event = _event(approval, Action.SENT, user, content_hash=digest)
    notifications.approval_requested(approval=approval, event=event)
    return approval


def _set_key(approval: CaseApproval, party: str, *, digest: str, user: Any, now) -> None:
    setattr(approval, f"{party}_approved_hash", digest)
    setattr(approval, f"{party}_approved_at", now)
    setattr(approval, f"{party}_approved_by", user)
    approval.save(
        update_fields=[f"{party}_approved_hash", f"{party}_approved_at", f"{party}_approved_by"]
    )


@transaction.atomic
def case_approval_approve(
    *, approval: CaseApproval, party: str, user: Any, seen_hash: str
) -> CaseApproval:
    """Give `party`'s key to the text that was sent, the one the person read
    (`seen_hash`): if it changed in the meantime, nothing is approved."""
    _check_party(party)
    approval = _locked(approval)
    if not approval.sent_hash:
        raise ValidationError(_("There is no text to approve yet."))
    if seen_hash != approval.sent_hash:
        raise ValidationError(
            _("The text changed while you were reading it. Read the new text, then approve.")
        )
    if approval.holds(party):
        raise ValidationError(_("You have already approved this text."))
    _set_key(approval, party, digest=approval.sent_hash, user=user, now=timezone.now())
    event = _event(approval, Action.APPROVED, user, party=party, content_hash=approval.sent_hash)
    notifications.approval_answered(approval=approval, event=event)
    return approval


@transaction.atomic
def case_approval_withdraw(*, approval: CaseApproval, party: str, user: Any) -> CaseApproval:
    """Take `party`'s key back; a published page goes off the site at once."""
    _check_party(party)
    approval = _locked(approval)
    if not approval.approved_hash(party):
        raise ValidationError(_("There is no approval of yours to withdraw."))
    digest = approval.approved_hash(party)
    setattr(approval, f"{party}_approved_hash", "")
    setattr(approval, f"{party}_approved_at", None)
    setattr(approval, f"{party}_approved_by", None)
    approval.save(
        update_fields=[f"{party}_approved_hash", f"{party}_approved_at", f"{party}_approved_by"]
    )
    event = _event(approval, Action.WITHDRAWN, user, party=party, content_hash=digest)
    notifications.approval_answered(approval=approval, event=event)
    page = approval.page
    if page.is_published:
        # The same as the editor's unpublish; the approval's own log says why.
        page.status = Page.Status.DRAFT
        page.save(update_fields=["status", "updated_at"])
        transaction.on_commit(bump_content_version)
        down = _event(approval, Action.UNPUBLISHED, user, party=party)
        notifications.status_changed(approval=approval, event=down)
    return approval


@transaction.atomic
def case_suggestion_add(
    *, approval: CaseApproval, party: str, user: Any, text: str
) -> CaseSuggestion:
    """The company or the advisor asks for a change to the text they were shown."""
    _check_party(party)
    approval = _locked(approval)
    if not approval.sent_hash:
        raise ValidationError(_("There is no text to comment on yet."))
    suggestion = CaseSuggestion(
        approval=approval,
        party=party,
        author=user,
        text=(text or "").strip(),
        content_hash=approval.sent_hash,
    )
    suggestion.full_clean()
    suggestion.save()
    event = _event(approval, Action.SUGGESTED, user, party=party, content_hash=approval.sent_hash)
    notifications.approval_answered(approval=approval, event=event)
    return suggestion


# --- Called by the editor's services ---------------------------------------------------


def case_approval_note_save(*, page: Page, content: dict, previous_hash: str, user: Any) -> None:
    """A draft of a case page was saved: after the text was sent, a change is logged
    (and its keys no longer hold for the new text)."""
    approval = CaseApproval.objects.filter(page=page).first()
    if approval is None or not approval.sent_hash:
        return
    digest = text_hash(content)
    if digest != previous_hash and digest != approval.sent_hash:
        _event(approval, Action.CHANGED, user, content_hash=digest)


def case_approval_note_status(*, page: Page, published: bool, user: Any) -> None:
    """The editor published or unpublished a case page: logged, and the company,
    the advisor and the drafter are told."""
    approval = CaseApproval.objects.filter(page=page).select_related("company", "advisor").first()
    if approval is None:
        return
    action = Action.PUBLISHED if published else Action.UNPUBLISHED
    event = _event(approval, action, user, content_hash=text_hash(newest_content(page)))
    notifications.status_changed(approval=approval, event=event)
