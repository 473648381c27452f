"""Writes for weights, pair rules and match runs.

A run stores its snapshot (`matching.runs.snapshot`): scores of any pair in the
run (for an override or a swap) are computed from it, never from profiles
edited since. Confirming a run opens the cases (`matching.cases.services`) and
tells both sides by e-mail.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from matching.cases import emails, notifications
from matching.cases.selectors import company_owners
from matching.cases.services import case_open
from matching.models import AdvisorProfile, Case, MatchPair, MatchRun, MatchWeights, PairRule
from matching.runs import optimizer, scoring, snapshot
from matching.runs.problem import Assignment
from matching.runs.reasons import EXCLUSION_TEXT
from matching.runs.selectors import weights_of
from matching.runs.snapshot import Context
from programme.models import Enrolment, Programme

# --------------------------------------------------------------------------- #
# Weights and pair rules
# --------------------------------------------------------------------------- #


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


# --------------------------------------------------------------------------- #
# Creating a run
# --------------------------------------------------------------------------- #


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
    weights = _usable_weights(programme)
    inputs = snapshot.take(programme)
    ctx = Context.of(inputs, weights)
    plan = snapshot.plan(inputs, ctx)
    assignment = optimizer.solve(plan.problem, mode=mode)  # type: ignore[arg-type]
    run = MatchRun.objects.create(
        programme=programme,
        mode=mode,
        is_rematch=bool(ctx.kept),
        weights=weights,
        inputs=inputs,
        unmatched=_unmatched(plan, assignment, ctx),
        created_by=by,
    )
    MatchPair.objects.bulk_create(_pairs(run, plan, assignment))
    return run


def _usable_weights(programme: Programme) -> dict[str, int]:
    weights = weights_of(programme).as_dict()
    try:
        scoring.check_weights(weights)
    except ValueError:
        raise ValidationError(_("At least one weight must be above 0.")) from None
    return weights


def _unmatched(plan: snapshot.Plan, assignment: Assignment, ctx: Context) -> list[dict]:
    """Companies left out (no profile, or the optimiser's reason), by name."""
    rows = list(plan.unmatched)
    for company_id, reason in assignment.unmatched.items():
        rows.append(
            {
                "company_id": int(company_id),
                "company_name": ctx.companies[int(company_id)]["name"],
                "reason": reason,
            }
        )
    rows.sort(key=lambda row: (row["company_name"], row["company_id"]))
    return rows


def _pairs(run: MatchRun, plan: snapshot.Plan, assignment: Assignment) -> list[MatchPair]:
    pairs = []
    for c, a in assignment.pairs.items():
        result = plan.results[(int(c), int(a))]
        pairs.append(
            MatchPair(
                run=run,
                company_id=int(c),
                advisor_id=int(a),
                score=result.score,
                breakdown=result.breakdown,
                source=plan.sources.get(int(c), MatchPair.Source.PROPOSED),
            )
        )
    return pairs


# --------------------------------------------------------------------------- #
# Changing, confirming and discarding a draft
# --------------------------------------------------------------------------- #


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
    ``notify=False`` sends and notifies nothing (demo data only). Returns the cases opened.
    """
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
            notifications.match_confirmed(case=case, owners=company_owners(case.company_id))
    return opened
