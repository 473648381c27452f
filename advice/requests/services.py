"""Writes of the request flow between the two local parties: draft, send (the leader's
confirmation), invite and re-invite the representative, the representative's
confirmation (a place in the provider's queue, decided by the database), withdrawal,
and the beat's reminder and expiry. The provider's side is in `decisions.py`.

Every transition writes a `RequestEvent` and notifies the people it concerns, in the
same transaction. E-mails carry names and a link only, never the request's text.
"""

import secrets
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.models import (
    CONFIRM_WITHIN,
    REMIND_AFTER,
    AdviceRequest,
    EventKind,
    InspectorateOrder,
    OfferRound,
    RequestEvent,
    RequestState,
    Theme,
)
from advice.requests import emails, notifications
from bifrost.accounts.models import User, hash_token


class RequestLinkError(Exception):
    """A confirmation link that cannot be used; the message is shown to the person."""


def event_add(
    advice_request: AdviceRequest, kind: str, *, actor: User | None, at: datetime | None = None
) -> RequestEvent:
    return RequestEvent.objects.create(
        request=advice_request,
        kind=kind,
        actor=actor,
        provider_id=advice_request.provider_id,
        at=at or timezone.now(),
    )


def _locked(advice_request: AdviceRequest) -> AdviceRequest:
    return (
        AdviceRequest.objects.select_for_update(of=("self",))
        .select_related("provider", "leader", "representative", "round")
        .get(pk=advice_request.pk)
    )


@transaction.atomic
def request_draft_save(
    *,
    advice_request: AdviceRequest,
    leader: User,
    round: OfferRound,  # noqa: A002 - the model's own word
    themes: Iterable[Theme] = (),
) -> AdviceRequest:
    """Create or update the leader's draft (what the form filled in on the instance)."""
    if advice_request.pk is not None and advice_request.state != RequestState.DRAFT:
        raise ValidationError(_("Only a draft can be changed."), code="not_draft")
    created = advice_request.pk is None
    advice_request.leader = leader
    advice_request.round = round
    advice_request.state = RequestState.DRAFT
    if advice_request.provider is not None and not advice_request.provider.published:
        raise ValidationError({"provider": _("Choose a provider from the catalogue.")})
    advice_request.full_clean(exclude=["representative"])
    advice_request.save()
    advice_request.themes.set([t for t in themes if t.round_id == round.pk])
    if created:
        event_add(advice_request, EventKind.CREATED, actor=leader)
    return advice_request


def _check_complete(advice_request: AdviceRequest) -> None:
    required = _("Fill this in before you send the request.")
    errors: dict[str, list[str]] = {}
    for field in (
        "workplace_name",
        "provider",
        "situation",
        "goals",
        "participants",
        "expected_hours",
        "representative_name",
        "representative_email",
    ):
        if getattr(advice_request, field) in (None, ""):
            errors[field] = [required]
    if advice_request.is_joint and not advice_request.joint_units.strip():
        errors["joint_units"] = [_("Name the units that apply jointly.")]
    if advice_request.inspectorate_order == InspectorateOrder.OPEN:
        errors["inspectorate_order"] = [
            _(
                "The offer cannot be used to follow up on an order from the Working "
                "Environment Authority until the order has been complied with."
            )
        ]
    if not advice_request.exclusions_confirmed:
        errors["exclusions_confirmed"] = [
            _("Confirm that the request is not for anything the offer excludes.")
        ]
    leader_email = advice_request.leader.email.lower() if advice_request.leader else ""
    if advice_request.representative_email.lower() == leader_email:
        errors.setdefault("representative_email", []).append(
            _("The representative is another person than you: give their e-mail address.")
        )
    if not advice_request.round.accepts_requests_on(timezone.localdate()):
        errors.setdefault("__all__", []).append(
            _("The offer round does not accept requests today.")
        )
    if errors:
        raise ValidationError(errors)


