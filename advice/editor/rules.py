"""Who edits the offer: facilitators are its administrators (rounds, themes,
providers). Every editor lookup goes through one `<thing>_or_404` helper, so a
missing object and someone else's question get the same 404."""

import rules

from advice.models import (
    ContactPerson,
    CourseModelStep,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderTheme,
    Theme,
)
from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404

EDIT = "advice.edit_offer"
rules.add_perm(EDIT, is_facilitator)


def round_or_404(user, pk: int, perm: str = EDIT) -> OfferRound:
    return object_or_404(OfferRound.objects.all(), pk=pk, user=user, perm=perm)


def theme_or_404(user, pk: int, perm: str = EDIT) -> Theme:
    return object_or_404(Theme.objects.select_related("round"), pk=pk, user=user, perm=perm)


def provider_or_404(user, pk: int, perm: str = EDIT) -> Provider:
    queryset = Provider.objects.select_related("organisation")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def contact_or_404(user, pk: int, perm: str = EDIT) -> ContactPerson:
    queryset = ContactPerson.objects.select_related("provider")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def step_or_404(user, pk: int, perm: str = EDIT) -> CourseModelStep:
    queryset = CourseModelStep.objects.select_related("provider")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def angle_or_404(user, pk: int, perm: str = EDIT) -> ProviderTheme:
    queryset = ProviderTheme.objects.select_related("provider", "theme")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def capacity_or_404(user, pk: int, perm: str = EDIT) -> ProviderCapacity:
    queryset = ProviderCapacity.objects.select_related("provider")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)
