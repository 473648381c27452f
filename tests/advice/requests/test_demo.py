"""The demo requests: every state, through the services, and safe to run again."""

import io

import pytest
from django.utils import timezone

from advice.models import AdviceRequest, RequestState
from advice.requests import demo
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


def test_without_the_catalogue_it_makes_nothing():
    out = io.StringIO()
    demo.load(stdout=out, today=timezone.localdate())
    assert not AdviceRequest.objects.exists() and "no demo catalogue" in out.getvalue()


def test_requests_in_every_state_and_idempotent():
    offer_round = advice.OfferRoundFactory(slug=demo.ROUND_SLUG)
    for slug in (demo.FYRTAARN, demo.HAVOERN, demo.REGNBUE):
        provider = advice.ProviderFactory(slug=slug)
        advice.course_model(provider)
    advice.ThemeFactory(round=offer_round, slug="vold-og-trusler")
    today = timezone.localdate()
    demo.load(stdout=io.StringIO(), today=today)
    count = AdviceRequest.objects.count()
    demo.load(stdout=io.StringIO(), today=today)
    assert AdviceRequest.objects.count() == count == len(demo.STORIES)
    states = set(AdviceRequest.objects.values_list("state", flat=True))
    assert states == set(RequestState.values)
    accepted = AdviceRequest.objects.get(state=RequestState.ACCEPTED)
    assert accepted.course.start_date < today
    assert accepted.course.steps.filter(done_at__isnull=False).count() == 1
    redirected = AdviceRequest.objects.get(workplace_name="Regional IT")
    assert redirected.state == RequestState.QUEUED and redirected.provider.slug == demo.REGNBUE
