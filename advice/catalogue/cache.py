"""The catalogue's cache: the same mechanism as the knowledge site's public pages
(`knowledge.pages.cache.cached`), with the catalogue's own version number. Every
editor change bumps it, so one increment retires every cached catalogue fragment.
Nothing personal is ever cached here: only published rounds, themes and providers."""

from django.core.cache import cache

CATALOGUE_VERSION_KEY = "advice:catalogue-version"


def catalogue_version() -> int:
    return int(cache.get_or_set(CATALOGUE_VERSION_KEY, 1, timeout=None) or 1)


def bump_catalogue_version() -> None:
    try:
        cache.incr(CATALOGUE_VERSION_KEY)
    except ValueError:
        cache.set(CATALOGUE_VERSION_KEY, 2, timeout=None)
