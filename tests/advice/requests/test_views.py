"""The request flow's pages: the form (draft, send, exclusions), the representative's
link (account, confirm, leader refused), "my requests", the provider's queue."""

import pytest
from django.urls import reverse

from advice.models import AdviceRequest, RequestState
from bifrost.accounts.models import User
from bifrost.core.models import OutboxEmail
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db

STRONG = "en-lang-Sommer-2026!"


def form_data(provider, **extra) -> dict:
    return {
        "workplace_name": "Regionshospital Nord",
        "workplace_kind": "hospital_ward",
        "unit": "Afsnit 3",
        "provider": provider.pk,
        "situation": "Vi flytter afdeling til efteråret.",
        "goals": "Et fælles sprog.",
        "participants": "20",
        "expected_hours": "40",
        "inspectorate_order": "none",
        "representative_name": "Tove",
        "representative_email": "tove@region.example",
        "representative_role": "safety_rep",
        "exclusions_confirmed": "on",
        **extra,
    }


@pytest.fixture
def setup():
    advice_round = advice.OfferRoundFactory()
    provider = advice.ProviderFactory()
    theme = advice.ThemeFactory(round=advice_round)
    return advice_round, provider, theme


def test_start_page_offers_sign_up_and_login(client, english):
    response = client.get(reverse("advice:request_start") + "?provider=p&theme=t")
    assert response.status_code == 200
    assert b"provider%3Dp" in response.content or b"provider=p" in response.content


def test_the_sign_up_is_opened_for_the_session_only(client, english):
    assert b"closed" in client.get(reverse("account_signup")).content.lower()
    response = client.get(reverse("advice:leader_signup"))
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200 and b'name="password1"' in page.content


def test_the_form_preselects_provider_and_theme(client, english, setup):
    _round, provider, theme = setup
    client.force_login(factories.UserFactory())
    url = reverse("advice:request_create") + f"?provider={provider.slug}&theme={theme.slug}"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["provider"] == provider and form.initial["themes"] == [theme]


