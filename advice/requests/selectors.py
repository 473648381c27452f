"""Reads of the request flow: a person's own requests, the provider's queue with what
fits its capacity, a request's history. Each runs a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, OuterRef, Q, QuerySet
from django.utils import timezone

from advice.models import (
    AdviceRequest,
    Course,
    OfferRound,
    Provider,
    ProviderCapacity,
    RequestEvent,
    RequestState,
)
from bifrost.accounts.models import Membership
from bifrost.core.queries import count_of


def current_round(today: date) -> OfferRound | None:
    return OfferRound.objects.accepting_on(today).order_by("-accepts_from", "pk").first()


def requests_of_person(user) -> QuerySet[AdviceRequest]:
    """The requests the person is a party to, newest first, with what the list shows."""
    return (
        AdviceRequest.objects.filter(Q(leader=user) | Q(representative=user))
        .select_related("provider", "course", "leader", "representative")
        .order_by("-created_at", "-pk")
    )


def requests_to_confirm(user) -> QuerySet[AdviceRequest]:
    """Requests waiting for this person's confirmation as the named representative."""
    return (
        AdviceRequest.objects.filter(
            state=RequestState.AWAITING_REPRESENTATIVE,
            representative_email__iexact=user.email,
            expires_at__gt=timezone.now(),
        )
        .exclude(leader=user)
        .select_related("provider", "leader")
    )


def providers_of_member(user) -> QuerySet[Provider]:
    organisations = Membership.objects.filter(user=user).values("organisation_id")
    return Provider.objects.filter(organisation_id__in=organisations).order_by("name")


def request_events(advice_request: AdviceRequest) -> list[RequestEvent]:
    return list(advice_request.events.select_related("actor", "provider").order_by("at", "pk"))


@dataclass
class QueueRow:
    rank: int
    request: AdviceRequest
    waiting_days: int
    fits: bool


@dataclass
class Period:
    capacity: ProviderCapacity
    started: int
    remaining: int
    is_current: bool


@dataclass
class Queue:
    rows: list[QueueRow]
    periods: list[Period] = field(default_factory=list)
    current: Period | None = None


def _periods(provider: Provider, today: date) -> list[Period]:
    """The provider's capacity periods, each with the courses started in it (one query)."""
    started_in = Course.objects.filter(
        cancelled_at__isnull=True,
        start_date__gte=OuterRef("starts_on"),
        start_date__lte=OuterRef("ends_on"),
    )
    capacities = provider.capacities.annotate(
        started=count_of(started_in, "request__provider", outer="provider")
    ).order_by("starts_on")
    return [
        Period(
            capacity=capacity,
            started=capacity.started,
            remaining=max(capacity.courses - capacity.started, 0),
            is_current=capacity.starts_on <= today <= capacity.ends_on,
        )
        for capacity in capacities
    ]


def provider_queue(provider: Provider, *, now: datetime | None = None) -> Queue:
    """The provider's queue in order of arrival (rank 1 first), how long each has
    waited, and which fit the remaining capacity of the current period."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    periods = _periods(provider, today)
    current = next((p for p in periods if p.is_current), None)
    remaining = current.remaining if current else 0
    queued = (
        AdviceRequest.objects.filter(provider=provider, state=RequestState.QUEUED)
        .select_related("leader", "representative")
        .prefetch_related("themes")
        .order_by("queue_number")
    )
    rows = [
        QueueRow(
            rank=rank,
            request=item,
            waiting_days=(now - (item.queued_at or now)).days,
            fits=rank <= remaining,
        )
        for rank, item in enumerate(queued, start=1)
    ]
    return Queue(rows=rows, periods=periods, current=current)


def queue_rank(advice_request: AdviceRequest) -> int | None:
    """The request's place in its provider's queue (1 = next), while it is queued."""
    if advice_request.state != RequestState.QUEUED or advice_request.provider_id is None:
        return None
    ahead = AdviceRequest.objects.filter(
        provider_id=advice_request.provider_id,
        state=RequestState.QUEUED,
        queue_number__lt=advice_request.queue_number,
    ).aggregate(n=Count("pk"))["n"]
    return ahead + 1
