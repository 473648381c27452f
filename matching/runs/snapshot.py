"""A match run's inputs: the snapshot, and the optimiser's problem built from it.

A run snapshots everything it used (profiles, rules, conflicts, weights) into
``MatchRun.inputs`` / ``MatchRun.weights`` (:func:`take`), so scores of any pair
in the run (for an override) are computed from the snapshot (:class:`Context`),
never from profiles edited since. :func:`plan` turns the snapshot into the
:class:`~matching.runs.problem.Problem` the optimiser solves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch

from bifrost.accounts.models import Membership, Organisation, Role
from matching.models import AdvisorProfile, Case, CompanyProfile, MatchPair, PairRule
from matching.profiles.selectors import enrolled_units
from matching.runs import scoring
from matching.runs.problem import Problem
from matching.runs.reasons import NO_PROFILE
from programme.models import Programme

# --------------------------------------------------------------------------- #
# The snapshot (plain JSON, stored on the run)
# --------------------------------------------------------------------------- #


def take(programme: Programme) -> dict:
    """Everything a run uses, as plain JSON (a handful of queries whatever the size)."""
    companies = list(
        Organisation.objects.filter(
            kind=Organisation.Kind.COMPANY,
            enrolments__programme=programme,
            enrolments__left_at__isnull=True,
        ).order_by("name", "pk")
    )
    profiles = {
        p.company_id: p
        for p in CompanyProfile.objects.filter(programme=programme).prefetch_related(
            Prefetch("existing_units", queryset=Organisation.objects.only("pk"))
        )
    }
    unit_ids = set(enrolled_units(programme).values_list("pk", flat=True))
    memberships = set(
        Membership.objects.filter(role=Role.ADVISOR, organisation_id__in=unit_ids).values_list(
            "user_id", "organisation_id"
        )
    )
    advisor_profiles = (
        AdvisorProfile.objects.filter(programme=programme)
        .select_related("advisor", "unit")
        .order_by("advisor__full_name", "advisor__email", "pk")
    )
    active = Case.objects.filter(programme=programme, status=Case.Status.ACTIVE).values(
        "pk", "company_id", "advisor_id"
    )
    rules = PairRule.objects.filter(programme=programme).values(
        "company_id", "advisor_id", "kind", "note"
    )
    return {
        "companies": [_company_row(c, profiles.get(c.pk)) for c in companies],
        "advisors": [_advisor_row(p, unit_ids, memberships) for p in advisor_profiles],
        "rules": list(rules),
        "kept": [
            {"case_id": c["pk"], "company_id": c["company_id"], "advisor_id": c["advisor_id"]}
            for c in active
        ],
    }


def _company_row(company: Organisation, profile: CompanyProfile | None) -> dict:
    row: dict = {"id": company.pk, "name": company.name, "profile": None}
    if profile is not None:
        row["profile"] = {
            "industry": profile.industry,
            "size_band": profile.size_band,
            "region": profile.region,
            "challenges": list(profile.challenges),
            "preferred_role": profile.preferred_role,
            "meeting_format": profile.meeting_format,
            "months_available": list(profile.months_available),
            "existing_units": sorted(u.pk for u in profile.existing_units.all()),
        }
    return row


def _advisor_row(
    profile: AdvisorProfile, unit_ids: set[int], memberships: set[tuple[int, int]]
) -> dict:
    available = (
        profile.withdrawn_at is None
        and profile.unit_id in unit_ids
        and (profile.advisor_id, profile.unit_id) in memberships
        and profile.advisor.is_active
    )
    return {
        "id": profile.advisor_id,
        "name": profile.advisor.get_full_name(),
        "unit_id": profile.unit_id,
        "unit_name": profile.unit.name,
        "available": available,
        "withdrawn": profile.withdrawn_at is not None,
        "capacity": profile.capacity,
        "competences": dict(profile.competences),
        "industries": list(profile.industries),
        "regions": list(profile.regions),
        "meeting_format": profile.meeting_format,
        "role_scores": dict(profile.role_scores),
    }


# --------------------------------------------------------------------------- #
# The snapshot indexed for scoring and exclusion checks
# --------------------------------------------------------------------------- #


def _company_facts(data: dict) -> scoring.CompanyFacts:
    return scoring.CompanyFacts(
        challenges=tuple(data.get("challenges", ())),
        industry=data.get("industry", ""),
        region=data.get("region", ""),
        meeting_format=data.get("meeting_format", scoring.EITHER),
        preferred_role=data.get("preferred_role", ""),
    )


def _advisor_facts(data: dict) -> scoring.AdvisorFacts:
    return scoring.AdvisorFacts(
        competences=data.get("competences", {}),
        industries=tuple(data.get("industries", ())),
        regions=tuple(data.get("regions", ())),
        meeting_format=data.get("meeting_format", scoring.EITHER),
        role_scores=data.get("role_scores", {}),
    )


@dataclass
class Context:
    """A run's snapshot, indexed for scoring and exclusion checks."""

    companies: dict[int, dict]
    advisors: dict[int, dict]
    weights: dict[str, int]
    must_not: set[tuple[int, int]]
    locks: dict[int, int]
    kept: dict[int, int]

    @classmethod
    def of(cls, inputs: dict, weights: dict) -> Context:
        rules = inputs.get("rules", [])
        return cls(
            companies={c["id"]: c for c in inputs.get("companies", [])},
            advisors={a["id"]: a for a in inputs.get("advisors", [])},
            weights=dict(weights),
            must_not={
                (r["company_id"], r["advisor_id"])
                for r in rules
                if r["kind"] == PairRule.Kind.MUST_NOT
            },
            locks={
                r["company_id"]: r["advisor_id"] for r in rules if r["kind"] == PairRule.Kind.LOCK
            },
            kept={k["company_id"]: k["advisor_id"] for k in inputs.get("kept", [])},
        )

    def exclusion(self, company_id: int, advisor_id: int) -> str | None:
        """Why the pair may never be proposed (a code of EXCLUSION_TEXT), or None."""
        advisor = self.advisors.get(advisor_id)
        if advisor is None or not advisor["available"]:
            return "unavailable"
        if (company_id, advisor_id) in self.must_not:
            return "must_not"
        profile = (self.companies.get(company_id) or {}).get("profile") or {}
        if advisor["unit_id"] in profile.get("existing_units", ()):
            return "unit_conflict"
        return None

    def score(self, company_id: int, advisor_id: int) -> scoring.Result:
        profile = (self.companies.get(company_id) or {}).get("profile")
        if profile is None:
            return scoring.Result(score=0, breakdown={})
        return scoring.score(
            _company_facts(profile), _advisor_facts(self.advisors[advisor_id]), self.weights
        )


