"""Reads of the dashboards: the registered panels with their data, the merged news,
and the accounts app's own panels (a fixed number of queries each)."""

from dataclasses import dataclass, field
from typing import Any

from bifrost.accounts.dashboards.panels import NewsItem, Viewer, news_sources_for, panels_for
from bifrost.accounts.invitations.selectors import pending_invitations
from bifrost.core.exports.selectors import FailedExport, failed_exports

#: The news panel shows this many items, newest first, and says how many more there are.
NEWS_LIMIT = 12


@dataclass(frozen=True)
class ShownPanel:
    key: str
    template: str
    wide: bool
    data: Any


def dashboard_panels(viewer: Viewer) -> list[ShownPanel]:
    """The panels of the viewer's role, in order, each with what its template shows."""
    shown = []
    for panel in panels_for(viewer.role):
        data = panel.load(viewer)
        if data is not None:
            shown.append(
                ShownPanel(key=panel.key, template=panel.template, wide=panel.wide, data=data)
            )
    return shown


@dataclass
class News:
    items: list[NewsItem] = field(default_factory=list)
    more: int = 0
    #: The previous visit, or None on the first (then `window_days` counts).
    since: Any = None
    window_days: int = 0


def dashboard_news(viewer: Viewer) -> News:
    """What happened since the previous visit, from every registered source, newest first."""
    items: list[NewsItem] = []
    for source in news_sources_for(viewer.role):
        items.extend(item for item in source.collect(viewer) if item.at > viewer.news_since)
    items.sort(key=lambda item: item.at, reverse=True)
    return News(
        items=items[:NEWS_LIMIT],
        more=max(0, len(items) - NEWS_LIMIT),
        since=viewer.since,
        window_days=(viewer.now - viewer.news_since).days,
    )


def dashboard_invitations(viewer: Viewer) -> dict[str, Any]:
    """For facilitators: the invitations nobody has answered yet (one query)."""
    return {"invitations": list(pending_invitations())}


def dashboard_failed_exports(viewer: Viewer) -> dict[str, list[FailedExport]]:
    """For facilitators: the files that could not be made, of the kinds they may see."""
    return {"exports": failed_exports(viewer.user)}
