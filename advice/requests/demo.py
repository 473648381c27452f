"""Demo requests for `manage.py demo_data`, called by `advice.demo` after the catalogue
(round `demo-runde` and the three demo providers, looked up by slug).

Fictional leaders and representatives (password: the demo password) and requests in
every state, dated around `today`: a draft, awaiting the representative, expired,
withdrawn, queued, accepted with a course in progress, declined and sent on to another
provider, and declined awaiting the workplace's choice. Made through the services,
then moved back in time where the story needs it. Safe to run again: a request that
exists (by leader and workplace) is kept.
"""

import datetime
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from advice.models import (
    AdviceRequest,
    Course,
    CourseStep,
    OfferRound,
    Provider,
    RepresentativeRole,
    RequestEvent,
    WorkplaceKind,
)
from advice.requests import decisions, services
from bifrost.accounts.demo import DEMO_PASSWORD
from bifrost.accounts.models import User
from bifrost.accounts.services import user_mark_email_verified

ROUND_SLUG = "demo-runde"
FYRTAARN = "forskningscenter-fyrtaarn"
HAVOERN = "universitetscenter-havoern"
REGNBUE = "raadgivningshuset-regnbue"

# key, workplace, kind, unit, provider, themes, leader (email, name, title),
# representative (email, name), story
STORIES = [
    (
        "draft",
        "Regionshospital Vestby",
        WorkplaceKind.HOSPITAL_WARD,
        "Ortopædkirurgisk afsnit",
        FYRTAARN,
        ["organisatoriske-forandringer"],
        ("leder1@bifrost.example", "Lise Ledersen", "Afdelingssygeplejerske"),
        ("tr1@bifrost.example", "Torben Tillid"),
    ),
    (
        "awaiting",
        "Psykiatrisk Center Nordø",
        WorkplaceKind.PSYCHIATRY,
        "Sengeafsnit P2",
        HAVOERN,
        ["vold-og-trusler"],
        ("leder2@bifrost.example", "Per Psykiatrichef", "Afdelingsleder"),
        ("tr2@bifrost.example", "Anna Arbejdsmiljø"),
    ),
    (
        "expired",
        "Bostedet Lærkereden",
        WorkplaceKind.SOCIAL_INSTITUTION,
        "",
        REGNBUE,
        ["samarbejde-kultur-og-mobning"],
        ("leder3@bifrost.example", "Berit Bosted", "Forstander"),
        ("tr3@bifrost.example", "Bo Boesen"),
    ),
    (
        "withdrawn",
        "Regionshuset Østby, Økonomi",
        WorkplaceKind.ADMINISTRATION,
        "Budgetkontoret",
        FYRTAARN,
        ["faglige-forandringer"],
        ("leder4@bifrost.example", "Ole Økonomichef", "Kontorchef"),
        ("tr4@bifrost.example", "Dorte Dahl"),
    ),
    (
        "queued",
        "Regionshospital Vestby",
        WorkplaceKind.HOSPITAL_WARD,
        "Akutmodtagelsen",
        FYRTAARN,
        ["vold-og-trusler", "samarbejde-kultur-og-mobning"],
        ("leder5@bifrost.example", "Amir Akut", "Ledende overlæge"),
        ("tr5@bifrost.example", "Sanne Sikkerhed"),
    ),
    (
        "accepted",
        "Teknisk Service Syd",
        WorkplaceKind.SERVICE,
        "Ejendomsdrift",
        FYRTAARN,
        ["organisatoriske-forandringer"],
        ("leder6@bifrost.example", "Tina Teknik", "Driftschef"),
        ("tr6@bifrost.example", "Kim Kollega"),
    ),
    (
        "redirected",
        "Regional IT",
        WorkplaceKind.SUPPORT_FUNCTION,
        "Support og drift",
        HAVOERN,
        ["faglige-forandringer"],
        ("leder7@bifrost.example", "Ida IT-chef", "Afdelingschef"),
        ("tr7@bifrost.example", "Jens Jensen"),
    ),
    (
        "declined",
        "Sociale Tilbud Midt",
        WorkplaceKind.SOCIAL_INSTITUTION,
        "Botilbuddet Ved Søen",
        REGNBUE,
        ["vold-og-trusler"],
        ("leder8@bifrost.example", "Mette Midt", "Leder"),
        ("tr8@bifrost.example", "Lars Lund"),
    ),
]

SITUATION = (
    "Vi har været igennem en periode med mange ændringer, og både ledelse og "
    "medarbejdere oplever, at arbejdsmiljøet er blevet presset. (Demodata.)"
)
GOALS = "Et fælles sprog om udfordringerne og en plan, vi selv kan følge op på i MED."


