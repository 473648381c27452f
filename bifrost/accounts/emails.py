"""E-mail: rendered here, queued after commit, sent by a Celery task.

Messages carry only account information (names, organisations, links). They
never contain anything from logbooks or meetings, which may concern a person's
health: the templates get nothing but the fields passed below.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def deliver(*, to: list[str], subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def queue(*, to: list[str], subject: str, body: str) -> None:
    """Send after the surrounding transaction commits, never for a rolled-back one."""
    from bifrost.accounts.tasks import send_email

    transaction.on_commit(lambda: send_email.delay(to=to, subject=subject, body=body))


def send_invitation(*, invitation, accept_url: str) -> None:
    context = {
        "organisation_name": invitation.organisation.name,
        "role_label": invitation.get_role_display(),
        "inviter_name": invitation.invited_by.get_full_name() if invitation.invited_by else "",
        "accept_url": accept_url,
        "expires_at": invitation.expires_at,
    }
    # Invitees have no language preference yet; the platform's default is Danish.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    queue(to=[invitation.email], subject=subject, body=body)