def _invite(advice_request: AdviceRequest, *, kind: str, actor: User) -> str:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    advice_request.invitation_token_hash = hash_token(token)
    advice_request.invited_at = now
    advice_request.expires_at = now + CONFIRM_WITHIN
    advice_request.reminded_at = None
    advice_request.save()
    event = event_add(advice_request, kind, actor=actor, at=now)
    emails.send_invitation(advice_request, token=token, key=f"advice-invitation:{event.pk}")
    representative = User.objects.filter(
        email__iexact=advice_request.representative_email, is_active=True
    ).first()
    if representative is not None and representative.pk != advice_request.leader_id:
        notifications.to_confirm(advice_request, representative=representative, event=event.pk)
    return token


@transaction.atomic
def request_save(
    *,
    advice_request: AdviceRequest,
    leader: User,
    round: OfferRound,  # noqa: A002 - the model's own word
    themes: Iterable[Theme] = (),
    send: bool = False,
) -> AdviceRequest:
    """Save the draft and, with `send`, send it, all or nothing: a request that cannot
    be sent yet is not saved either (the form keeps what the leader typed)."""
    advice_request = request_draft_save(
        advice_request=advice_request, leader=leader, round=round, themes=themes
    )
    if send:
        request_submit(advice_request=advice_request, by=leader)
        advice_request.refresh_from_db()
    return advice_request


@transaction.atomic
def request_submit(*, advice_request: AdviceRequest, by: User) -> str:
    """The leader sends the draft (their confirmation): the representative is invited.
    Returns the link's token (only its hash is stored)."""
    advice_request = _locked(advice_request)
    if advice_request.leader_id != by.pk or advice_request.state != RequestState.DRAFT:
        raise ValidationError(_("Only the leader can send a draft."), code="not_draft")
    _check_complete(advice_request)
    advice_request.state = RequestState.AWAITING_REPRESENTATIVE
    advice_request.submitted_at = timezone.now()
    return _invite(advice_request, kind=EventKind.SUBMITTED, actor=by)


@transaction.atomic
def request_reinvite(*, advice_request: AdviceRequest, by: User) -> str:
    """A new link (the old one stops working) and fourteen new days to confirm."""
    advice_request = _locked(advice_request)
    if (
        advice_request.leader_id != by.pk
        or advice_request.state != RequestState.AWAITING_REPRESENTATIVE
    ):
        raise ValidationError(_("The request no longer waits for the representative."))
    return _invite(advice_request, kind=EventKind.REINVITED, actor=by)


def request_by_token(token: str) -> AdviceRequest | None:
    if not token:
        return None
    return (
        AdviceRequest.objects.select_related("provider", "leader", "representative", "round")
        .filter(invitation_token_hash=hash_token(token))
        .first()
    )


def check_link(advice_request: AdviceRequest | None, user: User | None) -> AdviceRequest:
    """Raise RequestLinkError with a clear message unless `user` may answer the link."""
    if advice_request is None:
        raise RequestLinkError(
            _("This link is not valid. It may have been replaced by a newer e-mail.")
        )
    if advice_request.state == RequestState.WITHDRAWN:
        raise RequestLinkError(_("This request has been withdrawn."))
    if advice_request.state == RequestState.EXPIRED or (
        advice_request.state == RequestState.AWAITING_REPRESENTATIVE
        and (advice_request.expires_at or timezone.now()) <= timezone.now()
    ):
        raise RequestLinkError(
            _("This request expired before it was confirmed. The leader can start a new one.")
        )
    if user is not None and user.is_authenticated:
        if user.pk == advice_request.leader_id:
            raise RequestLinkError(
                _(
                    "You sent this request as the leader. Only the representative you "
                    "invited can confirm it."
                )
            )
        if user.email.lower() != advice_request.representative_email.lower():
            raise RequestLinkError(
                _(
                    "This link was sent to another e-mail address than the one you are "
                    "logged in with. Log out and open the link again."
                )
            )
    return advice_request


