"""The registry of notification kinds, filled by the apps at startup.

`register_kind(key, label, default_mode)` in the owning app's `AppConfig.ready()`;
the settings page shows one choice per registered kind, in registration order.
"""

from dataclasses import dataclass

from django.utils.functional import Promise

from bifrost.core.models import NotificationMode


@dataclass(frozen=True)
class Kind:
    key: str
    #: Translatable, for the settings page ("A new comment on your logbook").
    label: str | Promise
    default_mode: str = NotificationMode.DIGEST


_kinds: dict[str, Kind] = {}
#: The URL name of the page where people choose their modes (set by the app that
#: shows it), for the e-mails' "change your settings" link.
_settings_page: list[str] = []


def register_kind(
    key: str, label: str | Promise, default_mode: str = NotificationMode.DIGEST
) -> Kind:
    """Declare a kind; registering a key again replaces it."""
    if default_mode not in NotificationMode.values:
        raise ValueError(f"Unknown notification mode: {default_mode}")
    kind = Kind(key, label, default_mode)
    _kinds[key] = kind
    return kind


def get(key: str) -> Kind:
    """The registered kind `key`; an unregistered key is a programming error."""
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"Notification kind {key!r} is not registered") from None


def all_kinds() -> list[Kind]:
    return list(_kinds.values())


def register_settings_page(url_name: str) -> None:
    _settings_page[:] = [url_name]


def settings_page() -> str | None:
    return _settings_page[0] if _settings_page else None


def default_mode(key: str) -> str:
    """The kind's default, or "digest" for a kind no longer registered."""
    kind = _kinds.get(key)
    return kind.default_mode if kind is not None else NotificationMode.DIGEST