def test_draft_then_send(client, english, setup):
    _round, provider, theme = setup
    leader = factories.UserFactory()
    client.force_login(leader)
    data = form_data(provider, themes=[theme.pk], action="draft", situation="")
    response = client.post(reverse("advice:request_create"), data)
    draft = AdviceRequest.objects.get(leader=leader)
    assert response.status_code == 302 and draft.state == RequestState.DRAFT
    assert not OutboxEmail.objects.exists()
    # Sending an incomplete draft: errors, nothing sent, nothing lost.
    response = client.post(
        reverse("advice:request_edit", args=[draft.pk]), {**data, "action": "submit"}
    )
    assert response.status_code == 200 and "situation" in response.context["form"].errors
    assert response.context["form"]["unit"].value() == "Afsnit 3"
    data["situation"] = "Vi flytter afdeling."
    response = client.post(
        reverse("advice:request_edit", args=[draft.pk]), {**data, "action": "submit"}
    )
    draft.refresh_from_db()
    assert draft.state == RequestState.AWAITING_REPRESENTATIVE
    assert list(draft.themes.all()) == [theme]
    mail = OutboxEmail.objects.get()
    assert "Vi flytter" not in mail.body and "fælles sprog" not in mail.body


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"inspectorate_order": "open"}, "inspectorate_order"),
        ({"excluded": ["crisis_help"]}, "excluded"),
        ({"excluded": ["personal_support"]}, "excluded"),
    ],
)
def test_the_exclusions_are_refused_with_a_message(client, english, setup, extra, field):
    _round, provider, _theme = setup
    client.force_login(factories.UserFactory())
    response = client.post(
        reverse("advice:request_create"), form_data(provider, action="submit", **extra)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not AdviceRequest.objects.exists()


def test_no_round_open_says_so(client, english):
    client.force_login(factories.UserFactory())
    response = client.get(reverse("advice:request_create"))
    assert b"No offer round accepts requests today" in response.content


def test_the_representative_creates_an_account_and_confirms(client, english, sent):
    url = reverse("advice:request_confirm", args=[sent.token])
    sent.representative.delete()
    page = client.get(url)
    assert page.status_code == 200 and b"password1" in page.content
    response = client.post(
        url, {"full_name": "Tove Tillid", "password1": STRONG, "password2": STRONG}
    )
    assert response.status_code == 302
    page = client.get(url)
    assert sent.request.situation.encode() in page.content
    response = client.post(url, {"action": "confirm"})
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.QUEUED
    assert sent.request.representative == User.objects.get(email="tr@region.example")
    # The link again, confirmed already: harmless, to the request's page.
    again = client.get(url)
    assert again.status_code == 302


def test_the_leader_opening_the_link_cannot_confirm(client, english, sent):
    client.force_login(sent.leader)
    url = reverse("advice:request_confirm", args=[sent.token])
    assert client.get(url).status_code == 410
    assert client.post(url, {"action": "confirm"}).status_code == 410
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.AWAITING_REPRESENTATIVE


def test_the_representative_withdraws_from_the_link(client, english, sent):
    client.force_login(sent.representative)
    url = reverse("advice:request_confirm", args=[sent.token])
    response = client.post(url, {"action": "withdraw", "reason": "Ikke aftalt med MED."})
    assert response.status_code == 302
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.WITHDRAWN


def test_my_requests_empty_and_listed(client, english, sent):
    client.force_login(factories.UserFactory())
    assert b"You have no course requests yet" in client.get(reverse("advice:my_requests")).content
    client.force_login(sent.leader)
    page = client.get(reverse("advice:my_requests"))
    assert sent.request.workplace_name.encode() in page.content
    client.force_login(sent.representative)
    page = client.get(reverse("advice:my_requests"))
    assert b"Waiting for your confirmation" in page.content


def test_the_provider_sees_the_request_only_once_confirmed(client, english, sent):
    client.force_login(sent.advisor)
    detail = reverse("advice:request_detail", args=[sent.request.pk])
    assert client.get(detail).status_code == 404
    queue = client.get(reverse("advice:provider_queue", args=[sent.provider.slug]))
    assert sent.request.workplace_name.encode() not in queue.content
    from advice.requests import services

    services.request_confirm(token=sent.token, user=sent.representative)
    assert client.get(detail).status_code == 200
    queue = client.get(reverse("advice:provider_queue", args=[sent.provider.slug]))
    assert sent.request.workplace_name.encode() in queue.content
    response = client.post(
        reverse("advice:request_accept", args=[sent.request.pk]), {"start_date": "2099-01-05"}
    )
    assert response.status_code == 302
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.ACCEPTED


def test_the_queue_page_stays_at_a_fixed_number_of_queries(client, django_assert_num_queries):
    provider = advice.ProviderFactory()
    advice.ProviderCapacityFactory(provider=provider)
    member = factories.advisor(organisation=provider.organisation)
    client.force_login(member)
    url = reverse("advice:provider_queue", args=[provider.slug])
    for count in (3, 30):
        while AdviceRequest.objects.filter(provider=provider).count() < count:
            advice.queued_request(provider=provider)
        # session, user, layout; the provider with the access answers; its periods with
        # their started courses; the queue; its themes
        with django_assert_num_queries(7):
            assert client.get(url).status_code == 200


def test_the_capacity_table_counts_advice_courses_not_programmes(client):
    """In Danish "Forløb" alone is the programme; the provider's capacity column names
    the advice courses she can start."""
    provider = advice.ProviderFactory()
    advice.ProviderCapacityFactory(provider=provider, courses=4)
    client.force_login(factories.advisor(organisation=provider.organisation))
    page = client.get(reverse("advice:provider_capacity", args=[provider.slug])).content.decode()
    assert '<th scope="col">Rådgivningsforløb</th>' in page
    assert '<th scope="col">Forløb</th>' not in page
    assert "<td>4</td>" in page
