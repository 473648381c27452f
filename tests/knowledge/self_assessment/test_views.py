"""Taking the self-assessment: a profile for everyone, saved only on request."""

import re

import pytest
from django.urls import reverse

from knowledge import initial_content
from knowledge.editor.services import load_initial_content
from knowledge.models import RoleSelfAssessment
from knowledge.self_assessment import scoring

pytestmark = pytest.mark.django_db


def test_anonymous_reader_gets_a_profile_and_nothing_is_stored(client, answers_favouring):
    load_initial_content()
    expert = initial_content.ADVISOR_ROLES[1]["slug"]
    response = _post(client, answers_favouring(expert), save_answers="on")
    assert response.status_code == 200
    assert response.context["strongest"][0].slug == expert
    assert response.text.count("<meter") == 4
    assert RoleSelfAssessment.objects.count() == 0


def test_logged_in_reader_saves_only_when_choosing_to(client, advisor, answers_favouring):
    client.force_login(advisor)
    answers = answers_favouring(scoring.role_slugs()[2])
    _post(client, answers)
    assert RoleSelfAssessment.objects.count() == 0
    _post(client, answers, save_answers="on")
    saved = RoleSelfAssessment.objects.get()
    assert saved.user == advisor
    assert saved.scores[scoring.role_slugs()[2]] == 5.0


def _post(client, answers, **extra):
    data = {f"s{index}": value for index, value in answers.items()}
    data.update(extra)
    return client.post(reverse("knowledge:self_assessment"), data)


def test_missing_answers_keep_the_given_ones_and_explain(client):
    response = client.post(reverse("knowledge:self_assessment"), {"s0": "4"})
    assert response.status_code == 200
    assert response.context["form"].errors
    kept = re.search(r'<input[^>]*id="id_s0_3"[^>]*>', response.text).group(0)
    assert "checked" in kept
    assert 'id="id_s1_error"' in response.text


def test_statements_are_shown_in_english_to_english_readers(client, english):
    html = client.get(reverse("knowledge:self_assessment")).text
    assert scoring.statements()[0]["statement_en"] in html
    assert scoring.statements()[0]["statement"] not in html
