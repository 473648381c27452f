"""Matching pages: the facilitator's page, run pages (htmx and plain POST), confirmation,
CSV, query counts, and 404 for everyone else."""

import pytest
from django.urls import reverse

from matching.models import Case, MatchPair, MatchRun, MatchWeights, PairRule
from matching.runs import services
from tests import factories
from tests.matching.builders import SM, add_advisor, add_company, challenge_only, pairs_of

pytestmark = pytest.mark.usefixtures("english")


def test_programme_page_shows_profile_status(client, programme, facilitator, two_by_two):
    add_company(programme, "Mangler", profile=False)
    add_advisor(programme, "Uden", profile=False)
    client.force_login(facilitator)
    response = client.get(reverse("matching:programme", args=[programme.pk]))
    assert response.status_code == 200
    rows = {r["company"].name: r["has_profile"] for r in response.context["company_rows"]}
    assert rows == {"A": True, "B": True, "Mangler": False}
    advisors = {
        r["user"].full_name: r["profile"] is not None for r in response.context["advisor_rows"]
    }
    assert advisors == {"X": True, "Y": True, "Uden": False}


def test_weights_form(client, programme, facilitator):
    client.force_login(facilitator)
    url = reverse("matching:weights", args=[programme.pk])
    response = client.post(url, {"challenge": 0, "industry": 0, "region_format": 0, "role": 0})
    assert response.status_code == 200
    assert "At least one weight must be above 0." in response.content.decode()
    response = client.post(url, {"challenge": 11, "industry": 0, "region_format": 0, "role": 1})
    assert response.status_code == 200
    assert "challenge" in response.context["weights_form"].errors
    response = client.post(url, {"challenge": 7, "industry": 1, "region_format": 0, "role": 2})
    assert response.status_code == 302
    assert MatchWeights.objects.get(programme=programme).as_dict() == {
        "challenge": 7,
        "industry": 1,
        "region_format": 0,
        "role": 2,
    }


def test_pair_rules_are_added_and_removed_after_confirmation(
    client, programme, facilitator, two_by_two
):
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:rule_add", args=[programme.pk]),
        {
            "company": two_by_two["a"].pk,
            "advisor": two_by_two["x"].pk,
            "kind": "must_not",
            "note": "Tidligere kollega",
        },
    )
    assert response.status_code == 302
    rule = PairRule.objects.get()
    assert rule.note == "Tidligere kollega" and rule.created_by == facilitator
    # A second rule for the same pair is explained, not a 500.
    response = client.post(
        reverse("matching:rule_add", args=[programme.pk]),
        {"company": two_by_two["a"].pk, "advisor": two_by_two["x"].pk, "kind": "lock"},
    )
    assert response.status_code == 200
    assert "already a rule" in response.content.decode()
    url = reverse("matching:rule_remove", args=[rule.pk])
    assert client.get(url).status_code == 200
    assert PairRule.objects.exists()
    assert client.post(url).status_code == 302
    assert not PairRule.objects.exists()


def test_run_create_and_page(client, programme, facilitator, two_by_two):
    client.force_login(facilitator)
    response = client.post(reverse("matching:run_create", args=[programme.pk]), {"mode": "max_min"})
    run = MatchRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("matching:run", args=[run.pk])
    response = client.get(response.url)
    html = response.content.decode()
    assert response.context["view"].total == 200
    assert response.context["view"].weakest == 100
    assert (
        "Strong competence in stress management, the company&#x27;s most important challenge"
        in html
    )
    assert "Run again with" in html  # the other mode


def test_run_create_refuses_a_bad_mode(client, programme, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("matching:run_create", args=[programme.pk]), {"mode": "random"})
    assert response.status_code == 200
    assert not MatchRun.objects.exists()


def test_override_with_htmx_rerenders_the_scores(client, facilitator, run, two_by_two):
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:run_override", args=[run.pk]),
        {"company": two_by_two["b"].pk, "advisor": two_by_two["x"].pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="run-pairs">')
    assert response.context["view"].total == 100  # A–X 100, B–X 0
    assert response.context["view"].weakest == 0
    assert "capacity for 1" in html  # a warning, not a refusal
    assert pairs_of(run) == {"A": "X", "B": "X"}


def test_override_without_js_redirects_with_a_message(client, facilitator, run, two_by_two):
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:run_override", args=[run.pk]),
        {"company": two_by_two["b"].pk, "advisor": two_by_two["x"].pk},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("matching:run", args=[run.pk])
    assert "The advisor was changed." in response.content.decode()


def test_override_refuses_an_excluded_pair_clearly(client, programme, facilitator, two_by_two):
    PairRule.objects.create(
        programme=programme, company=two_by_two["b"], advisor=two_by_two["x"], kind="must_not"
    )
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:run_override", args=[run.pk]),
        {"company": two_by_two["b"].pk, "advisor": two_by_two["x"].pk},
        headers={"HX-Request": "true"},
    )
    assert "must not be matched" in response.content.decode()
    assert pairs_of(run) == {"A": "X", "B": "Y"}


