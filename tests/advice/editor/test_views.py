"""The offer's editor: only facilitators (everyone else gets 404), and every refusal is a
clear message on the page, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import CourseModelStep, OfferRound, Provider, ProviderCapacity, Theme
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, facilitator, english):
    client.force_login(facilitator)
    return client


@pytest.fixture
def provider():
    return advice.ProviderFactory(published=False)


@pytest.mark.parametrize("make", [factories.smv_owner, factories.advisor])
def test_only_facilitators_reach_the_editor(client, provider, make):
    client.force_login(make())
    for url in (
        reverse("advice:editor"),
        reverse("advice:editor_provider", args=[provider.pk]),
        reverse("advice:editor_step_create", args=[provider.pk]),
    ):
        assert client.get(url).status_code == 404
    response = client.post(reverse("advice:editor_provider_publish", args=[provider.pk]))
    assert response.status_code == 404
    provider.refresh_from_db()
    assert not provider.published


def test_anonymous_visitors_are_sent_to_the_login(client, provider):
    response = client.get(reverse("advice:editor"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_provider_is_published_only_with_a_follow_up_step(editor, provider):
    url = reverse("advice:editor_provider_publish", args=[provider.pk])
    response = editor.post(url, follow=True)
    assert "follow-up conversation" in response.content.decode()
    provider.refresh_from_db()
    assert not provider.published
    advice.course_model(provider)
    editor.post(url)
    provider.refresh_from_db()
    assert provider.published


def test_a_second_follow_up_step_is_refused_on_the_form(editor, provider):
    advice.course_model(provider)
    response = editor.post(
        reverse("advice:editor_step_create", args=[provider.pk]),
        {"position": 9, "title": "Endnu en samtale", "offset_days": 3, "is_follow_up": "on"},
    )
    assert response.status_code == 200
    assert "already the follow-up conversation" in response.content.decode()
    assert provider.model_steps.filter(is_follow_up=True).count() == 1
    assert not CourseModelStep.objects.filter(title="Endnu en samtale").exists()


def test_a_published_providers_follow_up_step_stays(editor, provider):
    steps = advice.course_model(provider)
    provider.published = True
    provider.save()
    follow_up = steps[-1]
    response = editor.post(
        reverse("advice:editor_step", args=[follow_up.pk]),
        {"position": follow_up.position, "title": follow_up.title, "offset_days": 1},
    )
    assert response.status_code == 200
    assert "keeps its follow-up conversation" in response.content.decode()
    response = editor.post(reverse("advice:editor_step_delete", args=[follow_up.pk]), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert CourseModelStep.objects.filter(pk=follow_up.pk, is_follow_up=True).exists()


def test_an_overlapping_capacity_period_is_refused_with_a_message(editor, provider):
    start = timezone.localdate()
    advice.ProviderCapacityFactory(provider=provider, starts_on=start)
    response = editor.post(
        reverse("advice:editor_capacity_create", args=[provider.pk]),
        {
            "starts_on": (start + timedelta(days=10)).isoformat(),
            "ends_on": (start + timedelta(days=200)).isoformat(),
            "courses": 2,
        },
    )
    assert response.status_code == 200
    assert "overlaps another capacity period" in response.content.decode()
    assert ProviderCapacity.objects.filter(provider=provider).count() == 1


def test_a_capacity_that_ends_before_it_starts_is_refused(editor, provider):
    response = editor.post(
        reverse("advice:editor_capacity_create", args=[provider.pk]),
        {"starts_on": "2030-05-01", "ends_on": "2030-04-01", "courses": 2},
    )
    assert response.status_code == 200
    assert "cannot be before the first day" in response.content.decode()


def test_a_round_is_created_then_published_once_it_has_a_theme(editor):
    response = editor.post(
        reverse("advice:editor_round_create"),
        {
            "name": "2031–2033",
            "slug": "r-2031",
            "accepts_from": "2031-01-07",
            "ends_on": "2033-01-01",
        },
    )
    offer_round = OfferRound.objects.get(slug="r-2031")
    assert response.status_code == 302
    publish = reverse("advice:editor_round_publish", args=[offer_round.pk])
    assert "at least one theme" in editor.post(publish, follow=True).content.decode()
    editor.post(
        reverse("advice:editor_theme_create", args=[offer_round.pk]),
        {"title": "Vold og trusler", "slug": "vold"},
    )
    editor.post(publish)
    offer_round.refresh_from_db()
    assert offer_round.published


def test_themes_are_reordered(editor):
    offer_round = advice.OfferRoundFactory()
    first = advice.ThemeFactory(round=offer_round, position=0)
    second = advice.ThemeFactory(round=offer_round, position=1)
    editor.post(reverse("advice:editor_theme_move", args=[second.pk]), {"direction": "up"})
    order = list(offer_round.themes.order_by("position").values_list("pk", flat=True))
    assert order == [second.pk, first.pk]


def test_deleting_asks_first_and_a_theme_in_use_is_kept(editor):
    theme = advice.ThemeFactory()
    url = reverse("advice:editor_theme_delete", args=[theme.pk])
    assert editor.get(url).status_code == 200
    assert Theme.objects.filter(pk=theme.pk).exists()
    advice.AdviceRequestFactory(round=theme.round, themes=[theme])
    response = editor.post(url, follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_an_unused_theme_is_deleted_after_confirming(editor):
    theme = advice.ThemeFactory()
    editor.post(reverse("advice:editor_theme_delete", args=[theme.pk]))
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_a_provider_is_created_for_a_free_advisory_unit_only(editor):
    unit = factories.AdvisoryUnitFactory()
    company = factories.OrganisationFactory()
    data = {"name": "Ny udbyder", "slug": "ny", "position": 0}
    response = editor.post(
        reverse("advice:editor_provider_create"), {**data, "organisation": company.pk}
    )
    assert response.status_code == 200 and not Provider.objects.filter(slug="ny").exists()
    editor.post(reverse("advice:editor_provider_create"), {**data, "organisation": unit.pk})
    assert Provider.objects.get(slug="ny").organisation == unit


def test_an_angle_for_a_theme_already_described_updates_it(editor, provider):
    theme = advice.ThemeFactory()
    advice.ProviderThemeFactory(provider=provider, theme=theme, headline="Gammel")
    editor.post(
        reverse("advice:editor_angle_create", args=[provider.pk]),
        {"theme": theme.pk, "headline": "Ny vinkel", "angle": "Tekst"},
    )
    assert list(provider.angles.values_list("headline", flat=True)) == ["Ny vinkel"]


JUNK = {"name": "=1+1" * 100, "slug": "ø ø", "accepts_from": "x", "position": "-3", "theme": "x"}


@pytest.mark.parametrize(
    "name",
    ["editor_round_create", "editor_provider_create"],
)
def test_junk_is_refused_with_errors_never_a_500(editor, name):
    assert editor.post(reverse(f"advice:{name}"), JUNK).status_code == 200


def test_junk_on_the_providers_forms_is_refused(editor, provider):
    for name in ("contact_create", "step_create", "angle_create", "capacity_create"):
        response = editor.post(reverse(f"advice:editor_{name}", args=[provider.pk]), JUNK)
        assert response.status_code == 200, name
