"""E-mail: rendered in the recipient's language, queued after the commit, sent by
a Celery task.

Templates get only what the caller passes: messages carry account and programme
information (names, organisations, dates, links), never anything from logbooks
or about a person's health.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from bifrost.core.queue import after_commit


def deliver(*, to: list[str], subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def queue(*, to: list[str], subject: str, body: str) -> None:
    """Send after the surrounding transaction commits, never for a rolled-back one."""
    after_commit("core.send_email", to=to, subject=subject, body=body)


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
    *, to: list[str], template: str, context: Mapping[str, Any], language: str | None = None
) -> None:
    """Render `template` for the recipients and queue it after the commit."""
    subject, body = render(template, context, language=language)
    queue(to=to, subject=subject, body=body)
