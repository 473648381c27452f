"""Prejudice game pages: anonymity holds on every page, the facilitator reviews,
input is kept, the board runs a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme.exercises.prejudice_game import services
from programme.models import Assumption

pytestmark = pytest.mark.django_db


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


def test_facilitator_marks_assumptions_confirmed_or_changed(client, facilitator, owner, meeting1):
    assumption = services.assumption_add(
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
