"""The facilitator's drafting page: facilitators only (404 for participants), one
POST drafts everything, the page says what was made."""

import pytest
from django.urls import reverse
from django.utils.timezone import now

from knowledge.models import Provenance
from programme.exercises.recommendations import services as recommendations

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting5(programme):
    return programme.meetings.get(number=5)


def _url(meeting):
    return reverse("programme:knowledge_drafts", args=[meeting.pk])


def test_participants_get_404(client, meeting5, owner, enrolled_advisor):
    for person in (owner, enrolled_advisor):
        client.force_login(person)
        assert client.get(_url(meeting5)).status_code == 404
        assert client.post(_url(meeting5)).status_code == 404


def test_another_meeting_is_404(client, programme, facilitator):
    client.force_login(facilitator)
    assert client.get(_url(programme.meetings.get(number=2))).status_code == 404


def test_the_facilitator_drafts_in_one_step(client, meeting5, facilitator, owner):
    rec = recommendations.recommendation_propose(meeting=meeting5, author=owner, text="Ring.")
    recommendations.recommendation_publish(recommendation=rec, published=True)
    client.force_login(facilitator)
    page = client.get(_url(meeting5)).text
    assert "Ring" in page
    response = client.post(_url(meeting5))
    assert response.status_code == 302
    provenance = Provenance.objects.get()
    assert (
        reverse("knowledge:editor_edit", args=[provenance.page_id])
        in client.get(_url(meeting5)).text
    )


def test_the_empty_state_says_what_will_appear(client, meeting5, facilitator):
    client.force_login(facilitator)
    assert 'data-testid="empty"' in client.get(_url(meeting5)).text
    response = client.post(_url(meeting5), follow=True)
    assert response.status_code == 200
    assert Provenance.objects.count() == 0


def _published(meeting, author, n):
    from programme.models import Endorsement, Recommendation

    recs = Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting, author=author, text=f"Anbefaling {i}.", published_at=now())
        for i in range(n)
    )
    Endorsement.objects.bulk_create(Endorsement(recommendation=r, user=author) for r in recs)


def test_the_page_queries_do_not_grow(
    client, meeting5, facilitator, owner, django_assert_max_num_queries
):
    client.force_login(facilitator)
    _published(meeting5, owner, 10)
    with django_assert_max_num_queries(20) as small:
        assert client.get(_url(meeting5)).status_code == 200
    _published(meeting5, owner, 190)
    with django_assert_max_num_queries(20) as large:
        assert client.get(_url(meeting5)).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)
