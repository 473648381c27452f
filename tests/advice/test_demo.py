"""The advice demo catalogue: dated around today, idempotent, providers that can
publish (one follow-up step each) and advisors who can log in."""

import datetime

import pytest
from django.urls import reverse

from advice import demo
from advice.models import OfferRound, Provider, ProviderCapacity
from bifrost.accounts.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 9, 15)


def test_the_demo_catalogue_is_open_today_and_a_rerun_changes_nothing(client):
    demo.load(today=TODAY)
    demo.load(today=TODAY)
    offer_round = OfferRound.objects.get(slug=demo.ROUND_SLUG)
    assert offer_round.accepts_requests_on(TODAY)
    assert offer_round.themes.count() == 4
    assert Provider.objects.published().count() == 3
    for provider in Provider.objects.all():
        steps = list(provider.model_steps.all())
        assert sum(step.is_follow_up for step in steps) == 1
        assert provider.contacts.exists() and provider.angles.exists()
        assert (
            ProviderCapacity.objects.filter(
                provider=provider, starts_on__lte=TODAY, ends_on__gte=TODAY
            ).count()
            == 1
        )
    shapes = {tuple(s.title for s in p.model_steps.all()) for p in Provider.objects.all()}
    assert len(shapes) == 3
    for email in demo.demo_logins():
        assert client.login(email=email, password=DEMO_PASSWORD), email


def test_the_demo_round_reaches_the_public_catalogue(client):
    demo.load(today=datetime.date.today())  # noqa: DTZ011
    html = client.get(reverse("advice:catalogue")).content.decode()
    assert "Rådgivningshuset Regnbue (demo)" in html
