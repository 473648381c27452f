"""The panels of the dashboards, contributed by the apps (a registry).

The dashboard view lives in `bifrost.accounts`, the lowest layer, so it may not
import programme, matching or logbook. Each app registers its panels here in its
`AppConfig.ready()` instead (as the logbook adds a column to matching's case
tables, `matching.cases.dashboard`):

- `register_panel(key=, roles=, order=, template=, load=)`: a section of the
  dashboards of `roles`. `load(viewer)` is a read in the app's `selectors.py`
  that runs a fixed number of queries whatever the data size and returns what
  the template (a partial `templates/<app>/…/dashboard_*.html`) shows as
  `data`; None leaves the panel out. The template says what will appear, and
  when, if there is nothing to show yet.
- `register_news(key=, roles=, collect=)`: things that happened since the
  person's previous visit (a comment, a goal, published minutes). The accounts
  app's own "new since your last visit" panel merges every source, newest first;
  `collect(viewer)` returns `NewsItem`s dated after `viewer.news_since`.

What "the previous visit" is, is `bifrost.accounts.dashboards.visits`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

#: The "role" of a person with no role in the programme (a workplace's leader or
#: representative who requested advice): panels registered for it show on the plain
#: dashboard.
NO_ROLE = ""

#: A first visit has no "since": what is new is then what happened in these days.
FIRST_VISIT_WINDOW = datetime.timedelta(days=21)


@dataclass(frozen=True)
class Viewer:
    """Who looks at the dashboard, as what, and when they were here before."""

    user: Any
    role: str
    now: datetime.datetime
    #: The previous visit (None on the first visit).
    since: datetime.datetime | None = None
    #: Reads several panels share, made once per page (`memo`).
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """`compute()` the first time a panel of this page asks for `key`, then the same
        answer: two panels showing one read (the owner's next meetings are on the
        meeting panel and in the task list) run its queries once."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    @property
    def news_since(self) -> datetime.datetime:
        """What counts as new: after the previous visit, or in the last three weeks."""
        return self.since or self.now - FIRST_VISIT_WINDOW


@dataclass(frozen=True)
class Panel:
    key: str
    roles: tuple[str, ...]
    #: Lower comes first on the page.
    order: int
    template: str
    load: Callable[[Viewer], Any]
    #: Spans the whole width (a long list) instead of half of it on wide screens.
    wide: bool = False


@dataclass(frozen=True)
class NewsItem:
    """One thing that happened. `text` names people and titles only, never content."""

    at: datetime.datetime
    text: str
    url: str


@dataclass(frozen=True)
class NewsSource:
    key: str
    roles: tuple[str, ...]
    collect: Callable[[Viewer], list[NewsItem]]


_panels: dict[str, Panel] = {}
_news: dict[str, NewsSource] = {}


def register_panel(
    *,
    key: str,
    roles: tuple[str, ...] | list[str],
    order: int,
    template: str,
    load: Callable[[Viewer], Any],
    wide: bool = False,
) -> None:
    _panels[key] = Panel(
        key=key, roles=tuple(roles), order=order, template=template, load=load, wide=wide
    )


def register_news(
    *, key: str, roles: tuple[str, ...] | list[str], collect: Callable[[Viewer], list[NewsItem]]
) -> None:
    _news[key] = NewsSource(key=key, roles=tuple(roles), collect=collect)


def panels_for(role: str) -> list[Panel]:
    return sorted(
        (panel for panel in _panels.values() if role in panel.roles),
        key=lambda panel: (panel.order, panel.key),
    )


def news_sources_for(role: str) -> list[NewsSource]:
    return [source for source in _news.values() if role in source.roles]
