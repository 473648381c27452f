import re

import pytest
from django.urls import reverse

from knowledge import initial_content, self_assessment
from knowledge.models import RoleSelfAssessment
from knowledge.services import load_initial_content

pytestmark = pytest.mark.django_db


def _answers_favouring(role_slug: str) -> dict[int, int]:
    return {
        index: 5 if item["role"] == role_slug else 1
        for index, item in enumerate(self_assessment.statements())
    }


def test_there_are_about_eight_statements_covering_all_four_roles():
    statements = self_assessment.statements()
    assert 6 <= len(statements) <= 12
    assert {s["role"] for s in statements} == set(self_assessment.role_slugs())
    assert len(self_assessment.role_slugs()) == 4


def test_scoring_averages_per_role():
    slugs = self_assessment.role_slugs()
    scores = self_assessment.score(_answers_favouring(slugs[3]))
    by_role = {score.role_slug: score for score in scores}
    assert by_role[slugs[3]].average == 5.0 and by_role[slugs[3]].percent == 100
    assert by_role[slugs[0]].average == 1.0 and by_role[slugs[0]].percent == 0
    assert self_assessment.strongest(scores) == [slugs[3]]


def test_mixed_answers_give_the_mean_and_ties_are_all_strongest():
    slugs = self_assessment.role_slugs()
    answers = dict.fromkeys(range(len(self_assessment.statements())), 3)
    scores = self_assessment.score(answers)
    assert {score.average for score in scores} == {3.0}
    assert self_assessment.strongest(scores) == slugs


def test_incomplete_or_out_of_range_answers_are_refused():
    with pytest.raises(ValueError):
        self_assessment.score({0: 3})
    answers = dict.fromkeys(range(len(self_assessment.statements())), 3)
    answers[0] = 6
    with pytest.raises(ValueError):
        self_assessment.score(answers)


def _post(client, answers, **extra):
    data = {f"s{index}": value for index, value in answers.items()}
    data.update(extra)
    return client.post(reverse("knowledge:self_assessment"), data)


def test_anonymous_reader_gets_a_profile_and_nothing_is_stored(client):
    load_initial_content()
    expert = initial_content.ADVISOR_ROLES[1]["slug"]
    response = _post(client, _answers_favouring(expert), save_answers="on")
    assert response.status_code == 200
    assert response.context["strongest"][0].slug == expert
    assert response.text.count("<meter") == 4
    assert RoleSelfAssessment.objects.count() == 0


def test_logged_in_reader_saves_only_when_choosing_to(client, advisor):
    client.force_login(advisor)
    answers = _answers_favouring(self_assessment.role_slugs()[2])
    _post(client, answers)
    assert RoleSelfAssessment.objects.count() == 0
    _post(client, answers, save_answers="on")
    saved = RoleSelfAssessment.objects.get()
    assert saved.user == advisor
    assert saved.scores[self_assessment.role_slugs()[2]] == 5.0


def test_missing_answers_keep_the_given_ones_and_explain(client):
    response = client.post(reverse("knowledge:self_assessment"), {"s0": "4"})
    assert response.status_code == 200
    assert response.context["form"].errors
    kept = re.search(r'<input[^>]*id="id_s0_3"[^>]*>', response.text).group(0)
    assert "checked" in kept
    assert 'id="id_s1_error"' in response.text


def test_initial_content_is_complete_and_loads_idempotently(client):
    created = load_initial_content()
    assert created == 7 + 7 + 4 + 3 + 6 + 3
    assert load_initial_content() == 0
    from knowledge.models import Page

    case = Page.objects.filter(kind="case").first()
    kinds = set(case.related.values_list("kind", flat=True))
    assert "principle" in kinds and "phase" in kinds
    for section in ["hvad-er-det", "brobyggermetoden", "raadgiverrollen", "cases"]:
        assert client.get(reverse("knowledge:section", args=[section])).status_code == 200


def test_statements_are_shown_in_english_to_english_readers(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("knowledge:self_assessment")).text
    assert self_assessment.statements()[0]["statement_en"] in html
    assert self_assessment.statements()[0]["statement"] not in html
