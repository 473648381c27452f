"""The advice panel on the dashboard: a workplace's leader (often with no role in the
programme) sees their requests and courses, the named representative what waits for
their confirmation, a provider's people their queue; nobody sees another's requests,
and the panel is left out for people without any of it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


def _panel(client, user):
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response, {p.key: p.data for p in response.context["panels"]}.get("advice.requests")


def test_a_leader_without_a_role_sees_her_requests_and_courses(client, english):
    leader = factories.UserFactory()
    waiting = advice.awaiting_request(leader=leader, workplace_name="Botilbuddet Birkely")
    accepted = advice.accepted_request(leader=leader, workplace_name="Afsnit Ø4")
    advice.awaiting_request(workplace_name="Someone else's ward")
    response, panel = _panel(client, leader)
    assert {r.pk for r in panel.requests} == {waiting.pk, accepted.pk}
    html = response.content.decode()
    assert "Botilbuddet Birkely" in html and "Someone else" not in html
    # A request that became a course leads to the course.
    assert reverse("advice:course_detail", args=[accepted.course.pk]) in html
    assert reverse("advice:request_detail", args=[waiting.pk]) in html


def test_the_representative_is_asked_to_confirm(client, english):
    representative = factories.UserFactory(email="tr@afsnit.example")
    advice.awaiting_request(representative_email="TR@afsnit.example", workplace_name="Afsnit K")
    response, panel = _panel(client, representative)
    assert [r.workplace_name for r in panel.to_confirm] == ["Afsnit K"]
    assert "Waiting for your confirmation" in response.content.decode()


def test_a_providers_advisor_sees_the_queue_length(client):
    provider = advice.ProviderFactory()
    member = factories.advisor(organisation=provider.organisation)
    advice.queued_request(provider=provider)
    advice.queued_request(provider=provider)
    advice.awaiting_request(provider=provider)  # not confirmed by both: not in the queue
    _, panel = _panel(client, member)
    [shown] = panel.providers
    assert shown.pk == provider.pk and shown.queued == 2


def test_no_panel_for_someone_without_requests(client):
    advice.queued_request()
    _, panel = _panel(client, factories.smv_owner())
    assert panel is None


@pytest.mark.parametrize("role_user", [factories.UserFactory, factories.advisor])
def test_the_panel_reads_the_same_number_of_queries_at_10_and_200_requests(
    client, role_user, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the built page (a reload would be kept)
    user = role_user()
    provider = advice.ProviderFactory(organisation=factories.AdvisoryUnitFactory())
    counts = []
    for total in (10, 200):
        existing = user.advice_requests_led.count()
        for _ in range(total - existing):
            advice.AdviceRequestFactory(leader=user, provider=provider)
        client.force_login(user)
        client.get(reverse("dashboard"))  # the first visit of a session records it
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("dashboard")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_someone_without_advice_costs_the_dashboard_one_query(django_assert_num_queries):
    from advice.dashboards.selectors import advice_panel

    advice.queued_request()  # somebody else's
    owner = factories.smv_owner()
    with django_assert_num_queries(1):
        assert advice_panel(owner) is None


def test_only_the_parts_a_person_has_are_read(django_assert_num_queries):
    from advice.dashboards.selectors import advice_panel

    leader = factories.UserFactory()
    advice.queued_request(leader=leader)
    with django_assert_num_queries(2):  # which parts, then the person's requests
        panel = advice_panel(leader)
    assert len(panel.requests) == 1 and panel.to_confirm == [] and list(panel.providers) == []
