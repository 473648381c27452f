"""Published minutes tell the meeting's participants once; the text stays on its page."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification
from programme.meetings import services

pytestmark = pytest.mark.django_db

SECRET = "Ejeren fortalte om sin depression"


def test_publishing_minutes_tells_every_participant_once(
    meeting, owner, enrolled_advisor, outsider, facilitator
):
    services.minutes_save(meeting=meeting, text=SECRET, publish=False)
    assert not Notification.objects.exists()  # a draft tells no one
    services.minutes_save(meeting=meeting, text=SECRET, publish=True)
    services.minutes_save(meeting=meeting, text=SECRET + " (rettet)", publish=True)
    rows = Notification.objects.filter(kind="minutes_published")
    assert set(rows.values_list("recipient", flat=True)) == {owner.pk, enrolled_advisor.pk}
    row = rows.get(recipient=owner)
    assert row.cause == f"minutes:{meeting.pk}"
    assert row.link == reverse("programme:meeting", args=[meeting.pk])
    assert meeting.title in row.title and SECRET not in row.title
