from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.html import strip_tags

from bifrost.core import emails

#: Set in the session by a page that opens the sign-up for one path (a workplace
#: leader who requests an advice course, `advice.requests.views.leader_signup`).
SIGNUP_SESSION_KEY = "signup_opened"

#: The name allauth's messages greet and sign with ("Hej fra …!"); without the sites
#: framework they would use the request's host (e.g. "127.0.0.1:8000").
SITE_NAME = "SMV-brobygger"


def _mail_site() -> SimpleNamespace:
    return SimpleNamespace(name=SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def open_signup(request) -> None:
    """Let this browser's session use the sign-up form (with e-mail verification)."""
    request.session[SIGNUP_SESSION_KEY] = True


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # People join by invitation from a facilitator; the only open sign-up is the
        # one a page opened for this session (workplace leaders requesting advice).
        return bool(request is not None and request.session.get(SIGNUP_SESSION_KEY))

    def clean_email(self, email: str) -> str:
        """allauth's e-mail field takes Django's 320 characters, but its address
        column holds 254 (`ACCOUNT_EMAIL_MAX_LENGTH`): a longer address is refused
        on the form, not by the database (a 500 on "add e-mail address")."""
        email = super().clean_email(email)
        MaxLengthValidator(app_settings.EMAIL_MAX_LENGTH)(email)
        return email

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's own messages (address verification, password reset, sign-in
        codes, security notices) take the same path as every other e-mail: written
        to the outbox, sent by a task after the commit, and retried by the sweeper
        while the broker or the mail server is down, instead of sent in the request."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": _mail_site()} | context,
        )
        body = message.body
        if message.content_subtype == "html":  # only an HTML template: the outbox is text
            body = strip_tags(body)
        # Most of these carry a one-time link or code: the outbox forgets the body once sent.
        emails.queue(to=list(message.to), subject=message.subject, body=body, secret=True)
