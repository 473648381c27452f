"""The permission world's advice catalogue objects (wired into world.py with one line):
a published round (the earliest open one, so the catalogue shows it) with a theme, a
published provider (an advisory unit of its own) with a contact, a course model, an
angle on the theme and a capacity."""

from datetime import timedelta

from django.utils import timezone

from tests import factories
from tests.advice import factories as advice


def advice_catalogue_objects() -> dict:
    start = timezone.localdate() - timedelta(days=400)
    offer_round = advice.OfferRoundFactory(slug="matrix-runde", accepts_from=start)
    theme = advice.ThemeFactory(round=offer_round, slug="matrix-tema")
    unit = factories.AdvisoryUnitFactory(name="Rådgiverenhed Matrix Katalog")
    provider = advice.ProviderFactory(organisation=unit, slug="matrix-udbyder")
    steps = advice.course_model(provider)
    provider.published = True
    provider.save()
    return {
        "advice_round": offer_round.pk,
        "advice_theme": theme.pk,
        "advice_theme_slug": theme.slug,
        "advice_provider": provider.pk,
        "advice_provider_slug": provider.slug,
        "advice_contact": advice.ContactPersonFactory(provider=provider).pk,
        "advice_step": steps[0].pk,
        "advice_angle": advice.ProviderThemeFactory(provider=provider, theme=theme).pk,
        "advice_capacity": advice.ProviderCapacityFactory(provider=provider).pk,
    }
