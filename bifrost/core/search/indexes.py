"""The search indexes of the apps, so one command can fill them all.

Each app registers a function that writes its index anew from its own tables
(`knowledge` its pages, `logbook` its entries) and returns how many rows it
indexed; the core never imports an app. `manage.py rebuild_search_index` and
the end of `manage.py demo_data` call `rebuild_all`.
"""

from collections.abc import Callable

_REBUILDERS: dict[str, Callable[[], int]] = {}


def register(name: str, rebuild: Callable[[], int]) -> None:
    _REBUILDERS[name] = rebuild


def rebuild_all() -> dict[str, int]:
    """name → rows indexed, in registration (app) order."""
    return {name: rebuild() for name, rebuild in _REBUILDERS.items()}
