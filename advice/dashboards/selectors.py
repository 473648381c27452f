"""The advice panel's read: three queries whatever the number of requests."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from advice.models import AdviceRequest, Provider, RequestState
from advice.requests.selectors import providers_of_member, requests_of_person, requests_to_confirm

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
    mine = list(requests_of_person(user)[: SHOWN + 1])
    to_confirm = list(requests_to_confirm(user))
    providers = list(
        providers_of_member(user).annotate(
            queued=Count("requests", filter=Q(requests__state=RequestState.QUEUED))
        )
    )
    if not (mine or to_confirm or providers):
        return None
    return AdvicePanel(
        requests=mine[:SHOWN],
        has_more=len(mine) > SHOWN,
        to_confirm=to_confirm,
        providers=providers,
    )
