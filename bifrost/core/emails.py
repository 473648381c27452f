"""E-mail: rendered in the recipient's language and written to the outbox in the
transaction of the change that causes it; a task sends it after the commit and
the beat sweeper retries whatever is still unsent (`bifrost.core.outbox`).

Templates get only what the caller passes: messages carry account and programme
information (names, organisations, dates, links), never anything from logbooks
or about a person's health.
"""

import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from bifrost.core.models import OutboxEmail
from bifrost.core.queue import after_commit_or_sweep


def deliver(*, to: list[str], subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def queue(
    *, to: list[str], subject: str, body: str, key: str | None = None, secret: bool = False
) -> OutboxEmail:
    """Write the e-mail to the outbox (in the caller's transaction) and send it after
    the commit. `key` names the cause, so writing the same cause twice sends once;
    without one every call is its own e-mail. A rolled-back change sends nothing.
    `secret`: the body holds a one-time link, emptied once the e-mail is finished."""
    email, created = OutboxEmail.objects.get_or_create(
        key=key or f"once:{uuid.uuid4().hex}",
        defaults={"to": list(to), "subject": subject[:300], "body": body, "holds_secret": secret},
    )
    if created:
        after_commit_or_sweep("core.send_outbox_email", email.pk)
    return email


def render(
    template: str, context: Mapping[str, Any], *, language: str | None = None
) -> tuple[str, str]:
    """Subject and body from `<template>_subject.txt` and `<template>_body.txt`, in
    `language` (the platform's default, Danish, when the recipient has none)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", dict(context)).strip()
        body = render_to_string(f"{template}_body.txt", dict(context))
    return " ".join(subject.split()), body


def send(
    *,
    to: list[str],
    template: str,
    context: Mapping[str, Any],
    language: str | None = None,
    key: str | None = None,
    secret: bool = False,
) -> OutboxEmail:
    """Render `template` for the recipients and put it in the outbox."""
    subject, body = render(template, context, language=language)
    return queue(to=to, subject=subject, body=body, key=key, secret=secret)
