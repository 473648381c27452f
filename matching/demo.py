# ruff: noqa: E501 - prose as data: sentences are kept whole, as in the other demo.py files
"""Demo: profiles, weights and one confirmed match run in the demo programme.

The profiles are designed so that the optimum pairs smvN's company with
advisorN (each company's most important challenge is the one its advisor is
strongest in); ``load`` asserts that before confirming. Confirming goes through
the services, so the six cases are opened as they would be for real (without
e-mails). Safe to run again: a programme that already has a confirmed run is
left alone.
"""

import datetime

from bifrost.accounts.models import Membership, Organisation, Role, User
from matching import demo_cases
from matching.models import (
    AdvisorProfile,
    AdvisorRole,
    Challenge,
    CompanyProfile,
    Competence,
    MatchRun,
    MatchWeights,
    MeetingFormat,
)
from matching.profiles.services import advisor_profile_save, company_profile_save
from matching.runs.services import match_run_confirm, match_run_create
from programme.demo import DEMO_NAME
from programme.models import Programme

CHALLENGES = list(Challenge)
ROLES = list(AdvisorRole)

# Per company (smv1..6): preferred role, format, months, needs.
COMPANY_PLANS = [
    (
        AdvisorRole.TRUSTED_ADVISOR,
        MeetingFormat.ON_SITE,
        [6, 8, 9, 10],
        "Vi vil gerne blive bedre til at opdage, når travlhed bliver til stress, før nogen går ned.",
    ),
    (
        AdvisorRole.VALUABLE_RESOURCE,
        MeetingFormat.EITHER,
        [5, 6, 9, 10, 11],
        "Overleveringer mellem afdelingerne giver gnidninger. Vi søger en sparringspartner, der kan hjælpe os med klare aftaler.",
    ),
    (
        AdvisorRole.EXPERT,
        MeetingFormat.ON_SITE,
        [8, 9, 10],
        "Vi har ingen skrevet stresspolitik og vil gerne have hjælp til at lave en, som alle kan stå inde for.",
    ),
    (
        AdvisorRole.TRUSTED_ADVISOR,
        MeetingFormat.VIDEO,
        [6, 8, 9, 10, 11],
        "En medarbejder kommer snart tilbage efter en sygemelding. Vi vil gerne tage godt imod hende og inddrage teamet.",
    ),
    (
        AdvisorRole.VALUABLE_RESOURCE,
        MeetingFormat.EITHER,
        [5, 6, 8, 9],
        "Vi flytter sammen med et andet bureau i efteråret og er bekymrede for, hvordan det påvirker folk.",
    ),
    (
        AdvisorRole.EXPERT,
        MeetingFormat.EITHER,
        [9, 10, 11],
        "Som ny leder vil jeg gerne have nogen at vende de svære samtaler med.",
    ),
]

ALL_REGIONS = [r.value for r in Organisation.Region]


def _write(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def _role_scores(preferred: str) -> dict[str, int]:
    return {role.value: (90 if role == preferred else 40) for role in ROLES}


def load(stdout=None, today: datetime.date | None = None) -> None:
    programme = Programme.objects.filter(name=DEMO_NAME).first()
    if programme is None:
        _write(stdout, "Demo matching: no demo programme, nothing to add.")
    elif programme.match_runs.filter(status=MatchRun.Status.CONFIRMED).exists():
        _write(stdout, "Demo matching: already confirmed.")
    else:
        _load(programme, stdout)
    demo_cases.load(stdout, today=today)


def _load(programme: Programme, stdout) -> None:
    facilitator = User.objects.filter(email="facilitator@bifrost.example").first()
    owners = []
    advisors = []
    for number in range(1, 7):
        owner = Membership.objects.select_related("user", "organisation").get(
            user__email=f"smv{number}@bifrost.example", role=Role.SMV_OWNER
        )
        advisor = Membership.objects.select_related("user", "organisation").get(
            user__email=f"advisor{number}@bifrost.example", role=Role.ADVISOR
        )
        owners.append(owner)
        advisors.append(advisor)
    MatchWeights.objects.update_or_create(
        programme=programme,
        defaults={
            "challenge": 5,
            "industry": 2,
            "region_format": 2,
            "role": 1,
            "updated_by": facilitator,
        },
    )
    for index, (owner, advisor) in enumerate(zip(owners, advisors, strict=True)):
        company = owner.organisation
        role, meeting_format, months, needs = COMPANY_PLANS[index]
        own, following = CHALLENGES[index], CHALLENGES[(index + 1) % 6]
        if not CompanyProfile.objects.filter(programme=programme, company=company).exists():
            company_profile_save(
                programme=programme,
                company=company,
                by=owner.user,
                data={
                    "industry": company.industry,
                    "size_band": company.size_band,
                    "region": company.region,
                    "challenges": [own.value, following.value],
                    "preferred_role": role.value,
                    "meeting_format": meeting_format,
                    "months_available": months,
                    "needs": needs,
                },
            )
        if not AdvisorProfile.objects.filter(programme=programme, advisor=advisor.user).exists():
            competences = {c.value: Competence.NONE for c in CHALLENGES}
            competences[own.value] = Competence.STRONG
            competences[following.value] = Competence.SOME
            advisor_profile_save(
                programme=programme,
                advisor=advisor.user,
                by=advisor.user,
                data={
                    "unit": advisor.organisation,
                    "competences": competences,
                    "industries": [company.industry],
                    "regions": [company.region] if index % 2 else ALL_REGIONS[:3],
                    "meeting_format": MeetingFormat.EITHER,
                    "capacity": 1 if index % 3 else 2,
                    "role_scores": _role_scores(role),
                },
            )
    run = match_run_create(programme=programme, mode=MatchRun.Mode.MAX_TOTAL, by=facilitator)
    expected = {
        owner.organisation_id: advisor.user_id
        for owner, advisor in zip(owners, advisors, strict=True)
    }
    got = dict(run.pairs.values_list("company_id", "advisor_id"))
    if got != expected:
        raise AssertionError(f"demo profiles do not give smvN ↔ advisorN: {got} != {expected}")
    opened = match_run_confirm(run=run, by=facilitator, notify=False)
    _write(stdout, f"Demo matching: confirmed a match run with {len(opened)} cases.")
