"""The e-mails to the representative: the invitation to confirm and the one reminder.

They name the leader, the workplace and the provider and carry the link; never the
request's text (the situation, the goals): the representative reads those on the
page behind the link, after logging in.
"""

from advice.models import AdviceRequest
from bifrost.core import emails
from bifrost.core.http import absolute_url
from bifrost.core.people import display_name

INVITATION = "advice/requests/email/invitation"
REMINDER = "advice/requests/email/reminder"


def _context(advice_request: AdviceRequest, token: str) -> dict:
    return {
        "leader": display_name(advice_request.leader),
        "workplace": advice_request.workplace_name,
        "provider": advice_request.provider.name if advice_request.provider else "",
        "representative": advice_request.representative_name,
        "expires_at": advice_request.expires_at,
        "confirm_url": absolute_url("advice:request_confirm", token=token),
    }


def send_invitation(advice_request: AdviceRequest, *, token: str, key: str) -> None:
    emails.send(
        to=[advice_request.representative_email],
        template=INVITATION,
        context=_context(advice_request, token),
        key=key,
        secret=True,  # the confirmation link
    )


def send_reminder(advice_request: AdviceRequest, *, token: str, key: str) -> None:
    emails.send(
        to=[advice_request.representative_email],
        template=REMINDER,
        context=_context(advice_request, token),
        key=key,
        secret=True,  # the confirmation link
    )
