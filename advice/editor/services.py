"""Every write of the offer's editor: rounds, themes, providers and their parts.

Each change is checked with `full_clean()` in a transaction and bumps the public
catalogue's cache version, so the public pages show it at once. A database refusal
(a race past the checks) comes back as a `ValidationError` with words, never a 500.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Model
from django.utils.translation import gettext as _

from advice.catalogue.cache import bump_catalogue_version
from advice.models import (
    AdviceRequest,
    ContactPerson,
    CourseModelStep,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderTheme,
    Theme,
)


def _save[M: Model](instance: M, data: dict[str, Any]) -> M:
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise ValidationError(
            _(
                "This could not be saved: it conflicts with existing data (for example the "
                "same address twice or an overlapping period). Check the values and try again."
            ),
            code="conflict",
        ) from error
    transaction.on_commit(bump_catalogue_version)
    return instance


def _delete(instance: Model) -> None:
    instance.delete()
    transaction.on_commit(bump_catalogue_version)


# --- Rounds -------------------------------------------------------------------------


@transaction.atomic
def round_save(*, offer_round: OfferRound | None, data: dict[str, Any]) -> OfferRound:
    return _save(offer_round or OfferRound(), data)


@transaction.atomic
def round_set_published(*, offer_round: OfferRound, published: bool) -> OfferRound:
    """Publish (a round needs at least one theme) or take the round off the site."""
    if published and not offer_round.themes.exists():
        raise ValidationError(
            _("Add at least one theme before you publish the round."), code="no_themes"
        )
    return _save(offer_round, {"published": published})


# --- Themes -------------------------------------------------------------------------


@transaction.atomic
def theme_save(*, offer_round: OfferRound, theme: Theme | None, data: dict[str, Any]) -> Theme:
    if theme is None:
        last = offer_round.themes.aggregate(last=Max("position"))["last"]
        theme = Theme(round=offer_round, position=0 if last is None else last + 1)
    return _save(theme, data)


@transaction.atomic
def theme_move(*, theme: Theme, up: bool) -> Theme:
    """Swap the theme with its neighbour above or below (positions renumbered 0, 1, …)."""
    themes = list(
        Theme.objects.select_for_update().filter(round_id=theme.round_id).order_by("position", "pk")
    )
    index = next(i for i, item in enumerate(themes) if item.pk == theme.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(themes):
        themes[index], themes[other] = themes[other], themes[index]
    for position, item in enumerate(themes):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    transaction.on_commit(bump_catalogue_version)
    return next(item for item in themes if item.pk == theme.pk)


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    """Refused while a request names the theme (the reporting counts it)."""
    if AdviceRequest.objects.filter(themes=theme).exists():
        raise ValidationError(
            _("Requests name this theme, so it cannot be deleted. Rename it instead."),
            code="in_use",
        )
    _delete(theme)


# --- Providers ----------------------------------------------------------------------


def follow_up_problem(provider: Provider) -> str | None:
    """Why the course model cannot be published, or None: exactly one follow-up step."""
    follow_ups = provider.model_steps.filter(is_follow_up=True).count()
    if follow_ups == 0:
        return _(
            "The course model needs a step marked as the follow-up conversation before the "
            "provider can be published."
        )
    return None


@transaction.atomic
def provider_save(*, provider: Provider | None, data: dict[str, Any]) -> Provider:
    return _save(provider or Provider(), data)


@transaction.atomic
def provider_set_published(*, provider: Provider, published: bool) -> Provider:
    if published and (problem := follow_up_problem(provider)):
        raise ValidationError(problem, code="no_follow_up")
    return _save(provider, {"published": published})


@transaction.atomic
def contact_save(
    *, provider: Provider, contact: ContactPerson | None, data: dict[str, Any]
) -> ContactPerson:
    return _save(contact or ContactPerson(provider=provider), data)


@transaction.atomic
def contact_delete(*, contact: ContactPerson) -> None:
    _delete(contact)


def _check_follow_up(step: CourseModelStep, wanted: bool) -> None:
    others = CourseModelStep.objects.filter(provider_id=step.provider_id, is_follow_up=True)
    if step.pk:
        others = others.exclude(pk=step.pk)
    if wanted and others.exists():
        raise ValidationError(
            {"is_follow_up": _("Another step is already the follow-up conversation.")},
            code="two_follow_ups",
        )
    # Asked of the database: a bound form has already changed the instance in memory.
    was_follow_up = (
        bool(step.pk) and CourseModelStep.objects.filter(pk=step.pk, is_follow_up=True).exists()
    )
    if not wanted and was_follow_up and step.provider.published:
        raise ValidationError(
            {
                "is_follow_up": _(
                    "A published provider's model keeps its follow-up conversation. Mark "
                    "another step first, or take the provider off the catalogue."
                )
            },
            code="follow_up_needed",
        )


@transaction.atomic
def step_save(
    *, provider: Provider, step: CourseModelStep | None, data: dict[str, Any]
) -> CourseModelStep:
    step = step or CourseModelStep(provider=provider)
    _check_follow_up(step, bool(data.get("is_follow_up")))
    return _save(step, data)


@transaction.atomic
def step_delete(*, step: CourseModelStep) -> None:
    if step.is_follow_up and step.provider.published:
        raise ValidationError(
            _(
                "This is the follow-up conversation of a published provider, so it cannot be "
                "deleted. Mark another step as the follow-up first."
            ),
            code="follow_up_needed",
        )
    _delete(step)


@transaction.atomic
def angle_save(*, provider: Provider, theme: Theme, data: dict[str, Any]) -> ProviderTheme:
    angle = ProviderTheme.objects.filter(provider=provider, theme=theme).first()
    return _save(angle or ProviderTheme(provider=provider, theme=theme), data)


@transaction.atomic
def angle_delete(*, angle: ProviderTheme) -> None:
    _delete(angle)


@transaction.atomic
def capacity_save(
    *, provider: Provider, capacity: ProviderCapacity | None, data: dict[str, Any]
) -> ProviderCapacity:
    """The model's `clean` refuses an overlapping period; the database backs it."""
    return _save(capacity or ProviderCapacity(provider=provider), data)


@transaction.atomic
def capacity_delete(*, capacity: ProviderCapacity) -> None:
    _delete(capacity)