def _person(email: str, name: str) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, full_name=name)
        user.set_password(DEMO_PASSWORD)
        user.save()
    user_mark_email_verified(user)
    return user


def _backdate(request: AdviceRequest, days: int) -> None:
    """Move what happened to the request `days` back (the demo's own history)."""
    shift = timedelta(days=days)
    request.refresh_from_db()
    fields = {}
    for name in ("submitted_at", "invited_at", "expires_at", "confirmed_at", "queued_at"):
        value = getattr(request, name)
        if value is not None:
            fields[name] = value - shift
    AdviceRequest.objects.filter(pk=request.pk).update(**fields)
    for event in RequestEvent.objects.filter(request=request):
        RequestEvent.objects.filter(pk=event.pk).update(at=event.at - shift)


def _story(story, offer_round: OfferRound, providers: dict[str, Provider], today) -> str:
    key, workplace, kind, unit, provider_slug, theme_slugs, lead, rep = story
    leader = _person(lead[0], lead[1])
    if AdviceRequest.objects.filter(leader=leader, workplace_name=workplace).exists():
        return "kept"
    representative = _person(rep[0], rep[1])
    request = AdviceRequest(
        workplace_name=workplace,
        workplace_kind=kind,
        unit=unit,
        provider=providers[provider_slug],
        situation=SITUATION,
        goals=GOALS,
        participants=18,
        expected_hours=Decimal("54.0"),
        preferred_timing="Gerne inden sommerferien",
        leader_title=lead[2],
        representative_name=rep[1],
        representative_email=rep[0],
        representative_role=RepresentativeRole.SAFETY_REPRESENTATIVE,
        exclusions_confirmed=True,
    )
    themes = list(offer_round.themes.filter(slug__in=theme_slugs))
    request = services.request_save(
        advice_request=request, leader=leader, round=offer_round, themes=themes
    )
    if key == "draft":
        return key
    token = services.request_submit(advice_request=request, by=leader)
    if key == "awaiting":
        _backdate(request, 3)
        return key
    if key == "expired":
        _backdate(request, 16)
        services.request_expire(advice_request=request, now=timezone.now())
        return key
    if key == "withdrawn":
        services.request_withdraw(
            advice_request=request,
            by=leader,
            reason="Vi har valgt at vente, til den nye organisering er på plads.",
        )
        return key
    request = services.request_confirm(token=token, user=representative)
    advisor = providers[provider_slug].organisation.memberships.first()
    by = advisor.user if advisor else leader
    if key == "queued":
        _backdate(request, 9)
    elif key == "accepted":
        _backdate(request, 40)
        course = decisions.request_accept(
            advice_request=request, by=by, start_date=timezone.localdate()
        )
        _course_in_progress(course, start=today - timedelta(days=20), leader=leader)
    elif key in ("redirected", "declined"):
        _backdate(request, 25)
        decisions.request_decline(
            advice_request=request,
            by=by,
            reason="Vi har ikke kapacitet til at starte nye forløb i dette halvår.",
        )
        if key == "redirected":
            decisions.request_redirect(
                advice_request=request, by=leader, provider=providers[REGNBUE]
            )
    return key


def _course_in_progress(course: Course, *, start: datetime.date, leader: User) -> None:
    shift = course.start_date - start
    Course.objects.filter(pk=course.pk).update(
        start_date=course.start_date - shift,
        local_follow_up="- Status på handleplanen på hvert MED-møde\n- Ny trivselsmåling om et år",
    )
    for step in course.steps.all():
        CourseStep.objects.filter(pk=step.pk).update(planned_on=step.planned_on - shift)
    first = course.steps.order_by("planned_on", "position").first()
    if first is not None:
        CourseStep.objects.filter(pk=first.pk).update(
            done_at=timezone.now() - shift, done_by=leader
        )


def load(stdout=None, today=None) -> None:
    today = today or datetime.date.today()  # noqa: DTZ011 - demo_data passes the local date
    offer_round = OfferRound.objects.filter(slug=ROUND_SLUG).first()
    providers = {p.slug: p for p in Provider.objects.filter(slug__in=[FYRTAARN, HAVOERN, REGNBUE])}
    if offer_round is None or len(providers) < 3:
        if stdout is not None:
            stdout.write("Advice requests: no demo catalogue, so no demo requests.")
        return
    made = [_story(story, offer_round, providers, today) for story in STORIES]
    if stdout is not None:
        stdout.write(
            f"Advice requests: {len(made) - made.count('kept')} made, {made.count('kept')} kept "
            f"(leaders leder1–8@bifrost.example, representatives tr1–8@bifrost.example)."
        )
