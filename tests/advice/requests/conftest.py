"""Fixtures of the request-flow tests: a provider with a course model and people,
and a request sent by the leader through the service (with its link's token)."""

from dataclasses import dataclass

import pytest

from advice.models import AdviceRequest, Provider
from advice.requests import services
from bifrost.accounts.models import User
from tests import factories
from tests.advice import factories as advice


@dataclass
class Sent:
    request: AdviceRequest
    token: str
    leader: User
    representative: User
    provider: Provider
    advisor: User


@pytest.fixture
def sent(db) -> Sent:
    provider = advice.ProviderFactory()
    advice.course_model(provider)
    advisor = factories.advisor(organisation=provider.organisation)
    representative = factories.UserFactory(email="tr@region.example")
    draft = advice.AdviceRequestFactory(
        provider=provider, representative_email="tr@region.example", representative_name="Tove"
    )
    token = services.request_submit(advice_request=draft, by=draft.leader)
    draft.refresh_from_db()
    return Sent(draft, token, draft.leader, representative, provider, advisor)
