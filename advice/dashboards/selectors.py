"""The advice panel's read: one query for the many people who have nothing to do with
advice on request, at most four for the others, whatever the number of requests."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, Q

from advice.models import AdviceRequest, Provider, RequestState
from advice.requests.selectors import providers_of_member, requests_of_person, requests_to_confirm
from bifrost.accounts.models import User

#: The panel lists this many of the person's requests, newest first, and links to the rest.
SHOWN = 5


@dataclass
class AdvicePanel:
    requests: list[AdviceRequest] = field(default_factory=list)
    #: The person has more requests than the panel lists.
    has_more: bool = False
    to_confirm: list[AdviceRequest] = field(default_factory=list)
    #: Annotated with `queued` (the requests waiting in each provider's queue).
    providers: Sequence[Provider] = field(default_factory=list)


def advice_panel(user: Any) -> AdvicePanel | None:
    """What the person has to do with advice on request, or None when nothing (the
    panel is then left out: most people of the programme never request a course)."""
    # First which parts have anything at all (one round trip), then only those.
    has_mine, has_to_confirm, has_providers = (
        User.objects.filter(pk=user.pk)
        .values_list(
            Exists(requests_of_person(user)),
            Exists(requests_to_confirm(user)),
            Exists(providers_of_member(user)),
        )
        .get()
    )
    if not (has_mine or has_to_confirm or has_providers):
        return None
    mine = list(requests_of_person(user)[: SHOWN + 1]) if has_mine else []
    to_confirm = list(requests_to_confirm(user)) if has_to_confirm else []
    providers = (
        list(
            providers_of_member(user).annotate(
                queued=Count("requests", filter=Q(requests__state=RequestState.QUEUED))
            )
        )
        if has_providers
        else []
    )
    return AdvicePanel(
        requests=mine[:SHOWN],
        has_more=len(mine) > SHOWN,
        to_confirm=to_confirm,
        providers=providers,
    )
