"""The meetings' notifications: minutes published. Called by `programme.meetings.services`.

The title names the meeting only; the minutes' text never leaves their page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from programme.meetings.selectors import meeting_participants
from programme.models import Meeting

MINUTES_PUBLISHED = "minutes_published"


def minutes_published(*, meeting: Meeting) -> None:
    """Every participant, once per meeting (publishing again after an edit is quiet)."""
    notify(
        kind=MINUTES_PUBLISHED,
        recipients=meeting_participants(meeting),
        link=reverse("programme:meeting", args=[meeting.pk]),
        cause=f"minutes:{meeting.pk}",
        title_template=_("The minutes of %(meeting)s are published"),
        context={"meeting": meeting.title},
    )