@transaction.atomic
def request_confirm(*, token: str, user: User) -> AdviceRequest:
    """The representative's confirmation, the second one: the request takes its place
    in the provider's queue. Confirming again (a double click) changes nothing."""
    found = request_by_token(token)
    if found is not None and found.representative_id == user.pk and found.confirmed_at:
        return found
    advice_request = check_link(found, user)
    advice_request = _locked(advice_request)
    if advice_request.representative_id == user.pk and advice_request.confirmed_at:
        return advice_request  # a concurrent click won
    check_link(advice_request, user)
    if advice_request.state != RequestState.AWAITING_REPRESENTATIVE:
        raise RequestLinkError(_("This request no longer waits for a confirmation."))
    advice_request.representative = user
    advice_request.save(update_fields=["representative", "updated_at"])
    AdviceRequest.objects.take_queue_place(
        advice_request.pk, from_states=[RequestState.AWAITING_REPRESENTATIVE]
    )
    advice_request.refresh_from_db()
    event = event_add(advice_request, EventKind.CONFIRMED, actor=user, at=advice_request.queued_at)
    notifications.queued(advice_request, event=event.pk)
    return advice_request


@transaction.atomic
def request_withdraw(*, advice_request: AdviceRequest, by: User, reason: str) -> AdviceRequest:
    """Either party withdraws, with a reason (the caller checked who `by` is)."""
    advice_request = _locked(advice_request)
    if not advice_request.is_withdrawable:
        raise ValidationError(_("This request can no longer be withdrawn."), code="closed")
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the request is withdrawn.")})
    was_queued = advice_request.state == RequestState.QUEUED
    advice_request.state = RequestState.WITHDRAWN
    advice_request.withdrawn_at = timezone.now()
    advice_request.withdrawn_by = by
    advice_request.withdraw_reason = reason.strip()
    advice_request.full_clean(exclude=["representative"])
    advice_request.save()
    event = event_add(advice_request, EventKind.WITHDRAWN, actor=by)
    invited = []
    if advice_request.representative_id is None:
        # The representative never confirmed: they hear of it by their account, if any.
        invited = list(User.objects.filter(email__iexact=advice_request.representative_email))
    notifications.withdrawn(
        advice_request, event=event.pk, by=by, was_queued=was_queued, also=invited
    )
    return advice_request


@transaction.atomic
def request_draft_delete(*, advice_request: AdviceRequest, by: User) -> None:
    advice_request = _locked(advice_request)
    if advice_request.leader_id != by.pk or advice_request.state != RequestState.DRAFT:
        raise ValidationError(_("Only the leader's draft can be deleted."))
    advice_request.delete()


# --- The beat's reminder and expiry --------------------------------------------------


@transaction.atomic
def request_remind(*, advice_request: AdviceRequest, now: datetime) -> bool:
    """The one reminder, with a fresh link: claimed by a guarded UPDATE, so a second
    run (or a concurrent worker) sends nothing."""
    claimed = AdviceRequest.objects.filter(
        pk=advice_request.pk,
        state=RequestState.AWAITING_REPRESENTATIVE,
        reminded_at__isnull=True,
        expires_at__gt=now,
    ).update(reminded_at=now)
    if not claimed:
        return False
    advice_request = _locked(advice_request)
    token = secrets.token_urlsafe(32)
    advice_request.invitation_token_hash = hash_token(token)
    advice_request.save(update_fields=["invitation_token_hash", "updated_at"])
    event = event_add(advice_request, EventKind.REMINDED, actor=None, at=now)
    emails.send_reminder(advice_request, token=token, key=f"advice-reminder:{event.pk}")
    return True


def requests_remind_due(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    due = AdviceRequest.objects.filter(
        state=RequestState.AWAITING_REPRESENTATIVE,
        reminded_at__isnull=True,
        invited_at__lte=now - REMIND_AFTER,
        expires_at__gt=now,
    )
    return sum(request_remind(advice_request=r, now=now) for r in due)


@transaction.atomic
def request_expire(*, advice_request: AdviceRequest, now: datetime) -> bool:
    expired = AdviceRequest.objects.filter(
        pk=advice_request.pk, state=RequestState.AWAITING_REPRESENTATIVE, expires_at__lte=now
    ).update(state=RequestState.EXPIRED, updated_at=now)
    if not expired:
        return False
    advice_request = _locked(advice_request)
    event = event_add(advice_request, EventKind.EXPIRED, actor=None, at=now)
    notifications.expired(advice_request, event=event.pk)
    return True


def requests_expire_due(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    due = AdviceRequest.objects.filter(
        state=RequestState.AWAITING_REPRESENTATIVE, expires_at__lte=now
    )
    return sum(request_expire(advice_request=r, now=now) for r in due)
