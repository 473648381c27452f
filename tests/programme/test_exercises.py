"""Meeting exercises: prejudice game (1), dilemma workshop (2 and 4), recommendations (5)
and evaluation with principles and tools (6). Access is 404 for anyone who may not
see or do a thing; anonymity holds on every page; lists run a fixed number of queries."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from programme import exercise_selectors as ex_selectors
from programme import exercise_services as ex_services
from programme.models import (
    Assumption,
    Dilemma,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    Principle,
    Recommendation,
    Scenario,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting1(programme):
    return programme.meetings.get(number=1)


@pytest.fixture
def meeting4(programme):
    return programme.meetings.get(number=4)


@pytest.fixture
def meeting5(programme):
    return programme.meetings.get(number=5)


@pytest.fixture
def meeting6(programme):
    return programme.meetings.get(number=6)


@pytest.fixture
def owner(company):
    user = factories.smv_owner(organisation=company)
    user.full_name = "Birthe Skjultvedsen"
    user.save()
    return user


@pytest.fixture
def enrolled_advisor(unit):
    user = factories.advisor(organisation=unit)
    user.full_name = "Rasmus Synligsen"
    user.save()
    return user


@pytest.fixture
def catalogue(db):
    ex_services.dilemma_seed_catalogue()
    return list(Dilemma.objects.order_by("position"))


@pytest.fixture
def choice(meeting, company, owner, catalogue):
    choice, _created = ex_services.dilemma_choose(
        meeting=meeting,
        company=company,
        dilemma=catalogue[0],
        concrete_description="En redaktør arbejder om natten og siger, at det går.",
        user=owner,
    )
    return choice


@pytest.fixture
def recommendation(meeting5, owner):
    return ex_services.recommendation_propose(
        meeting=meeting5, author=owner, text="Start med et kort møde på virksomheden."
    )


@pytest.fixture
def principle(meeting6, facilitator):
    return ex_services.principle_add(
        meeting=meeting6, user=facilitator, kind="principle", title="Små skridt", description=""
    )


def _participant_pages(meeting1, meeting, meeting5, meeting6):
    return [
        reverse("programme:exercise_assumptions", args=[meeting1.pk]),
        reverse("programme:exercise_dilemmas", args=[meeting.pk]),
        reverse("programme:exercise_recommendations", args=[meeting5.pk]),
        reverse("programme:exercise_evaluation", args=[meeting6.pk]),
    ]


# --- Access -------------------------------------------------------------------------------


def test_outsider_gets_404_for_every_exercise_page_and_action(
    client, outsider, meeting1, meeting, meeting5, meeting6, choice, recommendation, principle
):
    recommendation.published_at = recommendation.created_at
    recommendation.save()
    assumption = ex_services.assumption_add(
        meeting=meeting1, author=choice.chosen_by, side="smvs", text="x", anonymous=False
    )
    scenario = ex_services.scenario_save(
        meeting=meeting, user=None, choice=choice, title="Spil", script="Scene"
    )
    client.force_login(outsider)
    for url in [
        *_participant_pages(meeting1, meeting, meeting5, meeting6),
        reverse("programme:recommendations_pdf", args=[meeting5.pk]),
        reverse("programme:scenario_edit", args=[scenario.pk]),
        reverse("programme:scenario_create", args=[meeting.pk, choice.pk]),
        reverse("programme:recommendation_merge", args=[recommendation.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        *_participant_pages(meeting1, meeting, meeting5, meeting6),
        reverse("programme:assumptions_reveal", args=[meeting1.pk]),
        reverse("programme:assumption_review", args=[assumption.pk]),
        reverse("programme:assumption_remove", args=[assumption.pk]),
        reverse("programme:dilemma_add", args=[meeting.pk]),
        reverse("programme:dilemma_seed", args=[meeting.pk]),
        reverse("programme:recommendation_comment", args=[recommendation.pk]),
        reverse("programme:recommendation_endorse", args=[recommendation.pk]),
        reverse("programme:recommendation_publish", args=[recommendation.pk]),
        reverse("programme:evaluation_close", args=[meeting6.pk]),
        reverse("programme:principle_add", args=[meeting6.pk]),
        reverse("programme:principle_delete", args=[principle.pk]),
    ]:
        assert client.post(url, {"text": "x", "published": "1"}).status_code == 404, url
    assert Assumption.objects.filter(pk=assumption.pk).exists()
    assert not Endorsement.objects.exists()


def test_participants_see_the_pages_but_advisors_cannot_moderate(
    client,
    enrolled_advisor,
    owner,
    meeting1,
    meeting,
    meeting5,
    meeting6,
    choice,
    recommendation,
    principle,
):
    assumption = ex_services.assumption_add(
        meeting=meeting1, author=owner, side="smvs", text="De er dyre", anonymous=False
    )
    scenario = ex_services.scenario_save(
        meeting=meeting, user=None, choice=choice, title="Spil", script="Scene"
    )
    client.force_login(enrolled_advisor)
    for url in _participant_pages(meeting1, meeting, meeting5, meeting6):
        assert client.get(url).status_code == 200, url
    for url in [
        reverse("programme:scenario_edit", args=[scenario.pk]),
        reverse("programme:scenario_create", args=[meeting.pk, choice.pk]),
        reverse("programme:recommendation_merge", args=[recommendation.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for url, data in [
        (reverse("programme:assumptions_reveal", args=[meeting1.pk]), {"revealed": "1"}),
        (
            reverse("programme:assumption_review", args=[assumption.pk]),
            {f"a{assumption.pk}-status": "confirmed"},
        ),
        (reverse("programme:assumption_remove", args=[assumption.pk]), {}),
        (reverse("programme:dilemma_add", args=[meeting.pk]), {"title": "t", "description": "d"}),
        (reverse("programme:dilemma_seed", args=[meeting.pk]), {}),
        (reverse("programme:recommendation_publish", args=[recommendation.pk]), {"published": "1"}),
        (
            reverse("programme:recommendation_merge", args=[recommendation.pk]),
            {"target": recommendation.pk},
        ),
        (reverse("programme:evaluation_close", args=[meeting6.pk]), {"closed": "1"}),
        (reverse("programme:principle_add", args=[meeting6.pk]), {"title": "t", "kind": "tool"}),
        (reverse("programme:principle_delete", args=[principle.pk]), {}),
        # Choosing a company dilemma is for the company's SMV owners.
        (
            reverse("programme:exercise_dilemmas", args=[meeting.pk]),
            {"dilemma": choice.dilemma_id, "concrete_description": "x"},
        ),
    ]:
        assert client.post(url, data).status_code == 404, url
    assumption.refresh_from_db()
    assert assumption.status == Assumption.Status.OPEN
    assert Principle.objects.filter(pk=principle.pk).exists()
    assert not ex_selectors.published_recommendations(meeting5)


def test_an_exercise_is_only_reachable_through_its_own_meeting(
    client, owner, meeting, meeting1, kickoff
):
    client.force_login(owner)
    assert (
        client.get(reverse("programme:exercise_assumptions", args=[meeting.pk])).status_code == 404
    )
    assert client.get(reverse("programme:exercise_dilemmas", args=[meeting1.pk])).status_code == 404
    assert (
        client.get(reverse("programme:exercise_evaluation", args=[kickoff.pk])).status_code == 404
    )


def test_facilitator_sees_but_does_not_write_entries(client, facilitator, meeting1, meeting5):
    client.force_login(facilitator)
    url = reverse("programme:exercise_assumptions", args=[meeting1.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "x", "side": "smvs"}).status_code == 404
    url = reverse("programme:exercise_recommendations", args=[meeting5.pk])
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not Assumption.objects.exists()
    assert not Recommendation.objects.exists()


def test_meeting_page_links_to_its_exercise(client, owner, meeting5, kickoff):
    client.force_login(owner)
    html = client.get(reverse("programme:meeting", args=[meeting5.pk])).content.decode()
    assert reverse("programme:exercise_recommendations", args=[meeting5.pk]) in html
    html = client.get(reverse("programme:meeting", args=[kickoff.pk])).content.decode()
    assert "/exercise/" not in html


# --- Meeting 1: prejudice game --------------------------------------------------------------


def test_anonymous_author_never_appears_in_any_page(
    client, owner, enrolled_advisor, facilitator, meeting1
):
    client.force_login(owner)
    url = reverse("programme:exercise_assumptions", args=[meeting1.pk])
    response = client.post(url, {"text": "Rådgivere taler i lange rapporter", "anonymous": "on"})
    assert response.status_code == 302
    client.force_login(enrolled_advisor)
    client.post(url, {"text": "SMV'er har aldrig tid", "anonymous": ""})
    anonymous = Assumption.objects.get(anonymous=True)
    assert anonymous.author == owner  # kept for moderation
    assert anonymous.side == Assumption.Side.SMVS
    assert Assumption.objects.get(anonymous=False).side == Assumption.Side.ADVISORS

    # Before the reveal a participant sees only their own entries.
    html = client.get(url).content.decode()
    assert "SMV&#x27;er har aldrig tid" in html
    assert "Rådgivere taler i lange rapporter" not in html

    client.force_login(facilitator)
    html = client.get(url).content.decode()
    assert "Rådgivere taler i lange rapporter" in html
    assert owner.full_name not in html
    assert enrolled_advisor.full_name in html
    client.post(reverse("programme:assumptions_reveal", args=[meeting1.pk]), {"revealed": "1"})

    for viewer in (enrolled_advisor, owner):
        client.force_login(viewer)
        response = client.get(url)
        html = response.content.decode()
        assert "Rådgivere taler i lange rapporter" in html
        assert owner.full_name not in html
        groups = {side: rows for side, _label, rows in response.context["groups"]}
        assert [row.text for row, _form in groups["smvs"]] == ["Rådgivere taler i lange rapporter"]
        assert [row.text for row, _form in groups["advisors"]] == ["SMV'er har aldrig tid"]
        assert all(form is None for row, form in groups["smvs"] + groups["advisors"])


def test_an_assumption_can_only_be_written_from_ones_own_side(owner, meeting1):
    with pytest.raises(ValidationError):
        ex_services.assumption_add(
            meeting=meeting1, author=owner, side="advisors", text="x", anonymous=False
        )


def test_facilitator_marks_assumptions_confirmed_or_changed(client, facilitator, owner, meeting1):
    assumption = ex_services.assumption_add(
        meeting=meeting1, author=owner, side="smvs", text="De er dyre", anonymous=True
    )
    client.force_login(facilitator)
    url = reverse("programme:assumption_review", args=[assumption.pk])
    response = client.post(
        url, {f"a{assumption.pk}-status": "changed", f"a{assumption.pk}-note": "Første møde gratis"}
    )
    assert response.status_code == 302
    assumption.refresh_from_db()
    assert (assumption.status, assumption.note) == ("changed", "Første møde gratis")

    too_long = "n" * 301
    response = client.post(
        url, {f"a{assumption.pk}-status": "confirmed", f"a{assumption.pk}-note": too_long}
    )
    assert response.status_code == 200
    assert too_long in response.content.decode()  # the input is kept
    assumption.refresh_from_db()
    assert assumption.status == "changed"

    client.post(reverse("programme:assumption_remove", args=[assumption.pk]))
    assert not Assumption.objects.exists()


def test_invalid_assumption_keeps_the_input(client, owner, meeting1):
    client.force_login(owner)
    text = "lang " * 130
    response = client.post(
        reverse("programme:exercise_assumptions", args=[meeting1.pk]),
        {"text": text, "anonymous": "on"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "text" in form.errors
    html = response.content.decode()
    assert text.strip() in html
    assert form["anonymous"].value() is True
    assert "checked" in html
    assert not Assumption.objects.exists()


# --- Meetings 2 and 4: dilemma workshop ------------------------------------------------------


def test_example_catalogue_is_seeded_once(db):
    assert ex_services.dilemma_seed_catalogue() == len(ex_services.EXAMPLE_DILEMMAS) == 5
    assert ex_services.dilemma_seed_catalogue() == 0
    assert Dilemma.objects.count() == 5


def test_company_chooses_and_concretises_a_dilemma(client, owner, company, meeting, catalogue):
    client.force_login(owner)
    url = reverse("programme:exercise_dilemmas", args=[meeting.pk])
    response = client.post(
        url, {"dilemma": catalogue[2].pk, "concrete_description": "Julesalget er vores højsæson."}
    )
    assert response.status_code == 302
    response = client.post(
        url, {"dilemma": catalogue[2].pk, "concrete_description": "Og påsken med."}
    )
    choice = DilemmaChoice.objects.get()
    assert (choice.company, choice.dilemma, choice.concrete_description) == (
        company,
        catalogue[2],
        "Og påsken med.",
    )
    html = client.get(url).content.decode()
    assert "Og påsken med." in html and company.name in html


def test_invalid_dilemma_choice_keeps_the_description(client, owner, meeting, catalogue):
    client.force_login(owner)
    response = client.post(
        reverse("programme:exercise_dilemmas", args=[meeting.pk]),
        {"dilemma": "", "concrete_description": "Vores egen situation"},
    )
    assert response.status_code == 200
    assert "dilemma" in response.context["form"].errors
    assert "Vores egen situation" in response.content.decode()
    assert not DilemmaChoice.objects.exists()


def test_facilitator_makes_a_play_and_records_how_it_went(
    client, facilitator, owner, meeting, meeting4, choice, programme
):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:scenario_create", args=[meeting4.pk, choice.pk]),
        {"title": "Natredaktøren", "script": "To roller: leder og redaktør."},
    )
    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert (scenario.choice, scenario.meeting) == (choice, meeting4)
    url = reverse("programme:scenario_edit", args=[scenario.pk])
    response = client.post(
        url,
        {
            "title": "Natredaktøren",
            "script": "To roller: leder og redaktør.",
            "played_at": "2027-09-15",
            "outcome": "Salen genkendte situationen.",
            "adjustments": "",
        },
    )
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.played_at == date(2027, 9, 15)

    response = client.post(url, {"title": "", "script": "Ny scene", "played_at": "not a date"})
    assert response.status_code == 200
    assert "Ny scene" in response.content.decode()

    with translation.override("en"):
        progress = ex_selectors.exercise_progress(programme)
    assert progress[meeting.pk] == "1 dilemma chosen, 0 scenarios played"
    assert progress[meeting4.pk] == "0 dilemmas chosen, 1 scenario played"

    client.force_login(owner)
    html = client.get(reverse("programme:exercise_dilemmas", args=[meeting4.pk])).content.decode()
    assert "Salen genkendte situationen." in html


def test_a_play_is_made_only_from_the_programmes_own_choices(
    client, facilitator, meeting, catalogue
):
    other = factories.OrganisationFactory()
    from programme import services

    programme2 = services.programme_create_from_template(
        name="Andet forløb",
        description="",
        starts_on=date(2028, 5, 1),
        ends_on=date(2028, 11, 24),
        user=facilitator,
    )
    foreign = DilemmaChoice.objects.create(
        meeting=programme2.meetings.get(number=2),
        company=other,
        dilemma=catalogue[0],
        concrete_description="x",
    )
    client.force_login(facilitator)
    url = reverse("programme:scenario_create", args=[meeting.pk, foreign.pk])
    assert client.get(url).status_code == 404


# --- Meeting 5: recommendations --------------------------------------------------------------


def test_endorsement_is_a_toggle_and_unique_per_person(recommendation, enrolled_advisor):
    assert ex_services.recommendation_endorse_toggle(
        recommendation=recommendation, user=enrolled_advisor
    )
    assert Endorsement.objects.count() == 1
    assert not ex_services.recommendation_endorse_toggle(
        recommendation=recommendation, user=enrolled_advisor
    )
    assert Endorsement.objects.count() == 0
    Endorsement.objects.create(recommendation=recommendation, user=enrolled_advisor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(recommendation=recommendation, user=enrolled_advisor)


def test_endorse_through_the_page(client, enrolled_advisor, recommendation, meeting5):
    client.force_login(enrolled_advisor)
    url = reverse("programme:recommendation_endorse", args=[recommendation.pk])
    assert client.post(url).status_code == 302
    board = ex_selectors.recommendations_board(meeting5, enrolled_advisor)
    assert (board[0].endorsement_count, board[0].endorsed_by_me) == (1, True)
    client.post(url)
    board = ex_selectors.recommendations_board(meeting5, enrolled_advisor)
    assert (board[0].endorsement_count, board[0].endorsed_by_me) == (0, False)


def test_merge_moves_endorsements_without_counting_anyone_twice(meeting5, owner, programme):
    people = [factories.smv_owner(organisation=owner.memberships.get().organisation) for _ in "abc"]
    a = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="Mød dem lokalt")
    b = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="Mød dem på stedet")
    c = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="Besøg dem")
    for rec, users in [(a, people[:2]), (b, people[1:]), (c, [owner])]:
        for user in users:
            ex_services.recommendation_endorse_toggle(recommendation=rec, user=user)
    ex_services.recommendation_publish(recommendation=b, published=True)
    ex_services.recommendation_merge(source=c, target=b)
    ex_services.recommendation_merge(source=b, target=a)

    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert b.merged_into == a and b.published_at is None
    assert c.merged_into == a  # follows the chain
    assert set(a.endorsements.values_list("user", flat=True)) == {p.pk for p in people} | {owner.pk}
    assert not b.endorsements.exists() and not c.endorsements.exists()
    board = ex_selectors.recommendations_board(meeting5, owner)
    assert [(r.pk, r.endorsement_count) for r in board] == [(a.pk, 4)]
    assert {r.pk for r in board[0].merged.all()} == {b.pk, c.pk}
    with translation.override("en"):
        progress = ex_selectors.exercise_progress(programme)
    assert progress[meeting5.pk] == ("1 recommendation, 0 published")

    with pytest.raises(ValidationError):
        ex_services.recommendation_endorse_toggle(recommendation=b, user=owner)
    with pytest.raises(ValidationError):
        ex_services.recommendation_merge(source=a, target=a)
    with pytest.raises(ValidationError):
        ex_services.recommendation_merge(source=a, target=b)
    with pytest.raises(ValidationError):
        ex_services.recommendation_publish(recommendation=b, published=True)


def test_facilitator_merges_through_the_page(client, facilitator, owner, meeting5):
    a = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="Første")
    b = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="Dublet")
    client.force_login(facilitator)
    url = reverse("programme:recommendation_merge", args=[b.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 200 and "target" in response.context["form"].errors
    response = client.post(url, {"target": a.pk})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.merged_into == a
    assert client.get(url).status_code == 404  # already merged


def test_published_set_and_pdf_for_participants_only(
    client, facilitator, enrolled_advisor, outsider, recommendation, meeting5, owner
):
    draft = ex_services.recommendation_propose(
        meeting=meeting5, author=owner, text="Et udkast der ikke kommer med"
    )
    pdf_url = reverse("programme:recommendations_pdf", args=[meeting5.pk])
    client.force_login(enrolled_advisor)
    assert client.get(pdf_url).status_code == 404  # nothing published yet

    client.force_login(facilitator)
    url = reverse("programme:recommendation_publish", args=[recommendation.pk])
    assert client.post(url, {"published": "1"}).status_code == 302
    assert [r.pk for r in ex_selectors.published_recommendations(meeting5)] == [recommendation.pk]
    assert client.get(pdf_url).status_code == 200

    client.force_login(enrolled_advisor)
    response = client.get(reverse("programme:exercise_recommendations", args=[meeting5.pk]))
    assert [r.pk for r in response.context["published"]] == [recommendation.pk]
    assert draft.pk in [r.pk for r in response.context["board"]]
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

    client.force_login(outsider)
    assert client.get(pdf_url).status_code == 404


def test_invalid_recommendation_and_comment_keep_the_input(
    client, enrolled_advisor, recommendation, meeting5
):
    client.force_login(enrolled_advisor)
    long_text = "anbefaling " * 150
    response = client.post(
        reverse("programme:exercise_recommendations", args=[meeting5.pk]), {"text": long_text}
    )
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert long_text.strip() in response.content.decode()

    url = reverse("programme:recommendation_comment", args=[recommendation.pk])
    long_comment = "kommentar " * 120
    response = client.post(url, {f"c{recommendation.pk}-text": long_comment})
    assert response.status_code == 200
    assert long_comment.strip() in response.content.decode()
    response = client.post(url, {f"c{recommendation.pk}-text": "Godt forslag"})
    assert response.status_code == 302
    assert recommendation.comments.get().text == "Godt forslag"


def _recommendations_with_activity(meeting5, count: int, people: list) -> None:
    recs = Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting5, author=people[i % len(people)], text=f"Anbefaling {i}")
        for i in range(count)
    )
    from programme.models import RecommendationComment

    RecommendationComment.objects.bulk_create(
        RecommendationComment(recommendation=r, author=people[0], text="Enig") for r in recs
    )
    Endorsement.objects.bulk_create(
        Endorsement(recommendation=r, user=user) for r in recs for user in people
    )
    Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting5, author=people[0], text="dublet", merged_into=r)
        for r in recs[:3]
    )


def test_recommendation_board_query_count_does_not_grow(client, enrolled_advisor, owner, meeting5):
    client.force_login(enrolled_advisor)
    url = reverse("programme:exercise_recommendations", args=[meeting5.pk])
    people = [owner, enrolled_advisor]
    _recommendations_with_activity(meeting5, 10, people)
    client.get(url)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    _recommendations_with_activity(meeting5, 90, people)
    with CaptureQueriesContext(connection) as hundred:
        response = client.get(url)
    assert len(response.context["board"]) == 100
    assert len(hundred) == len(ten)


def test_assumption_board_query_count_does_not_grow(
    django_assert_max_num_queries, client, facilitator, owner, enrolled_advisor, meeting1
):
    client.force_login(facilitator)
    url = reverse("programme:exercise_assumptions", args=[meeting1.pk])

    def add(n):
        Assumption.objects.bulk_create(
            Assumption(
                meeting=meeting1,
                author=(owner, enrolled_advisor)[i % 2],
                side=("smvs", "advisors")[i % 2],
                text=f"Antagelse {i}",
                anonymous=bool(i % 3),
            )
            for i in range(n)
        )

    add(10)
    client.get(url)
    with CaptureQueriesContext(connection) as ten:
        client.get(url)
    add(90)
    with django_assert_max_num_queries(len(ten)):
        response = client.get(url)
    assert sum(len(rows) for _s, _l, rows in response.context["groups"]) == 100


# --- Meeting 6: evaluation ------------------------------------------------------------------


def _answers(value: int, **overrides) -> dict:
    answers = {key: value for key, _text in ex_selectors.EVALUATION_QUESTIONS}
    answers.update(overrides)
    return answers


def test_evaluation_summary_counts_and_averages(
    client, facilitator, owner, enrolled_advisor, meeting6, company, programme
):
    third = factories.smv_owner(organisation=company)
    ex_services.evaluation_submit(
        meeting=meeting6, respondent=owner, answers=_answers(5, useful=4), free_text="Tak!"
    )
    ex_services.evaluation_submit(
        meeting=meeting6, respondent=enrolled_advisor, answers=_answers(4), free_text=""
    )
    ex_services.evaluation_submit(meeting=meeting6, respondent=third, answers=_answers(2))

    summary = ex_selectors.evaluation_summary(meeting6)
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
    with translation.override("en"):
        assert ex_selectors.exercise_progress(programme)[meeting6.pk] == "3 of 3 answered"

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
    assert client.post(url, {**_answers(3), "free_text": "Først"}).status_code == 302
    assert client.post(url, {**_answers(4), "free_text": "Siden"}).status_code == 302
    response = EvaluationResponse.objects.get()
    assert (response.answers["useful"], response.free_text) == (4, "Siden")

    client.force_login(facilitator)
    client.post(reverse("programme:evaluation_close", args=[meeting6.pk]), {"closed": "1"})

    client.force_login(owner)
    response = client.post(url, {**_answers(1), "free_text": "For sent"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert EvaluationResponse.objects.get().answers["useful"] == 4


def test_incomplete_evaluation_keeps_the_input(client, owner, meeting6):
    client.force_login(owner)
    data = {**_answers(5), "free_text": "Mit svar der ikke må forsvinde"}
    del data["tools"]
    response = client.post(reverse("programme:exercise_evaluation", args=[meeting6.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["tools"]
    html = response.content.decode()
    assert "Mit svar der ikke må forsvinde" in html
    assert html.count("checked") == len(ex_selectors.EVALUATION_QUESTIONS) - 1
    assert not EvaluationResponse.objects.exists()


def test_out_of_range_answers_are_refused(owner, meeting6):
    with pytest.raises(ValidationError):
        ex_services.evaluation_submit(meeting=meeting6, respondent=owner, answers=_answers(6))


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


# --- Progress --------------------------------------------------------------------------------


def test_exercise_progress_summarises_each_exercise_meeting(
    programme, meeting1, meeting5, owner, enrolled_advisor, kickoff
):
    ex_services.assumption_add(
        meeting=meeting1, author=owner, side="smvs", text="a", anonymous=True
    )
    second = ex_services.assumption_add(
        meeting=meeting1, author=enrolled_advisor, side="advisors", text="b", anonymous=False
    )
    ex_services.assumption_review(assumption=second, status="confirmed", note="")
    rec = ex_services.recommendation_propose(meeting=meeting5, author=owner, text="r")
    ex_services.recommendation_propose(meeting=meeting5, author=owner, text="s")
    ex_services.recommendation_publish(recommendation=rec, published=True)

    with CaptureQueriesContext(connection) as queries, translation.override("en"):
        progress = ex_selectors.exercise_progress(programme)
    assert len(queries) <= 2
    numbers = dict(programme.meetings.values_list("pk", "number"))
    assert sorted(numbers[pk] for pk in progress) == [1, 2, 4, 5, 6]
    assert kickoff.pk not in progress
    assert progress[meeting1.pk] == "2 assumptions, 1 discussed"
    assert progress[meeting5.pk] == "2 recommendations, 1 published"


def test_merging_keeps_the_comments_and_merged_ones_take_no_more(
    programme, owner, enrolled_advisor
):
    from django.core.exceptions import ValidationError

    from programme import exercise_services
    from programme.models import RecommendationComment

    meeting5 = programme.meetings.get(number=5)
    first = exercise_services.recommendation_propose(
        meeting=meeting5, author=owner, text="Besøg først"
    )
    duplicate = exercise_services.recommendation_propose(
        meeting=meeting5, author=enrolled_advisor, text="Kom på besøg før forløbet"
    )
    exercise_services.recommendation_comment(
        recommendation=duplicate, author=owner, text="Enig, det gjorde en forskel"
    )
    exercise_services.recommendation_merge(source=duplicate, target=first)
    assert RecommendationComment.objects.get().recommendation_id == first.pk
    duplicate.refresh_from_db()
    with pytest.raises(ValidationError):
        exercise_services.recommendation_comment(
            recommendation=duplicate, author=owner, text="For sent"
        )
