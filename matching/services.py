"""Writes (and the reads they share) for profiles, weights, pair rules and match runs.

A match run snapshots everything it used (profiles, rules, conflicts, weights)
into ``MatchRun.inputs`` / ``MatchRun.weights``, so scores of any pair in the run
(for an override) are computed from the snapshot, never from profiles edited
since.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bifrost.accounts.models import Membership, Organisation, Role
from matching import optimizer, scoring
from matching.case_services import case_close, case_open
from matching.models import (
    AdvisorProfile,
    Case,
    Challenge,
    CompanyProfile,
    MatchPair,
    MatchRun,
    MatchWeights,
    PairRule,
)
from programme.models import Enrolment, Programme

NO_PROFILE = "no_profile"

#: Reason codes of ``MatchRun.unmatched`` as text for people.
REASON_TEXT = {
    NO_PROFILE: gettext_lazy("The company has not filled in its profile."),
    optimizer.Reason.NO_ALLOWED_ADVISOR: gettext_lazy(
        "No advisor may be matched with this company (conflicts of interest or pair rules)."
    ),
    optimizer.Reason.NO_CAPACITY: gettext_lazy(
        "The advisors who may take this company have no capacity left."
    ),
    optimizer.Reason.CAPACITY_TAKEN: gettext_lazy(
        "The advisors who fit this company are needed for other companies; "
        "give an advisor more capacity or choose one by hand."
    ),
    optimizer.Reason.LOCKED_UNKNOWN_ADVISOR: gettext_lazy(
        "Locked to an advisor who is no longer available."
    ),
    optimizer.Reason.LOCKED_EXCLUDED: gettext_lazy(
        "Locked to an advisor it may not be matched with (conflict of interest or rule)."
    ),
    optimizer.Reason.LOCKED_NOT_ALLOWED: gettext_lazy(
        "Locked to an advisor it may not be matched with."
    ),
    optimizer.Reason.LOCKED_OVER_CAPACITY: gettext_lazy(
        "Locked to an advisor who has more locked companies than capacity."
    ),
}

EXCLUSION_TEXT = {
    "unit_conflict": gettext_lazy(
        "The advisor's unit already serves the company (conflict of interest)."
    ),
    "must_not": gettext_lazy("A pair rule says this company and advisor must not be matched."),
    "unavailable": gettext_lazy("The advisor is not available in this run."),
}


def reason_text(code: str) -> str:
    return str(REASON_TEXT.get(code, code))


# --------------------------------------------------------------------------- #
# Profiles
# --------------------------------------------------------------------------- #


def company_enrolment(*, programme: Programme, company_id: int) -> Enrolment | None:
    return (
        Enrolment.objects.select_related("organisation", "programme")
        .filter(programme=programme, organisation_id=company_id, left_at__isnull=True)
        .first()
    )


def enrolled_units(programme: Programme):
    return Organisation.objects.filter(
        kind=Organisation.Kind.ADVISORY_UNIT,
        enrolments__programme=programme,
        enrolments__left_at__isnull=True,
    ).order_by("name")


def advisor_units(*, programme: Programme, advisor):
    """The advisor's own units that are enrolled in the programme."""
    return enrolled_units(programme).filter(
        memberships__user=advisor, memberships__role=Role.ADVISOR
    )


def _check_challenges(challenges: list[str]) -> None:
    valid = set(Challenge.values)
    if not challenges:
        raise ValidationError({"challenges": _("Choose at least one challenge.")})
    if len(set(challenges)) != len(challenges) or not set(challenges) <= valid:
        raise ValidationError({"challenges": _("Each challenge can have one rank only.")})


@transaction.atomic
def company_profile_save(
    *, programme: Programme, company: Organisation, by, data: dict, existing_units=()
) -> CompanyProfile:
    """Create or update the company's profile in the programme."""
    _check_challenges(list(data.get("challenges", [])))
    profile = CompanyProfile.objects.filter(programme=programme, company=company).first()
    if profile is None:
        profile = CompanyProfile(programme=programme, company=company)
    for name, value in data.items():
        setattr(profile, name, value)
    profile.months_available = sorted({int(m) for m in profile.months_available})
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    allowed = set(enrolled_units(programme).values_list("pk", flat=True))
    profile.existing_units.set([u for u in existing_units if u.pk in allowed])
    return profile