# --------------------------------------------------------------------------- #
# The optimiser's problem
# --------------------------------------------------------------------------- #


@dataclass
class Plan:
    """The problem to solve, and what the run stores beside the solution."""

    problem: Problem
    #: (company id, advisor id) -> score and breakdown, for every pair the solver may pick.
    results: dict[tuple[int, int], scoring.Result]
    #: company id -> source of its pair when it is not a proposal (kept, locked).
    sources: dict[int, str]
    #: Companies left out before solving (no profile, no active case).
    unmatched: list[dict]


def plan(inputs: dict, ctx: Context) -> Plan:
    """Score every allowed pair, keep confirmed pairs, honour locks, set capacities.

    Companies with an active case keep their advisor (as a lock the optimiser never
    changes); companies with no profile are left out; advisors who are not
    available are no candidates, except for the cases they still hold.
    """
    with_profile = [c for c in inputs["companies"] if c["profile"] is not None]
    available = [a for a in inputs["advisors"] if a["available"]]
    results, excluded = _score_pairs(ctx, with_profile, available)
    company_ids = [str(c["id"]) for c in with_profile]
    locked, sources = _keep_confirmed(ctx, results, excluded, company_ids)
    _add_locks(ctx, locked, sources, company_ids)
    advisor_ids, capacity = _capacities(ctx, available)
    problem = Problem(
        companies=company_ids,
        advisors=advisor_ids,
        capacity=capacity,
        score={(str(c), str(a)): result.score for (c, a), result in results.items()},
        excluded=frozenset(excluded),
        locked=locked,
    )
    unmatched = [
        {"company_id": c["id"], "company_name": c["name"], "reason": NO_PROFILE}
        for c in inputs["companies"]
        if c["profile"] is None and c["id"] not in ctx.kept
    ]
    return Plan(problem=problem, results=results, sources=sources, unmatched=unmatched)


def _score_pairs(
    ctx: Context, companies: list[dict], advisors: list[dict]
) -> tuple[dict[tuple[int, int], scoring.Result], set[tuple[str, str]]]:
    """Scores of the allowed pairs, and the excluded pairs (as the solver's string ids)."""
    results: dict[tuple[int, int], scoring.Result] = {}
    excluded: set[tuple[str, str]] = set()
    for company in companies:
        for advisor in advisors:
            key = (company["id"], advisor["id"])
            if ctx.exclusion(*key):
                excluded.add((str(key[0]), str(key[1])))
            else:
                results[key] = ctx.score(*key)
    return results, excluded


def _keep_confirmed(
    ctx: Context,
    results: dict[tuple[int, int], scoring.Result],
    excluded: set[tuple[str, str]],
    company_ids: list[str],
) -> tuple[dict[str, str], dict[int, str]]:
    """Confirmed pairs (active cases) are kept whatever else holds: locked in."""
    locked: dict[str, str] = {}
    sources: dict[int, str] = {}
    for company_id, advisor_id in ctx.kept.items():
        key = (company_id, advisor_id)
        if key not in results:
            results[key] = ctx.score(*key)
        excluded.discard((str(company_id), str(advisor_id)))
        locked[str(company_id)] = str(advisor_id)
        sources[company_id] = MatchPair.Source.KEPT
        if str(company_id) not in company_ids:
            company_ids.append(str(company_id))
    return locked, sources


def _add_locks(
    ctx: Context, locked: dict[str, str], sources: dict[int, str], company_ids: list[str]
) -> None:
    """The facilitators' lock rules, for companies in the run without an active case."""
    for company_id, advisor_id in ctx.locks.items():
        if str(company_id) in locked or str(company_id) not in company_ids:
            continue
        locked[str(company_id)] = str(advisor_id)
        sources[company_id] = MatchPair.Source.LOCKED


def _capacities(ctx: Context, available: list[dict]) -> tuple[list[str], dict[str, int]]:
    """The candidate advisors and their capacity.

    A confirmed case always fits, even if the advisor lowered their capacity
    since; an advisor kept on a case who is no longer available still holds it.
    """
    advisor_ids = [str(a["id"]) for a in available]
    kept_load = Counter(str(advisor_id) for advisor_id in ctx.kept.values())
    capacity = {str(a["id"]): max(a["capacity"], kept_load.get(str(a["id"]), 0)) for a in available}
    for advisor_id in set(kept_load) - set(advisor_ids):
        advisor_ids.append(advisor_id)
        capacity[advisor_id] = kept_load[advisor_id]
    return advisor_ids, capacity
