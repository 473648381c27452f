"""Reads of the public catalogue: only published rounds and providers, a fixed number
of queries per page, cached until the editor changes something (`cache.py`)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from advice.catalogue.cache import catalogue_version
from advice.models import OfferRound, Provider, ProviderTheme, Theme
from knowledge.pages.cache import cached


@dataclass
class Catalogue:
    """The round the public sees (None when none is published) with its themes."""

    round: OfferRound | None
    themes: list[Theme] = field(default_factory=list)
    providers: list[Provider] = field(default_factory=list)


def _current_round(today: datetime.date) -> OfferRound | None:
    """The published round that is open today, else the next one to open, else none."""
    rounds = OfferRound.objects.published().filter(ends_on__gte=today).order_by("accepts_from")
    return rounds.filter(accepts_from__lte=today).first() or rounds.first()


def _published_providers(offer_round: OfferRound) -> list[Provider]:
    angles = ProviderTheme.objects.filter(theme__round=offer_round).select_related("theme")
    return list(
        Provider.objects.published()
        .prefetch_related(Prefetch("angles", queryset=angles, to_attr="round_angles"))
        .order_by("position", "name", "pk")
    )


def _load(today: datetime.date) -> Catalogue:
    offer_round = _current_round(today)
    if offer_round is None:
        return Catalogue(round=None)
    themes = list(offer_round.themes.order_by("position", "pk"))
    return Catalogue(round=offer_round, themes=themes, providers=_published_providers(offer_round))


def catalogue(today: datetime.date, *, version: int | None = None) -> Catalogue:
    version = catalogue_version() if version is None else version
    return cached(
        "advice-catalogue", today.isoformat(), compute=lambda: _load(today), version=version
    )


def _angles(provider: Provider) -> list[ProviderTheme]:
    """The provider's angles on the round's themes (prefetched as ``round_angles``)."""
    return getattr(provider, "round_angles", [])


def providers_offering(catalogue: Catalogue, theme: Theme | None) -> list[Provider]:
    """The catalogue's providers, or those with an angle on `theme` (no queries)."""
    if theme is None:
        return catalogue.providers
    return [p for p in catalogue.providers if any(a.theme_id == theme.pk for a in _angles(p))]


def theme_angles(catalogue: Catalogue, theme: Theme) -> list[tuple[Provider, ProviderTheme]]:
    return [
        (provider, angle)
        for provider in catalogue.providers
        for angle in _angles(provider)
        if angle.theme_id == theme.pk
    ]


def _provider_page(slug: str, round_pk: int | None) -> Provider | None:
    angles = ProviderTheme.objects.filter(theme__round_id=round_pk).select_related("theme")
    return (
        Provider.objects.published()
        .filter(slug=slug)
        .prefetch_related(
            "contacts",
            "model_steps",
            Prefetch(
                "angles",
                queryset=angles.order_by("theme__position", "pk"),
                to_attr="round_angles",
            ),
        )
        .first()
    )


def provider_page(
    slug: str, catalogue: Catalogue, *, version: int | None = None
) -> Provider | None:
    """A published provider with its contacts, model and angles on the round's themes."""
    version = catalogue_version() if version is None else version
    round_pk = catalogue.round.pk if catalogue.round else None
    return cached(
        "advice-provider",
        slug,
        round_pk,
        compute=lambda: _provider_page(slug, round_pk),
        version=version,
    )