@transaction.atomic
def advisor_profile_save(*, programme: Programme, advisor, by, data: dict) -> AdvisorProfile:
    """Create or update the advisor's own profile in the programme."""
    unit = data.get("unit")
    if (
        unit is None
        or not advisor_units(programme=programme, advisor=advisor).filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"unit": _("Choose one of your units in this programme.")})
    for value in (data.get("role_scores") or {}).values():
        if not 0 <= int(value) <= 100:
            raise ValidationError({"role_scores": _("Percentages are from 0 to 100.")})
    profile = AdvisorProfile.objects.filter(programme=programme, advisor=advisor).first()
    if profile is None:
        profile = AdvisorProfile(programme=programme, advisor=advisor)
    for name, value in data.items():
        setattr(profile, name, value)
    if not set(profile.industries) <= set(Organisation.Industry.values):
        raise ValidationError({"industries": _("Choose industries from the list.")})
    if not set(profile.regions) <= set(Organisation.Region.values):
        raise ValidationError({"regions": _("Choose regions from the list.")})
    # Empty lists are allowed: an advisor may be new to every industry, or meet by video only.
    profile.full_clean(exclude=["industries", "regions"])
    profile.save()
    return profile


def role_scores_from_self_assessment(user) -> dict[str, int] | None:
    """Percentages per role from the person's latest saved self-assessment, if any.

    The self-assessment stores an average rating 1–5 per role slug; the knowledge
    site's chart shows it as ``(average - 1) / 4 × 100`` percent, and so do we.
    """
    from knowledge.models import RoleSelfAssessment

    latest = RoleSelfAssessment.objects.filter(user=user).order_by("-created_at", "-pk").first()
    if latest is None:
        return None
    result = {}
    for slug, average in (latest.scores or {}).items():
        try:
            value = float(average)
        except (TypeError, ValueError):
            continue
        result[slug] = max(0, min(100, round((value - 1) / 4 * 100)))
    return result


# --------------------------------------------------------------------------- #
# Weights, pair rules, drop-outs
# --------------------------------------------------------------------------- #


def weights_of(programme: Programme) -> MatchWeights:
    weights = MatchWeights.objects.filter(programme=programme).first()
    return weights or MatchWeights(programme=programme)


@transaction.atomic
def weights_save(
    *, programme: Programme, by, challenge: int, industry: int, region_format: int, role: int
) -> MatchWeights:
    weights = weights_of(programme)
    weights.challenge, weights.industry = challenge, industry
    weights.region_format, weights.role = region_format, role
    weights.updated_by = by
    if challenge + industry + region_format + role <= 0:
        raise ValidationError(_("At least one weight must be above 0."))
    weights.full_clean()
    weights.save()
    return weights


@transaction.atomic
def pair_rule_add(
    *, programme: Programme, company: Organisation, advisor, kind: str, note: str, by
) -> PairRule:
    if not Enrolment.objects.filter(
        programme=programme, organisation=company, left_at__isnull=True
    ).exists():
        raise ValidationError({"company": _("The company is not enrolled in the programme.")})
    if not AdvisorProfile.objects.filter(programme=programme, advisor=advisor).exists():
        raise ValidationError({"advisor": _("The advisor has no profile in this programme.")})
    if PairRule.objects.filter(programme=programme, company=company, advisor=advisor).exists():
        raise ValidationError(_("There is already a rule for this company and advisor."))
    if (
        kind == PairRule.Kind.LOCK
        and PairRule.objects.filter(
            programme=programme, company=company, kind=PairRule.Kind.LOCK
        ).exists()
    ):
        raise ValidationError(
            _("The company is already locked to an advisor. Remove that rule first.")
        )
    rule = PairRule(
        programme=programme, company=company, advisor=advisor, kind=kind, note=note, created_by=by
    )
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def pair_rule_remove(*, rule: PairRule, by) -> None:
    rule.delete()


@transaction.atomic
def advisor_withdraw(*, profile: AdvisorProfile, by) -> list[Case]:
    """The advisor dropped out: never proposed again, their active cases are closed.

    Locks to the advisor are removed (they cannot be honoured); must-not rules
    stay. Returns the closed cases, whose companies a re-match run then matches.
    """
    profile = AdvisorProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.withdrawn_at is None:
        profile.withdrawn_at = timezone.now()
        profile.save(update_fields=["withdrawn_at", "updated_at"])
    PairRule.objects.filter(
        programme_id=profile.programme_id, advisor_id=profile.advisor_id, kind=PairRule.Kind.LOCK
    ).delete()
    closed = []
    for case in Case.objects.filter(
        programme_id=profile.programme_id, advisor_id=profile.advisor_id, status=Case.Status.ACTIVE
    ):
        closed.append(case_close(case=case, by=by, reason=_("The advisor dropped out.")))
    return closed