def test_override_with_nonsense_is_refused(client, facilitator, run, two_by_two):
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:run_override", args=[run.pk]),
        {"company": "x", "advisor": "999999"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Choose an advisor from the list." in response.content.decode()


def test_swap_view(client, facilitator, run, two_by_two):
    client.force_login(facilitator)
    response = client.post(
        reverse("matching:run_swap", args=[run.pk]),
        {"company_a": two_by_two["a"].pk, "company_b": two_by_two["b"].pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert pairs_of(run) == {"A": "Y", "B": "X"}
    assert set(run.pairs.values_list("source", flat=True)) == {MatchPair.Source.OVERRIDDEN}
    response = client.post(
        reverse("matching:run_swap", args=[run.pk]),
        {"company_a": two_by_two["a"].pk, "company_b": two_by_two["a"].pk},
        headers={"HX-Request": "true"},
    )
    assert "Choose two different companies." in response.content.decode()


def test_confirm_has_a_confirmation_step(
    client, facilitator, run, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    url = reverse("matching:run_confirm", args=[run.pk])
    response = client.get(url)
    assert response.status_code == 200
    run.refresh_from_db()
    assert run.status == MatchRun.Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"discard_other_drafts": "on"}, follow=True)
    assert "The match is confirmed" in response.content.decode()
    run.refresh_from_db()
    assert run.status == MatchRun.Status.CONFIRMED
    assert Case.objects.count() == 2


def test_discard(client, facilitator, run):
    client.force_login(facilitator)
    url = reverse("matching:run_discard", args=[run.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    run.refresh_from_db()
    assert run.status == MatchRun.Status.DISCARDED


def test_csv_is_an_attachment(client, facilitator, run):
    client.force_login(facilitator)
    response = client.get(reverse("matching:run_csv", args=[run.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="match-run-{run.pk}.csv"'
    assert "Virksomhed" in response.content.decode("utf-8-sig")


def _management_urls(programme, run, rule, profile):
    return [
        ("get", reverse("matching:programme", args=[programme.pk])),
        ("post", reverse("matching:weights", args=[programme.pk])),
        ("post", reverse("matching:rule_add", args=[programme.pk])),
        ("get", reverse("matching:rule_remove", args=[rule.pk])),
        ("post", reverse("matching:rule_remove", args=[rule.pk])),
        ("get", reverse("matching:advisor_withdraw", args=[profile.pk])),
        ("post", reverse("matching:advisor_withdraw", args=[profile.pk])),
        ("post", reverse("matching:run_create", args=[programme.pk])),
        ("get", reverse("matching:run", args=[run.pk])),
        ("post", reverse("matching:run_override", args=[run.pk])),
        ("post", reverse("matching:run_swap", args=[run.pk])),
        ("get", reverse("matching:run_confirm", args=[run.pk])),
        ("post", reverse("matching:run_confirm", args=[run.pk])),
        ("get", reverse("matching:run_discard", args=[run.pk])),
        ("post", reverse("matching:run_discard", args=[run.pk])),
        ("get", reverse("matching:run_csv", args=[run.pk])),
        ("get", reverse("matching:run_xlsx", args=[run.pk])),
    ]


def test_everyone_but_facilitators_gets_404(client, programme, facilitator, run, two_by_two):
    rule = PairRule.objects.create(
        programme=programme, company=two_by_two["a"], advisor=two_by_two["y"], kind="must_not"
    )
    profile = two_by_two["x"].advisor_profiles.get()
    people = [two_by_two["owner_a"], two_by_two["x"], factories.smv_owner(), factories.advisor()]
    for user in people:
        client.force_login(user)
        for method, url in _management_urls(programme, run, rule, profile):
            response = getattr(client, method)(url)
            assert response.status_code == 404, (user, method, url)
    # Nothing changed.
    run.refresh_from_db()
    assert run.status == MatchRun.Status.DRAFT
    assert PairRule.objects.exists()
    profile.refresh_from_db()
    assert profile.withdrawn_at is None
    client.logout()
    for method, url in _management_urls(programme, run, rule, profile):
        assert getattr(client, method)(url).status_code == 302  # to the login page


def test_unknown_ids_give_404(client, facilitator):
    client.force_login(facilitator)
    for name in (
        "programme",
        "run",
        "run_csv",
        "run_xlsx",
        "rule_remove",
        "advisor_withdraw",
        "run_confirm",
    ):
        assert client.get(reverse(f"matching:{name}", args=[999999])).status_code == 404


def _many(programme, facilitator, n):
    challenge_only(programme)
    for i in range(n):
        add_company(programme, f"Firma {i:03d}")
    for i in range(max(2, n // 2)):
        add_advisor(programme, f"Rådgiver {i:03d}", competences={SM: "some"}, capacity=3)
    return services.match_run_create(programme=programme, mode="max_total", by=facilitator)


@pytest.mark.parametrize("n", [10, 200])
def test_run_page_queries_do_not_grow(
    client, programme, facilitator, n, django_assert_max_num_queries
):
    run = _many(programme, facilitator, n)
    assert run.pairs.count() == n
    client.force_login(facilitator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("matching:run", args=[run.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("n", [10, 200])
def test_programme_page_queries_do_not_grow(
    client, programme, facilitator, n, django_assert_max_num_queries
):
    _many(programme, facilitator, n)
    client.force_login(facilitator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("matching:programme", args=[programme.pk]))
    assert response.status_code == 200
