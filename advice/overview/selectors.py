"""Reads of the administrators' overview: every sent request with its state and waiting
time, and counts per theme, provider, workplace kind and month.

Never the request's text: the queryset loads only the columns the overview shows
(`OVERVIEW_FIELDS`), so situation, goals and the representative's details cannot
reach the page or the export. A fixed number of queries whatever the number of rows.
"""

import datetime
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from advice.models import (
    AdviceRequest,
    Decision,
    Provider,
    ProviderDecision,
    RequestState,
    Theme,
    WorkplaceKind,
)

#: The request columns the overview reads (no situation, goals, e-mail addresses).
OVERVIEW_FIELDS = [
    "pk",
    "state",
    "workplace_name",
    "workplace_kind",
    "unit",
    "participants",
    "expected_hours",
    "created_at",
    "submitted_at",
    "queued_at",
    "queue_number",
    "expires_at",
    "withdrawn_at",
    "round__name",
    "provider__name",
    "provider__slug",
]


@dataclass(frozen=True)
class Filters:
    state: str = ""
    provider: str = ""
    theme: str = ""


def sent_requests() -> QuerySet[AdviceRequest]:
    """Every request the leader has sent (a draft is the leader's own work)."""
    return AdviceRequest.objects.exclude(state=RequestState.DRAFT)


def overview_requests(filters: Filters) -> QuerySet[AdviceRequest]:
    accepted_at = ProviderDecision.objects.filter(
        request=OuterRef("pk"), outcome=Decision.ACCEPTED
    ).values("decided_at")[:1]
    queryset = (
        sent_requests()
        .select_related("round", "provider")
        .only(*OVERVIEW_FIELDS)
        .annotate(accepted_at=Subquery(accepted_at))
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("pk", "title", "slug")))
    )
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    if filters.provider:
        queryset = queryset.filter(provider__slug=filters.provider)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme).distinct()
    return queryset.order_by("-submitted_at", "-pk")


def waiting_days(request: AdviceRequest, now: datetime.datetime | None = None) -> int:
    """Days from sending until the request was settled (accepted, withdrawn, expired),
    or until now while it still waits (for the representative or for a provider)."""
    now = now or timezone.now()
    start = request.submitted_at or request.created_at
    end = {
        RequestState.ACCEPTED: getattr(request, "accepted_at", None),
        RequestState.WITHDRAWN: request.withdrawn_at,
        RequestState.EXPIRED: request.expires_at,
    }.get(RequestState(request.state)) or now
    return max(0, (end - start).days)


def filter_choices() -> dict[str, Any]:
    return {
        "states": [(value, label) for value, label in RequestState.choices if value != "draft"],
        "providers": list(
            Provider.objects.order_by("position", "name").values_list("slug", "name")
        ),
        "themes": list(
            Theme.objects.order_by("-round__accepts_from", "position")
            .values_list("slug", "title")
            .distinct()
        ),
    }


def _labelled(rows, labels: dict) -> list[tuple[str, int]]:
    return [(str(labels.get(key, key)), count) for key, count in rows]


def counts() -> dict[str, list[tuple[str, int]]]:
    """Four count tables (label, number), one query each."""
    sent = ~Q(requests__state=RequestState.DRAFT) & Q(requests__isnull=False)
    by_theme = (
        Theme.objects.annotate(n=Count("requests", filter=sent))
        .filter(n__gt=0)
        .order_by("round__accepts_from", "position")
        .values_list("title", "n")
    )
    by_provider = (
        Provider.objects.annotate(n=Count("requests", filter=sent))
        .filter(n__gt=0)
        .order_by("position", "name")
        .values_list("name", "n")
    )
    by_kind = sent_requests().values_list("workplace_kind").annotate(n=Count("pk")).order_by("-n")
    zone = ZoneInfo(settings.TIME_ZONE)
    by_month = (
        sent_requests()
        .annotate(month=TruncMonth("submitted_at", tzinfo=zone))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {
        "theme": list(by_theme),
        "provider": list(by_provider),
        "kind": _labelled(by_kind, dict(WorkplaceKind.choices)),
        "month": [(month, n) for month, n in by_month if month is not None],
    }
