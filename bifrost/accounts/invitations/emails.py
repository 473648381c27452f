"""Account e-mails (invitations), rendered and queued through `bifrost.core.emails`.

Messages carry only account information (names, organisations, links).
"""

from bifrost.core import emails


def send_invitation(*, invitation, accept_url: str) -> None:
    context = {
        "organisation_name": invitation.organisation.name,
        "role_label": invitation.get_role_display(),
        "inviter_name": invitation.invited_by.get_full_name() if invitation.invited_by else "",
        "accept_url": accept_url,
        "expires_at": invitation.expires_at,
    }
    # Invitees have no language preference yet: the platform's default (Danish).
    emails.send(
        to=[invitation.email], template="accounts/email/invitation", context=context, secret=True
    )
