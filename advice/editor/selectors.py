"""Reads of the offer's editor, a fixed number of queries per page."""

from django.db.models import Count, Prefetch, Q, QuerySet

from advice.models import OfferRound, Provider, ProviderTheme, Theme
from bifrost.accounts.models import Organisation


def editor_rounds() -> QuerySet[OfferRound]:
    return OfferRound.objects.annotate(theme_count=Count("themes")).order_by("-accepts_from")


def editor_providers() -> QuerySet[Provider]:
    return Provider.objects.select_related("organisation").annotate(
        step_count=Count("model_steps", distinct=True),
        follow_up_count=Count(
            "model_steps", filter=Q(model_steps__is_follow_up=True), distinct=True
        ),
    )


def round_themes(offer_round: OfferRound) -> list[Theme]:
    return list(offer_round.themes.order_by("position", "pk"))


def provider_for_editing(provider: Provider) -> Provider:
    """The provider with contacts, model steps, angles (with their themes) and capacities."""
    angles = ProviderTheme.objects.select_related("theme__round").order_by(
        "theme__round__accepts_from", "theme__position", "pk"
    )
    return (
        Provider.objects.select_related("organisation")
        .prefetch_related(
            "contacts",
            "model_steps",
            "capacities",
            Prefetch("angles", queryset=angles),
        )
        .get(pk=provider.pk)
    )


def themes_for_angles() -> QuerySet[Theme]:
    """Every theme, newest round first, for choosing which theme an angle is about."""
    return Theme.objects.select_related("round").order_by("-round__accepts_from", "position", "pk")


def free_advisory_units(provider: Provider | None) -> QuerySet[Organisation]:
    """Advisory units without a provider entry (plus the provider's own)."""
    units = Organisation.objects.filter(kind=Organisation.Kind.ADVISORY_UNIT)
    taken = Provider.objects.values("organisation_id")
    if provider is not None and provider.pk:
        taken = taken.exclude(pk=provider.pk)
    return units.exclude(pk__in=taken).order_by("name")
