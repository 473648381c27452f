"""A person's own data across the apps: what they download, and what deleting their
account does to it (GDPR articles 15, 17 and 20).

Each app registers one `Provider` in its `AppConfig.ready()`; the core and
`bifrost.accounts` never import the apps, so neither knows what an app stores:

- `collect(user) -> dict`: the person's own data in that app, as plain JSON-able
  values (dates may be date/datetime; the view encodes them). It must run a fixed
  number of queries whatever the amount of data, and hold only what is about or by
  the person, never another person's writing.
- `erase(user)`: deletes what is only the person's and pseudonymises what belongs
  to a company or a programme (the row stays, the link to the person is cut and
  pages show "Former user"). It runs inside the deletion's transaction, before the
  user row is deleted, so it does not rely on `on_delete` for anything that matters.
- `refuse(user) -> list[str]` (optional): reasons the account cannot be deleted yet
  (e.g. a model that PROTECTs the user), as messages for the person.

Sections appear in the download in registration order (the order of
INSTALLED_APPS); erasure runs in the reverse order, so the apps furthest right,
which point at the ones on their left, clean up first.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise

#: The download's format name and version, so a reader knows what it holds.
FORMAT = "bifrost-personal-data"
FORMAT_VERSION = 1

Collect = Callable[[Any], dict[str, Any]]
Erase = Callable[[Any], None]
Refuse = Callable[[Any], list[str]]


@dataclass(frozen=True)
class Provider:
    section: str
    #: A short, translatable name of the section for the download page.
    label: str | Promise
    #: What the section holds, in one or two sentences, for the download page.
    description: str | Promise
    collect: Collect
    erase: Erase
    refuse: Refuse | None = None


_providers: dict[str, Provider] = {}


def register(
    section: str,
    *,
    label: str | Promise,
    description: str | Promise,
    collect: Collect,
    erase: Erase,
    refuse: Refuse | None = None,
) -> Provider:
    """Declare an app's provider; registering a section again replaces it."""
    provider = Provider(section, label, description, collect, erase, refuse)
    _providers[section] = provider
    return provider


def providers() -> list[Provider]:
    return list(_providers.values())


def collect(user) -> dict[str, Any]:
    """Everything the providers hold about `user`, one section per app."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": timezone.now(),
        "times": "UTC",
        "sections": {p.section: p.collect(user) for p in providers()},
    }


def refusals(user) -> list[str]:
    """Why `user`'s account cannot be deleted yet (empty: it can)."""
    reasons: list[str] = []
    for provider in providers():
        if provider.refuse is not None:
            reasons.extend(str(reason) for reason in provider.refuse(user))
    return reasons


@transaction.atomic
def erase(user) -> None:
    """Run every provider's erase step, right-most app first. Refuses (ValidationError
    with the reasons) when a provider says the account cannot go yet."""
    reasons = refusals(user)
    if reasons:
        raise ValidationError(reasons)
    for provider in reversed(providers()):
        provider.erase(user)


# --- Helpers for the erase steps -------------------------------------------------------


def detach(user, fields: Iterable[tuple[type[models.Model], str]]) -> None:
    """Pseudonymise: every row whose `field` points at `user` keeps its content, the
    link becomes NULL (a nullable foreign key; pages then show "Former user").
    `update()` leaves `auto_now` fields alone, so "last changed" dates stay true."""
    for model, field in fields:
        model._default_manager.filter(**{field: user}).update(**{field: None})


def delete_own(user, fields: Iterable[tuple[type[models.Model], str]]) -> None:
    """Delete the rows that are only the person's (their settings, feeds, drafts…)."""
    for model, field in fields:
        model._default_manager.filter(**{field: user}).delete()
