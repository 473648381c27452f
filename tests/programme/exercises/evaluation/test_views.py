"""Evaluation pages: the summary without names, one response per person until
closed, input kept, principles as sanitised Markdown."""

import pytest
from django.urls import reverse

from programme.exercises import selectors as exercise_selectors
from programme.exercises.evaluation import selectors, services
from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS
from programme.models import EvaluationResponse
from tests import factories
from tests.programme.exercises.helpers import answers_of

pytestmark = pytest.mark.django_db


def test_evaluation_summary_counts_and_averages(
    client, facilitator, owner, enrolled_advisor, meeting6, company, programme, english
):
    third = factories.smv_owner(organisation=company)
    services.evaluation_submit(
        meeting=meeting6, respondent=owner, answers=answers_of(5, useful=4), free_text="Tak!"
    )
    services.evaluation_submit(
        meeting=meeting6, respondent=enrolled_advisor, answers=answers_of(4), free_text=""
    )
    services.evaluation_submit(meeting=meeting6, respondent=third, answers=answers_of(2))

    summary = selectors.evaluation_summary(meeting6)
    assert (summary["responded"], summary["participants"]) == (3, 3)
    useful = next(q for q in summary["questions"] if q.key == "useful")
    assert [(value, count) for value, _label, count, _share in useful.counts] == [
        (1, 0),
        (2, 1),
        (3, 0),
        (4, 2),
        (5, 0),
    ]
    assert str(useful.average) == "3.3"  # (4 + 4 + 2) / 3
    tools = next(q for q in summary["questions"] if q.key == "tools")
    assert str(tools.average) == "3.7"  # (5 + 4 + 2) / 3
    assert [share for *_rest, share in tools.counts] == [0, 33, 0, 33, 33]
    assert summary["free_texts"] == ["Tak!"]
    assert exercise_selectors.exercise_progress(programme)[meeting6.pk] == "3 of 3 answered"

    client.force_login(facilitator)
    html = client.get(reverse("programme:exercise_evaluation", args=[meeting6.pk])).content.decode()
    assert 'data-testid="count-useful-4">2<' in html
    assert 'value="3.3"' in html  # the <meter> gets a machine-readable number
    assert "Tak!" in html
    assert owner.full_name not in html  # free text is listed without names

    client.force_login(owner)
    response = client.get(reverse("programme:exercise_evaluation", args=[meeting6.pk]))
    assert "summary" not in response.context


def test_one_response_per_person_editable_until_closed(client, owner, facilitator, meeting6):
    client.force_login(owner)
    url = reverse("programme:exercise_evaluation", args=[meeting6.pk])
    assert client.post(url, {**answers_of(3), "free_text": "Først"}).status_code == 302
    assert client.post(url, {**answers_of(4), "free_text": "Siden"}).status_code == 302
    response = EvaluationResponse.objects.get()
    assert (response.answers["useful"], response.free_text) == (4, "Siden")

    client.force_login(facilitator)
    client.post(reverse("programme:evaluation_close", args=[meeting6.pk]), {"closed": "1"})

    client.force_login(owner)
    response = client.post(url, {**answers_of(1), "free_text": "For sent"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert EvaluationResponse.objects.get().answers["useful"] == 4


def test_incomplete_evaluation_keeps_the_input(client, owner, meeting6):
    client.force_login(owner)
    data = {**answers_of(5), "free_text": "Mit svar der ikke må forsvinde"}
    del data["tools"]
    response = client.post(reverse("programme:exercise_evaluation", args=[meeting6.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["tools"]
    html = response.content.decode()
    assert "Mit svar der ikke må forsvinde" in html
    assert html.count("checked") == len(EVALUATION_QUESTIONS) - 1
    assert not EvaluationResponse.objects.exists()


def test_principles_are_markdown_without_raw_html(client, facilitator, owner, meeting6):
    client.force_login(facilitator)
    url = reverse("programme:principle_add", args=[meeting6.pk])
    response = client.post(
        url,
        {
            "kind": "tool",
            "title": "Forandringslogik",
            "description": "**Udfordring** → tiltag <script>alert(1)</script>",
        },
    )
    assert response.status_code == 302
    response = client.post(url, {"kind": "tool", "title": "", "description": "Beholdes"})
    assert response.status_code == 200
    assert "Beholdes" in response.content.decode()

    client.force_login(owner)
    html = client.get(reverse("programme:exercise_evaluation", args=[meeting6.pk])).content.decode()
    assert "<strong>Udfordring</strong>" in html
    assert "<script>alert(1)" not in html
