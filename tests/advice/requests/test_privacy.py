"""The advice offer's part of a person's data: the download and the erasure."""

import pytest

from advice.models import AdviceRequest, RequestState
from advice.requests import privacy
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


def test_the_leader_gets_their_requests_and_the_representative_theirs():
    request = advice.accepted_request()
    led = privacy.personal_data(request.leader)
    assert led["requests_as_leader"][0]["situation"] == request.situation
    represented = privacy.personal_data(request.representative)
    assert represented["requests_as_representative"][0]["pk"] == request.pk
    assert "situation" not in represented["requests_as_representative"][0]


def test_erasure_deletes_drafts_and_cuts_the_links():
    sent = advice.accepted_request()
    draft = advice.AdviceRequestFactory(leader=sent.leader)
    leader, representative = sent.leader, sent.representative
    privacy.erase(leader)
    privacy.erase(representative)
    assert not AdviceRequest.objects.filter(pk=draft.pk).exists()
    sent.refresh_from_db()
    assert sent.leader is None and sent.representative is None
    assert sent.state == RequestState.ACCEPTED and sent.representative_name == ""
