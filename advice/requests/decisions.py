"""Writes of the provider's side: accept (a course with dated steps), decline (with a
reason), the workplace sending a declined request on to another provider (a new place
at the end of that provider's queue), and the provider's capacity per period."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.courses.services import course_start
from advice.editor import services as offer_editor
from advice.models import (
    AdviceRequest,
    Course,
    Decision,
    EventKind,
    Provider,
    ProviderCapacity,
    ProviderDecision,
    RequestState,
)
from advice.requests import notifications
from advice.requests.services import _locked, event_add
from bifrost.accounts.models import User


def _check_queued(advice_request: AdviceRequest) -> None:
    if advice_request.state != RequestState.QUEUED:
        raise ValidationError(_("This request is no longer in the queue."), code="not_queued")


@transaction.atomic
def request_accept(*, advice_request: AdviceRequest, by: User, start_date: date) -> Course:
    """The provider takes the request: state accepted, the decision, then the course
    with the provider's model as dated steps (in this order: the database lets a
    course exist only for an accepted request)."""
    advice_request = _locked(advice_request)
    _check_queued(advice_request)
    if start_date < timezone.localdate():
        raise ValidationError({"start_date": _("The start date cannot be in the past.")})
    advice_request.state = RequestState.ACCEPTED
    advice_request.save(update_fields=["state", "updated_at"])
    ProviderDecision.objects.create(
        request=advice_request,
        provider=advice_request.provider,
        outcome=Decision.ACCEPTED,
        start_date=start_date,
        queue_number=advice_request.queue_number,
        decided_by=by,
    )
    course = course_start(advice_request=advice_request, start_date=start_date)
    event = event_add(advice_request, EventKind.ACCEPTED, actor=by)
    notifications.decided(advice_request, event=event.pk, by=by, accepted=True)
    return course


@transaction.atomic
def request_decline(*, advice_request: AdviceRequest, by: User, reason: str) -> AdviceRequest:
    advice_request = _locked(advice_request)
    _check_queued(advice_request)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you decline, so the workplace can choose.")})
    ProviderDecision.objects.create(
        request=advice_request,
        provider=advice_request.provider,
        outcome=Decision.DECLINED,
        reason=reason.strip(),
        queue_number=advice_request.queue_number,
        decided_by=by,
    )
    advice_request.state = RequestState.DECLINED
    advice_request.save(update_fields=["state", "updated_at"])
    event = event_add(advice_request, EventKind.DECLINED, actor=by)
    notifications.decided(advice_request, event=event.pk, by=by, accepted=False)
    return advice_request


def providers_to_redirect_to(advice_request: AdviceRequest):
    """Published providers that have not answered this request yet."""
    answered = advice_request.decisions.values("provider_id")
    return Provider.objects.published().exclude(pk__in=answered).order_by("position", "name")


@transaction.atomic
def request_redirect(
    *, advice_request: AdviceRequest, by: User, provider: Provider
) -> AdviceRequest:
    """After a decline, the same request goes to another provider, at the end of its
    queue (the database gives the new place)."""
    advice_request = _locked(advice_request)
    if advice_request.state != RequestState.DECLINED:
        raise ValidationError(_("Only a declined request can be sent to another provider."))
    if not providers_to_redirect_to(advice_request).filter(pk=provider.pk).exists():
        raise ValidationError(
            {"provider": _("Choose a provider that has not answered this request yet.")}
        )
    advice_request.provider = provider
    advice_request.save(update_fields=["provider", "updated_at"])
    AdviceRequest.objects.take_queue_place(advice_request.pk, from_states=[RequestState.DECLINED])
    advice_request.refresh_from_db()
    event = event_add(advice_request, EventKind.REDIRECTED, actor=by)
    notifications.queued(advice_request, event=event.pk, redirected=True)
    return advice_request


@transaction.atomic
def capacity_save(
    *,
    provider: Provider,
    starts_on: date,
    ends_on: date,
    courses: int,
    capacity: ProviderCapacity | None = None,
) -> ProviderCapacity:
    """The provider's own period: the same write as the administrators' editor (which
    turns a concurrent overlap into a message), after checking whose period it is."""
    if capacity is not None and capacity.provider_id != provider.pk:
        raise ValidationError(_("This period belongs to another provider."))
    return offer_editor.capacity_save(
        provider=provider,
        capacity=capacity,
        data={"starts_on": starts_on, "ends_on": ends_on, "courses": courses},
    )


@transaction.atomic
def capacity_delete(*, provider: Provider, capacity: ProviderCapacity) -> None:
    if capacity.provider_id != provider.pk:
        raise ValidationError(_("This period belongs to another provider."))
    offer_editor.capacity_delete(capacity=capacity)
