"""Factories for the advice offer: rounds, themes, providers and requests in each state.

A request reaches the queue only as the application puts it there
(``AdviceRequest.objects.take_queue_place``), so its number is the database's own.
"""

import secrets
from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from advice.models import (
    CONFIRM_WITHIN,
    AdviceRequest,
    ContactPerson,
    Course,
    CourseModelStep,
    CourseStep,
    Decision,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderDecision,
    ProviderTheme,
    RepresentativeRole,
    RequestState,
    Theme,
    WorkplaceKind,
)
from bifrost.accounts.models import hash_token
from tests import factories


class OfferRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferRound

    name = factory.Sequence(lambda n: f"Runde {n}")
    slug = factory.Sequence(lambda n: f"runde-{n}")
    accepts_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=600))
    rules_text = "Tilbuddet er gratis, men koster arbejdstid."
    published = True


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    round = factory.SubFactory(OfferRoundFactory)
    title = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    introduction = "Et tema om arbejdsmiljøet."
    position = factory.Sequence(int)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    organisation = factory.SubFactory(factories.AdvisoryUnitFactory)
    name = factory.Sequence(lambda n: f"Udbyder {n}")
    slug = factory.Sequence(lambda n: f"udbyder-{n}")
    summary = "Rådgivning med deltagerinvolvering."
    approach = "Vi arbejder tæt sammen med de lokale parter."
    published = True


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Faker("name", locale="da_DK")
    job_title = "Konsulent"
    email = factory.Sequence(lambda n: f"kontakt{n}@udbyder.example")
    phone = "+45 00 00 00 00"


class CourseModelStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModelStep

    provider = factory.SubFactory(ProviderFactory)
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Trin {n}")
    description = "Hvad der sker i trinnet."
    offset_days = 0


class ProviderThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderTheme

    provider = factory.SubFactory(ProviderFactory)
    theme = factory.SubFactory(ThemeFactory)
    headline = "Vores vinkel"
    angle = "Sådan griber vi temaet an."


class ProviderCapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderCapacity

    provider = factory.SubFactory(ProviderFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=89))
    courses = 3


def course_model(provider: Provider) -> list[CourseModelStep]:
    """A four-step model ending with the follow-up conversation."""
    steps = [
        ("Forberedende møde", 0, False),
        ("Seminar for hele arbejdspladsen", 21, False),
        ("Aktivitetsfase med midtvejsmøde", 28, False),
        ("Opfølgningssamtale", 120, True),
    ]
    return [
        CourseModelStepFactory(
            provider=provider, position=i, title=title, offset_days=days, is_follow_up=follow_up
        )
        for i, (title, days, follow_up) in enumerate(steps)
    ]


class AdviceRequestFactory(factory.django.DjangoModelFactory):
    """A complete draft; see ``awaiting_request`` and friends for the other states."""

    class Meta:
        model = AdviceRequest
        skip_postgeneration_save = True

    round = factory.SubFactory(OfferRoundFactory)
    provider = factory.SubFactory(ProviderFactory)
    workplace_name = factory.Sequence(lambda n: f"Regionshospital {n}, Medicinsk afsnit")
    workplace_kind = WorkplaceKind.HOSPITAL_WARD
    unit = "Afsnit M2"
    situation = "Mange forandringer på kort tid."
    goals = "Et fælles sprog om forandringerne."
    participants = 24
    expected_hours = Decimal("60.0")
    exclusions_confirmed = True
    leader = factory.SubFactory(factories.UserFactory)
    leader_title = "Afdelingssygeplejerske"
    representative_name = factory.Faker("name", locale="da_DK")
    representative_email = factory.Sequence(lambda n: f"repraesentant{n}@region.example")
    representative_role = RepresentativeRole.SAFETY_REPRESENTATIVE

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


def awaiting_request(**kwargs) -> AdviceRequest:
    """Sent by the leader; the representative invited now (token hash only)."""
    now = kwargs.pop("now", None) or timezone.now()
    kwargs.setdefault("submitted_at", now)
    kwargs.setdefault("invited_at", now)
    kwargs.setdefault("expires_at", now + CONFIRM_WITHIN)
    kwargs.setdefault("invitation_token_hash", hash_token(secrets.token_urlsafe(32)))
    return AdviceRequestFactory(state=RequestState.AWAITING_REPRESENTATIVE, **kwargs)


def queued_request(**kwargs) -> AdviceRequest:
    """Confirmed by both parties: a place in the provider's queue from the database."""
    representative = kwargs.pop("representative", None) or factories.UserFactory()
    request = awaiting_request(representative=representative, **kwargs)
    AdviceRequest.objects.take_queue_place(request.pk)
    request.refresh_from_db()
    return request


def decide(
    request: AdviceRequest, outcome: str, *, start_date: date | None = None, reason: str = ""
) -> ProviderDecision:
    """The provider's answer, as the request flow records it."""
    request.state = RequestState.ACCEPTED if outcome == Decision.ACCEPTED else RequestState.DECLINED
    request.save(update_fields=["state"])
    return ProviderDecision.objects.create(
        request=request,
        provider=request.provider,
        outcome=outcome,
        start_date=start_date,
        reason=reason,
        queue_number=request.queue_number,
    )


def declined_request(**kwargs) -> AdviceRequest:
    request = queued_request(**kwargs)
    decide(request, Decision.DECLINED, reason="Ingen kapacitet i perioden.")
    return request


def accepted_request(*, start_date: date | None = None, **kwargs) -> AdviceRequest:
    """Accepted with a course whose steps are the provider's model, dated from the start."""
    start_date = start_date or timezone.localdate()
    request = queued_request(**kwargs)
    decide(request, Decision.ACCEPTED, start_date=start_date)
    course = Course.objects.create(request=request, start_date=start_date)
    for step in request.provider.model_steps.all():
        CourseStep.objects.create(
            course=course,
            position=step.position,
            title=step.title,
            description=step.description,
            is_follow_up=step.is_follow_up,
            planned_on=start_date + timedelta(days=step.offset_days),
            source_step=step,
        )
    return request


def withdrawn_request(**kwargs) -> AdviceRequest:
    request = awaiting_request(**kwargs)
    request.state = RequestState.WITHDRAWN
    request.withdrawn_at = timezone.now()
    request.withdrawn_by = request.leader
    request.withdraw_reason = "Vi har fundet en anden løsning."
    request.save()
    return request


def expired_request(**kwargs) -> AdviceRequest:
    now = timezone.now()
    request = awaiting_request(now=now - CONFIRM_WITHIN - timedelta(days=1), **kwargs)
    request.state = RequestState.EXPIRED
    request.save(update_fields=["state"])
    return request
