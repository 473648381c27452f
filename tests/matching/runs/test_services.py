"""Match runs: proposals, exclusions, locks, unmatched reasons, changes, confirmation,
e-mails, and drop-outs with re-matching."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from matching.models import Case, MatchPair, MatchRun, MatchWeights, PairRule
from matching.profiles import services as profile_services
from matching.runs import scoring, services
from matching.runs.reasons import reason_text
from matching.runs.selectors import run_view
from tests.matching.builders import LS, SM, TC, add_advisor, add_company, challenge_only, pairs_of
from tests.matching.factories import CompanyProfileFactory

pytestmark = pytest.mark.usefixtures("english")


# --- Creating runs ------------------------------------------------------------------


def test_run_proposes_the_best_pairs_and_keeps_what_it_used(programme, facilitator, two_by_two):
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run) == {"A": "X", "B": "Y"}
    pair = run.pairs.get(company=two_by_two["a"])
    assert pair.score == 100
    assert pair.source == MatchPair.Source.PROPOSED
    assert pair.breakdown["challenge"]["top"] == SM
    assert run.weights == {"challenge": 1, "industry": 0, "region_format": 0, "role": 0}
    assert {c["name"] for c in run.inputs["companies"]} == {"A", "B"}
    assert {a["name"] for a in run.inputs["advisors"]} == {"X", "Y"}
    assert run.created_by == facilitator
    assert run.status == MatchRun.Status.DRAFT
    assert run.unmatched == []


def test_capacity_lets_one_advisor_take_two(programme, facilitator):
    challenge_only(programme)
    add_company(programme, "A", challenges=[SM])
    add_company(programme, "B", challenges=[SM])
    add_advisor(programme, "X", competences={SM: "strong"}, capacity=2)
    add_advisor(programme, "Y", competences={SM: "some"}, capacity=0)
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run) == {"A": "X", "B": "X"}


def test_no_capacity_left_is_a_reason(programme, facilitator):
    challenge_only(programme)
    add_company(programme, "A")
    add_company(programme, "B")
    add_advisor(programme, "X", competences={SM: "strong"}, capacity=1)
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert len(pairs_of(run)) == 1
    assert [row["reason"] for row in run.unmatched] == ["capacity_taken"]
    assert "needed for other companies" in reason_text(run.unmatched[0]["reason"])


def test_unit_conflict_is_never_proposed(programme, facilitator, two_by_two):
    profile = two_by_two["a"]
    profile_services.company_profile_save(
        programme=programme,
        company=profile,
        by=two_by_two["owner_a"],
        data={"challenges": [SM]},
        existing_units=[two_by_two["unit_x"]],
    )
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run)["A"] == "Y"


def test_must_not_rule_is_never_proposed(programme, facilitator, two_by_two):
    services.pair_rule_add(
        programme=programme,
        company=two_by_two["a"],
        advisor=two_by_two["x"],
        kind=PairRule.Kind.MUST_NOT,
        note="Kender hinanden privat",
        by=facilitator,
    )
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run)["A"] == "Y"


def test_withdrawn_advisor_is_never_proposed(programme, facilitator, two_by_two):
    profile = two_by_two["x"].advisor_profiles.get()
    profile_services.advisor_withdraw(profile=profile, by=facilitator)
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert "X" not in pairs_of(run).values()


def test_lock_is_kept_even_when_worse(programme, facilitator, two_by_two):
    services.pair_rule_add(
        programme=programme,
        company=two_by_two["a"],
        advisor=two_by_two["y"],
        kind=PairRule.Kind.LOCK,
        note="",
        by=facilitator,
    )
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run) == {"A": "Y", "B": "X"}
    assert run.pairs.get(company=two_by_two["a"]).source == MatchPair.Source.LOCKED


def test_company_without_profile_is_unmatched_and_advisor_without_profile_not_a_candidate(
    programme, facilitator
):
    challenge_only(programme)
    add_company(programme, "A")
    add_company(programme, "Uden profil", profile=False)
    add_advisor(programme, "X", competences={SM: "strong"}, capacity=2)
    add_advisor(programme, "Ny", profile=False)
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(run) == {"A": "X"}
    assert run.unmatched == [
        {
            "company_id": run.unmatched[0]["company_id"],
            "company_name": "Uden profil",
            "reason": "no_profile",
        }
    ]
    assert reason_text("no_profile") == "The company has not filled in its profile."


def test_runs_are_deterministic(programme, facilitator):
    challenge_only(programme)
    for name in "ABCD":
        add_company(programme, name)
    for name in "WXYZ":
        add_advisor(programme, name, competences={SM: "some"})
    first = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    second = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert pairs_of(first) == pairs_of(second)


def test_max_min_mode_avoids_the_weak_pair(programme, facilitator):
    challenge_only(programme)
    add_company(programme, "A", challenges=[SM, TC])
    add_company(programme, "B", challenges=[LS])
    add_advisor(programme, "X", competences={SM: "strong", TC: "strong", LS: "some"})
    add_advisor(programme, "Y", competences={TC: "some"})
    total = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    fair = services.match_run_create(programme=programme, mode="max_min", by=facilitator)
    assert pairs_of(total) == {"A": "X", "B": "Y"}
    assert pairs_of(fair) == {"A": "Y", "B": "X"}
    assert run_view(total).weakest == 0
    assert run_view(fair).weakest == 17
    assert fair.mode == MatchRun.Mode.MAX_MIN


def test_all_zero_weights_refuse_a_run(programme, facilitator, two_by_two):
    MatchWeights.objects.filter(programme=programme).update(challenge=0)
    with pytest.raises(ValidationError):
        services.match_run_create(programme=programme, mode="max_total", by=facilitator)


# --- Changing a draft ---------------------------------------------------------------


def test_swap_exchanges_advisors_and_rescores(run, facilitator, two_by_two):
    services.match_run_swap(
        run=run, company_a=two_by_two["a"].pk, company_b=two_by_two["b"].pk, by=facilitator
    )
    assert pairs_of(run) == {"A": "Y", "B": "X"}
    pairs = {p.company_id: p for p in run.pairs.all()}
    assert pairs[two_by_two["a"].pk].score == 0
    assert pairs[two_by_two["a"].pk].source == MatchPair.Source.OVERRIDDEN
    assert run_view(run).total == 0


def test_swap_refuses_an_excluded_pair(run, programme, facilitator, two_by_two):
    PairRule.objects.create(
        programme=programme, company=two_by_two["a"], advisor=two_by_two["y"], kind="must_not"
    )
    run.inputs["rules"].append(
        {
            "company_id": two_by_two["a"].pk,
            "advisor_id": two_by_two["y"].pk,
            "kind": "must_not",
            "note": "",
        }
    )
    run.save()
    with pytest.raises(ValidationError, match="must not be matched"):
        services.match_run_swap(
            run=run, company_a=two_by_two["a"].pk, company_b=two_by_two["b"].pk, by=facilitator
        )
    assert pairs_of(run) == {"A": "X", "B": "Y"}


def test_override_refuses_a_unit_conflict(programme, facilitator, two_by_two):
    profile_services.company_profile_save(
        programme=programme,
        company=two_by_two["a"],
        by=two_by_two["owner_a"],
        data={"challenges": [SM]},
        existing_units=[two_by_two["unit_x"]],
    )
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    with pytest.raises(ValidationError, match="conflict of interest"):
        services.match_run_override(
            run=run, company_id=two_by_two["a"].pk, advisor_id=two_by_two["x"].pk, by=facilitator
        )


def test_override_over_capacity_warns_but_is_done(run, facilitator, two_by_two):
    warnings = services.match_run_override(
        run=run, company_id=two_by_two["b"].pk, advisor_id=two_by_two["x"].pk, by=facilitator
    )
    assert pairs_of(run) == {"A": "X", "B": "X"}
    assert warnings and "capacity for 1" in warnings[0]
    assert run.pairs.get(company=two_by_two["b"]).source == MatchPair.Source.OVERRIDDEN


def test_override_matches_an_unmatched_company(programme, facilitator):
    challenge_only(programme)
    add_company(programme, "A")
    b, _owner = add_company(programme, "B")
    x, _unit = add_advisor(programme, "X", competences={SM: "strong"})
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    unmatched_id = run.unmatched[0]["company_id"]
    services.match_run_override(run=run, company_id=unmatched_id, advisor_id=x.pk, by=facilitator)
    run.refresh_from_db()
    assert run.unmatched == []
    assert run.pairs.count() == 2


def test_confirmed_run_cannot_be_changed(
    run, facilitator, two_by_two, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=run, by=facilitator)
    with pytest.raises(ValidationError):
        services.match_run_swap(
            run=run, company_a=two_by_two["a"].pk, company_b=two_by_two["b"].pk, by=facilitator
        )


# --- Confirming ------------------------------------------------------------------------


def test_confirm_opens_cases_and_emails_both_sides(
    run, programme, facilitator, two_by_two, django_capture_on_commit_callbacks
):
    other = services.match_run_create(programme=programme, mode="max_min", by=facilitator)
    CompanyProfileFactory._meta.model.objects.filter(company=two_by_two["a"]).update(
        needs="Hemmeligt behov om en medarbejder"
    )
    with django_capture_on_commit_callbacks(execute=True):
        opened = services.match_run_confirm(run=run, by=facilitator, discard_other_drafts=True)
    run.refresh_from_db()
    other.refresh_from_db()
    assert run.status == MatchRun.Status.CONFIRMED
    assert run.confirmed_by == facilitator and run.confirmed_at is not None
    assert other.status == MatchRun.Status.DISCARDED
    assert len(opened) == 2
    case = Case.objects.get(company=two_by_two["a"])
    assert case.advisor == two_by_two["x"] and case.status == Case.Status.ACTIVE
    assert case.match_pair.run == run
    # One mail to each company owner, one to each advisor.
    assert len(mail.outbox) == 4
    to_owner = next(m for m in mail.outbox if m.to == [two_by_two["owner_a"].email])
    assert two_by_two["x"].email in to_owner.body
    assert "X" in to_owner.body and "Enhed X" in to_owner.body
    to_advisor = next(m for m in mail.outbox if m.to == [two_by_two["x"].email])
    assert two_by_two["owner_a"].email in to_advisor.body
    assert "A" in to_advisor.body
    with translation.override(settings.LANGUAGE_CODE):
        why = scoring.strengths(case.match_pair.breakdown)
    assert why and all(line in to_owner.body and line in to_advisor.body for line in why)
    for message in mail.outbox:
        assert "Hemmeligt" not in message.body


def test_nothing_is_sent_when_confirming_fails(
    run, programme, facilitator, two_by_two, django_capture_on_commit_callbacks
):
    Case.objects.create(
        programme=programme,
        company=two_by_two["a"],
        advisor=two_by_two["y"],
        unit=two_by_two["y"].advisor_profiles.get().unit,
    )
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.match_run_confirm(run=run, by=facilitator)
    run.refresh_from_db()
    assert run.status == MatchRun.Status.DRAFT
    assert mail.outbox == []


# --- Drop-out and re-match -----------------------------------------------------------------


def test_rematch_keeps_every_other_confirmed_pair(
    programme, facilitator, django_capture_on_commit_callbacks
):
    challenge_only(programme)
    for name, challenge in (("A", SM), ("B", TC), ("C", LS)):
        add_company(programme, name, challenges=[challenge])
    add_advisor(programme, "X", competences={SM: "strong"})
    add_advisor(programme, "Y", competences={TC: "strong"})
    z, _unit = add_advisor(programme, "Z", competences={LS: "strong"})
    add_advisor(programme, "Reserve", competences={LS: "some"})
    first = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=first, by=facilitator)
    assert pairs_of(first) == {"A": "X", "B": "Y", "C": "Z"}
    before = {c.company.name: c.pk for c in Case.objects.filter(status="active")}

    closed = profile_services.advisor_withdraw(profile=z.advisor_profiles.get(), by=facilitator)
    assert [c.company.name for c in closed] == ["C"]
    assert Case.objects.get(pk=before["C"]).status == Case.Status.CLOSED

    mail.outbox.clear()
    rematch = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    assert rematch.is_rematch
    assert pairs_of(rematch) == {"A": "X", "B": "Y", "C": "Reserve"}
    sources = {p.company.name: p.source for p in rematch.pairs.select_related("company")}
    assert sources == {"A": "kept", "B": "kept", "C": "proposed"}
    # Kept pairs cannot be changed in the draft.
    with pytest.raises(ValidationError, match="active case"):
        services.match_run_override(
            run=rematch,
            company_id=first.pairs.get(company__name="A").company_id,
            advisor_id=z.pk,
            by=facilitator,
        )
    with django_capture_on_commit_callbacks(execute=True):
        opened = services.match_run_confirm(run=rematch, by=facilitator)
    assert [c.company.name for c in opened] == ["C"]
    active = {c.company.name: c.pk for c in Case.objects.filter(status="active")}
    assert active["A"] == before["A"] and active["B"] == before["B"]
    assert active["C"] != before["C"]
    assert len(mail.outbox) == 2  # only the new pair's two sides
