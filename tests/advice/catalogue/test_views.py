"""The public catalogue: only published rounds and providers reach the public, the theme
filter works without JavaScript, Markdown is sanitised, and empty states say when."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    offer_round = advice.OfferRoundFactory(
        introduction="Velkommen **til runden**.<script>alert(1)</script>",
        rules_text="- Gratis, men koster arbejdstid",
    )
    violence = advice.ThemeFactory(round=offer_round, title="Vold og trusler", slug="vold")
    change = advice.ThemeFactory(round=offer_round, title="Forandringer", slug="forandringer")
    first = advice.ProviderFactory(name="Udbyder Alfa", slug="alfa")
    advice.course_model(first)
    second = advice.ProviderFactory(name="Udbyder Beta", slug="beta")
    hidden = advice.ProviderFactory(name="Skjult Udbyder", slug="skjult", published=False)
    advice.ProviderThemeFactory(provider=first, theme=violence, headline="Fælles sprog")
    advice.ProviderThemeFactory(provider=second, theme=change)
    advice.ProviderThemeFactory(provider=hidden, theme=violence)
    advice.ContactPersonFactory(provider=first, name="Kontakt Karla")
    return {"round": offer_round, "violence": violence, "first": first, "hidden": hidden}


def test_the_catalogue_shows_the_round_its_themes_and_published_providers(client, catalogue):
    response = client.get(reverse("advice:catalogue"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>til runden</strong>" in html
    assert "<script>alert" not in html
    assert "<li>Gratis, men koster arbejdstid</li>" in html
    assert "Vold og trusler" in html and "Forandringer" in html
    assert "Udbyder Alfa" in html and "Udbyder Beta" in html
    assert "Skjult Udbyder" not in html


def test_the_theme_filter_lists_only_providers_with_an_angle_on_it(client, catalogue):
    response = client.get(reverse("advice:providers"), {"theme": "vold"})
    html = response.content.decode()
    assert "Udbyder Alfa" in html
    assert "Udbyder Beta" not in html
    assert "Skjult Udbyder" not in html
    assert 'value="vold" selected' in html


def test_an_unknown_theme_in_the_filter_shows_all_providers(client, catalogue, english):
    html = client.get(reverse("advice:providers"), {"theme": "nope"}).content.decode()
    assert "Udbyder Alfa" in html and "Udbyder Beta" in html
    assert "not part of the current round" in html


def test_the_theme_page_shows_each_published_providers_angle(client, catalogue):
    html = client.get(reverse("advice:theme", args=["vold"])).content.decode()
    assert "Fælles sprog" in html
    assert "Skjult Udbyder" not in html


def test_the_provider_page_shows_the_model_in_order_with_the_follow_up(client, catalogue, english):
    html = client.get(reverse("advice:provider", args=["alfa"])).content.decode()
    positions = [html.index(t) for t in ("Forberedende møde", "Seminar", "Opfølgningssamtale")]
    assert positions == sorted(positions)
    assert "Required follow-up conversation" in html
    assert "Kontakt Karla" in html
    assert "Fælles sprog" in html


def test_an_unpublished_provider_is_not_found(client, catalogue):
    assert client.get(reverse("advice:provider", args=["skjult"])).status_code == 404
    assert client.get(reverse("advice:provider", args=["findes-ikke"])).status_code == 404


def test_an_unpublished_round_is_not_shown_and_its_themes_are_not_found(client, english):
    offer_round = advice.OfferRoundFactory(published=False, introduction="Hemmelig runde")
    advice.ThemeFactory(round=offer_round, slug="hemmelig")
    response = client.get(reverse("advice:catalogue"))
    assert "Hemmelig runde" not in response.content.decode()
    assert "No offer round is published" in response.content.decode()
    assert client.get(reverse("advice:theme", args=["hemmelig"])).status_code == 404


def test_a_round_not_yet_open_says_when_requests_open(client, english):
    opens = timezone.localdate() + timedelta(days=10)
    advice.OfferRoundFactory(accepts_from=opens, ends_on=opens + timedelta(days=100))
    html = client.get(reverse("advice:catalogue")).content.decode()
    assert "Requests open on" in html


def test_the_catalogue_is_reachable_from_the_front_page_and_the_navigation(client, db):
    html = client.get("/").content.decode()
    assert html.count(f'href="{reverse("advice:catalogue")}"') >= 2


def test_an_editor_change_shows_at_once_despite_the_cache(
    client, catalogue, django_capture_on_commit_callbacks
):
    from advice.editor import services

    client.get(reverse("advice:catalogue"))
    with django_capture_on_commit_callbacks(execute=True):
        services.provider_save(provider=catalogue["first"], data={"name": "Udbyder Omdøbt"})
    assert "Udbyder Omdøbt" in client.get(reverse("advice:catalogue")).content.decode()


@pytest.mark.parametrize("count", [2, 8])
def test_the_catalogue_reads_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    offer_round = advice.OfferRoundFactory()
    theme = advice.ThemeFactory(round=offer_round)
    for _ in range(count):
        provider = advice.ProviderFactory()
        advice.course_model(provider)
        advice.ProviderThemeFactory(provider=provider, theme=theme)
    with django_assert_max_num_queries(8):
        client.get(reverse("advice:catalogue"))
        client.get(reverse("advice:providers"), {"theme": theme.slug})