# --------------------------------------------------------------------------- #
# Match runs
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


def _snapshot(programme: Programme) -> dict:
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
    advisor_profiles = list(
        AdvisorProfile.objects.filter(programme=programme)
        .select_related("advisor", "unit")
        .order_by("advisor__full_name", "advisor__email", "pk")
    )
    active = list(
        Case.objects.filter(programme=programme, status=Case.Status.ACTIVE).values(
            "pk", "company_id", "advisor_id"
        )
    )
    rules = list(
        PairRule.objects.filter(programme=programme).values(
            "company_id", "advisor_id", "kind", "note"
        )
    )
    company_rows = []
    for company in companies:
        profile = profiles.get(company.pk)
        row = {"id": company.pk, "name": company.name, "profile": None}
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
        company_rows.append(row)
    advisor_rows = []
    for profile in advisor_profiles:
        available = (
            profile.withdrawn_at is None
            and profile.unit_id in unit_ids
            and (profile.advisor_id, profile.unit_id) in memberships
            and profile.advisor.is_active
        )
        advisor_rows.append(
            {
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
        )
    return {
        "companies": company_rows,
        "advisors": advisor_rows,
        "rules": rules,
        "kept": [
            {"case_id": c["pk"], "company_id": c["company_id"], "advisor_id": c["advisor_id"]}
            for c in active
        ],
    }


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


@transaction.atomic
def match_run_create(*, programme: Programme, mode: str, by) -> MatchRun:
    """Run the optimiser on the programme's current profiles and store the proposal.

    Companies with an active case keep their advisor (source ``kept``): the run
    is then a re-match that only matches companies without one. Companies with
    no profile are listed as unmatched; advisors without a profile, withdrawn or
    no longer in an enrolled unit are not candidates.
    """
    if mode not in MatchRun.Mode.values:
        raise ValidationError({"mode": _("Choose how to match.")})
    weights = weights_of(programme).as_dict()
    try:
        scoring.check_weights(weights)
    except ValueError:
        raise ValidationError(_("At least one weight must be above 0.")) from None
    inputs = _snapshot(programme)
    ctx = Context.of(inputs, weights)

    with_profile = [c for c in inputs["companies"] if c["profile"] is not None]
    unmatched = [
        {"company_id": c["id"], "company_name": c["name"], "reason": NO_PROFILE}
        for c in inputs["companies"]
        if c["profile"] is None and c["id"] not in ctx.kept
    ]
    available = [a for a in inputs["advisors"] if a["available"]]
    scores: dict[tuple[str, str], float] = {}
    results: dict[tuple[int, int], scoring.Result] = {}
    excluded: set[tuple[str, str]] = set()
    for company in with_profile:
        for advisor in available:
            key = (company["id"], advisor["id"])
            if ctx.exclusion(*key):
                excluded.add((str(key[0]), str(key[1])))
                continue
            results[key] = ctx.score(*key)
            scores[(str(key[0]), str(key[1]))] = results[key].score
    locked: dict[str, str] = {}
    sources: dict[int, str] = {}
    company_ids = [str(c["id"]) for c in with_profile]
    # Confirmed pairs (active cases) are kept whatever else holds.
    for company_id, advisor_id in ctx.kept.items():
        key = (company_id, advisor_id)
        if key not in results:
            results[key] = ctx.score(*key)
        scores[(str(company_id), str(advisor_id))] = results[key].score
        excluded.discard((str(company_id), str(advisor_id)))
        locked[str(company_id)] = str(advisor_id)
        sources[company_id] = MatchPair.Source.KEPT
        if str(company_id) not in company_ids:
            company_ids.append(str(company_id))
    kept_advisors = {str(a) for a in ctx.kept.values()}
    for company_id, advisor_id in ctx.locks.items():
        if str(company_id) in locked or str(company_id) not in company_ids:
            continue
        locked[str(company_id)] = str(advisor_id)
        sources[company_id] = MatchPair.Source.LOCKED
    advisor_ids = [str(a["id"]) for a in available]
    kept_load: dict[str, int] = {}
    for advisor_id in ctx.kept.values():
        kept_load[str(advisor_id)] = kept_load.get(str(advisor_id), 0) + 1
    # A confirmed case always fits, even if the advisor lowered their capacity since.
    capacity = {str(a["id"]): max(a["capacity"], kept_load.get(str(a["id"]), 0)) for a in available}
    # An advisor kept on a case who is no longer available still holds that case.
    for advisor_id in kept_advisors - set(advisor_ids):
        advisor_ids.append(advisor_id)
        capacity[advisor_id] = kept_load[advisor_id]
    problem = optimizer.Problem(
        companies=company_ids,
        advisors=advisor_ids,
        capacity=capacity,
        score=scores,
        excluded=frozenset(excluded),
        locked=locked,
    )
    assignment = optimizer.solve(problem, mode=mode)
    names = {c["id"]: c["name"] for c in inputs["companies"]}
    for company_id, reason in assignment.unmatched.items():
        unmatched.append(
            {
                "company_id": int(company_id),
                "company_name": names[int(company_id)],
                "reason": reason,
            }
        )
    unmatched.sort(key=lambda row: (row["company_name"], row["company_id"]))
    run = MatchRun.objects.create(
        programme=programme,
        mode=mode,
        is_rematch=bool(ctx.kept),
        weights=weights,
        inputs=inputs,
        unmatched=unmatched,
        created_by=by,
    )
    MatchPair.objects.bulk_create(
        MatchPair(
            run=run,
            company_id=int(c),
            advisor_id=int(a),
            score=results[(int(c), int(a))].score,
            breakdown=results[(int(c), int(a))].breakdown,
            source=sources.get(int(c), MatchPair.Source.PROPOSED),
        )
        for c, a in assignment.pairs.items()
    )
    return run


def _draft(run: MatchRun) -> MatchRun:
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.DRAFT:
        raise ValidationError(_("Only a draft run can be changed."))
    return run


def _set_pair(pair: MatchPair, ctx: Context, advisor_id: int) -> None:
    result = ctx.score(pair.company_id, advisor_id)
    pair.advisor_id = advisor_id
    pair.score = result.score
    pair.breakdown = result.breakdown
    pair.source = MatchPair.Source.OVERRIDDEN
    pair.save(update_fields=["advisor", "score", "breakdown", "source"])


def _refuse_kept(ctx: Context, *company_ids: int) -> None:
    if any(c in ctx.kept for c in company_ids):
        raise ValidationError(
            _("A company with an active case keeps its advisor. Close the case first.")
        )


def _refuse_excluded(ctx: Context, company_id: int, advisor_id: int) -> None:
    code = ctx.exclusion(company_id, advisor_id)
    if code:
        company = ctx.companies.get(company_id, {}).get("name", "")
        advisor = ctx.advisors.get(advisor_id, {}).get("name", "")
        raise ValidationError(
            _("%(company)s cannot be matched with %(advisor)s: %(reason)s")
            % {"company": company, "advisor": advisor, "reason": EXCLUSION_TEXT[code]}
        )


@transaction.atomic
def match_run_swap(*, run: MatchRun, company_a: int, company_b: int, by) -> None:
    """Swap the advisors of two companies in a draft run."""
    run = _draft(run)
    if company_a == company_b:
        raise ValidationError(_("Choose two different companies."))
    pairs = {p.company_id: p for p in run.pairs.filter(company_id__in=[company_a, company_b])}
    if len(pairs) != 2:
        raise ValidationError(_("Both companies must have an advisor in this run."))
    ctx = Context.of(run.inputs, run.weights)
    _refuse_kept(ctx, company_a, company_b)
    a, b = pairs[company_a], pairs[company_b]
    if a.advisor_id == b.advisor_id:
        raise ValidationError(_("The two companies already have the same advisor."))
    _refuse_excluded(ctx, company_a, b.advisor_id)
    _refuse_excluded(ctx, company_b, a.advisor_id)
    advisor_a, advisor_b = a.advisor_id, b.advisor_id
    _set_pair(a, ctx, advisor_b)
    _set_pair(b, ctx, advisor_a)


@transaction.atomic
def match_run_override(*, run: MatchRun, company_id: int, advisor_id: int, by) -> list[str]:
    """Give a company another advisor (or its first one) in a draft run.

    Excluded pairs are refused; going over the advisor's capacity is allowed
    with a warning (returned).
    """
    run = _draft(run)
    ctx = Context.of(run.inputs, run.weights)
    company = ctx.companies.get(company_id)
    if company is None:
        raise ValidationError(_("The company is not part of this run."))
    if company.get("profile") is None:
        raise ValidationError(_("The company has not filled in its profile."))
    _refuse_kept(ctx, company_id)
    _refuse_excluded(ctx, company_id, advisor_id)
    pair = run.pairs.filter(company_id=company_id).first()
    if pair is None:
        pair = MatchPair(run=run, company_id=company_id, advisor_id=advisor_id)
        result = ctx.score(company_id, advisor_id)
        pair.score, pair.breakdown = result.score, result.breakdown
        pair.source = MatchPair.Source.OVERRIDDEN
        pair.save()
        run.unmatched = [row for row in run.unmatched if row["company_id"] != company_id]
        run.save(update_fields=["unmatched"])
    elif pair.advisor_id != advisor_id:
        _set_pair(pair, ctx, advisor_id)
    warnings = []
    load = run.pairs.filter(advisor_id=advisor_id).count()
    capacity = ctx.advisors[advisor_id]["capacity"]
    if load > capacity:
        warnings.append(
            _("%(advisor)s now has %(load)s companies in this run but capacity for %(capacity)s.")
            % {"advisor": ctx.advisors[advisor_id]["name"], "load": load, "capacity": capacity}
        )
    return warnings


@transaction.atomic
def match_run_discard(*, run: MatchRun, by) -> MatchRun:
    run = _draft(run)
    run.status = MatchRun.Status.DISCARDED
    run.save(update_fields=["status"])
    return run


@transaction.atomic
def match_run_confirm(
    *, run: MatchRun, by, discard_other_drafts: bool = False, notify: bool = True
) -> list[Case]:
    """Confirm a draft run: every new pair becomes a case, both sides get an e-mail.

    Pairs kept from an active case stay as they are (no new case, no e-mail).
    ``notify=False`` sends nothing (demo data only). Returns the cases opened.
    """
    from matching import emails

    run = _draft(run)
    pairs = list(run.pairs.select_related("company", "advisor").order_by("company__name", "pk"))
    opened = []
    for pair in pairs:
        active = Case.objects.filter(
            programme_id=run.programme_id, company_id=pair.company_id, status=Case.Status.ACTIVE
        ).first()
        if active is not None and active.advisor_id == pair.advisor_id:
            continue
        if active is not None:
            raise ValidationError(
                _("%(company)s already has an active case with another advisor. Start a new run.")
                % {"company": pair.company.name}
            )
        pair.run = run
        opened.append(case_open(pair=pair, by=by))
    run.status = MatchRun.Status.CONFIRMED
    run.confirmed_by = by
    run.confirmed_at = timezone.now()
    run.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    if discard_other_drafts:
        MatchRun.objects.filter(
            programme_id=run.programme_id, status=MatchRun.Status.DRAFT
        ).exclude(pk=run.pk).update(status=MatchRun.Status.DISCARDED)
    if notify:
        for case in opened:
            emails.send_match_confirmed(case=case)
    return opened


# --------------------------------------------------------------------------- #
# Reads for the pages and the export
# --------------------------------------------------------------------------- #


@dataclass
class RunView:
    run: MatchRun
    pairs: list[MatchPair]
    unmatched: list[dict]
    total: int
    weakest: int | None
    advisor_choices: list[dict]


def run_view(run: MatchRun) -> RunView:
    """A run's pairs with explanations, totals and the advisors one may choose (2 queries)."""
    pairs = list(run.pairs.select_related("company", "advisor").order_by("company__name", "pk"))
    ctx = Context.of(run.inputs, run.weights)
    load: dict[int, int] = {}
    for pair in pairs:
        pair.why = scoring.explain(pair.breakdown)
        advisor = ctx.advisors.get(pair.advisor_id) or {}
        pair.unit_name = advisor.get("unit_name", "")
        pair.is_kept = pair.source == MatchPair.Source.KEPT
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


CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(CSV_DANGEROUS):
        return "'" + text
    return text


def run_csv(run: MatchRun) -> str:
    view = run_view(run)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = [
        _("Company"),
        _("Advisor"),
        _("Advisory unit"),
        _("Score"),
        _("Challenge fit"),
        _("Industry experience"),
        _("Region and format"),
        _("Role fit"),
        _("Source"),
        _("Why / reason"),
    ]
    writer.writerow([csv_cell(h) for h in header])
    for pair in view.pairs:
        points = [pair.breakdown.get(name, {}).get("points", "") for name in scoring.CRITERIA]
        writer.writerow(
            [
                csv_cell(v)
                for v in [
                    pair.company.name,
                    pair.advisor.get_full_name(),
                    pair.unit_name,
                    pair.score,
                    *points,
                    pair.get_source_display(),
                    "; ".join(pair.why),
                ]
            ]
        )
    for row in view.unmatched:
        writer.writerow(
            [
                csv_cell(v)
                for v in [
                    row["company_name"],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    _("Unmatched"),
                    row["reason_text"],
                ]
            ]
        )
    return buffer.getvalue()
