"""Links on the case page to pages of apps further right (the company's logbook).

The dependency direction forbids matching from importing logbook, so the logbook
registers a link here (in its AppConfig.ready). Each registered `resolve(user, case)`
answers a `CaseLink` when `user` may open the page it points to — by that app's
own access rule — and None otherwise, so the case page never offers a link that
would end in a 404.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaseLink:
    label: str
    url: str
    #: A short line under the link (e.g. whose consent makes it readable), or "".
    note: str = ""


_resolvers: dict[str, Callable[[Any, Any], CaseLink | None]] = {}


def register_link(*, key: str, resolve: Callable[[Any, Any], CaseLink | None]) -> None:
    _resolvers[key] = resolve


def links_for(user: Any, case: Any) -> list[CaseLink]:
    """The registered links `user` may follow from `case`'s page, in registration order."""
    found = (resolve(user, case) for resolve in _resolvers.values())
    return [link for link in found if link is not None]
