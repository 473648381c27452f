"""Reads for the facilitator's matching page and the match run pages."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from bifrost.accounts.models import Membership, Role, User
from matching.models import (
    AdvisorProfile,
    CompanyProfile,
    MatchPair,
    MatchRun,
    MatchWeights,
    PairRule,
)
from matching.profiles.selectors import enrolled_units
from matching.runs import scoring
from matching.runs.reasons import NO_PROFILE, reason_text
from matching.runs.snapshot import Context
from programme.models import Programme
from programme.programmes.selectors import companies_in


def weights_of(programme: Programme) -> MatchWeights:
    """The programme's weights (the defaults, unsaved, until a facilitator sets them)."""
    weights = MatchWeights.objects.filter(programme=programme).first()
    return weights or MatchWeights(programme=programme)


def advisors_for_rules(programme: Programme) -> QuerySet[User]:
    """Advisors a pair rule may name: those with a profile in the programme."""
    return User.objects.filter(advisor_profiles__programme=programme).order_by("full_name", "email")


def runs_of(programme: Programme) -> list[MatchRun]:
    """The programme's runs, newest first."""
    return list(
        programme.match_runs.select_related("created_by", "confirmed_by").order_by(
            "-created_at", "-pk"
        )
    )


def matching_page(programme: Programme) -> dict:
    """The facilitator's matching page: profile status per company and advisor, pair
    rules and runs (a fixed number of queries)."""
    companies = list(companies_in(programme))
    with_profile = set(
        CompanyProfile.objects.filter(programme=programme).values_list("company_id", flat=True)
    )
    return {
        "company_rows": [{"company": c, "has_profile": c.pk in with_profile} for c in companies],
        "advisor_rows": _advisor_rows(programme),
        "rules": list(
            PairRule.objects.filter(programme=programme)
            .select_related("company", "advisor")
            .order_by("company__name", "pk")
        ),
        "runs": runs_of(programme),
    }


def _advisor_rows(programme: Programme) -> list[dict]:
    """Every advisor of an enrolled unit (once, under their first unit) and their profile."""
    units = enrolled_units(programme).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(role=Role.ADVISOR)
            .select_related("user")
            .order_by("user__full_name", "user__email"),
            to_attr="advisor_memberships",
        )
    )
    profiles = {
        p.advisor_id: p
        for p in AdvisorProfile.objects.filter(programme=programme).select_related("unit")
    }
    rows = []
    seen = set()
    for unit in units:
        for membership in unit.advisor_memberships:
            if membership.user_id in seen:
                continue
            seen.add(membership.user_id)
            rows.append(
                {"user": membership.user, "unit": unit, "profile": profiles.get(membership.user_id)}
            )
    return rows


# --- A run -----------------------------------------------------------------------------


@dataclass
class RunView:
    run: MatchRun
    pairs: list[MatchPair]
    unmatched: list[dict]
    total: int
    weakest: int | None
    advisor_choices: list[dict]


def run_view(run: MatchRun) -> RunView:
    """A run's pairs with explanations, totals and the advisors one may choose (1 query)."""
    pairs = list(run.pairs.select_related("company", "advisor").order_by("company__name", "pk"))
    ctx = Context.of(run.inputs, run.weights)
    load: dict[int, int] = {}
    for pair in pairs:
        found = scoring.reasons(pair.breakdown)
        pair.strengths = found.strengths  # type: ignore[attr-defined]
        pair.weak_points = found.weak_points  # type: ignore[attr-defined]
        pair.why = [*found.strengths, *found.weak_points]  # type: ignore[attr-defined]
        advisor = ctx.advisors.get(pair.advisor_id) or {}
        pair.unit_name = advisor.get("unit_name", "")  # type: ignore[attr-defined]
        pair.is_kept = pair.source == MatchPair.Source.KEPT  # type: ignore[attr-defined]
        load[pair.advisor_id] = load.get(pair.advisor_id, 0) + 1
    advisor_choices = [
        {
            "id": a["id"],
            "name": a["name"],
            "unit_name": a["unit_name"],
            "capacity": a["capacity"],
            "load": load.get(a["id"], 0),
        }
        for a in ctx.advisors.values()
        if a["available"]
    ]
    unmatched = [
        {
            **row,
            "reason_text": reason_text(row["reason"]),
            "has_profile": row["reason"] != NO_PROFILE,
        }
        for row in run.unmatched
    ]
    scores = [p.score for p in pairs]
    return RunView(
        run=run,
        pairs=pairs,
        unmatched=unmatched,
        total=sum(scores),
        weakest=min(scores) if scores else None,
        advisor_choices=advisor_choices,
    )
