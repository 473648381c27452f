"""Confirmation e-mails for a confirmed match (queued after commit).

Each side gets the other party's contact details (name, e-mail, organisation)
and why they were matched; nothing from profiles' free text, logbooks or cases.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from bifrost.accounts.models import Membership, Role
from bifrost.core.emails import queue
from matching import scoring


def _owners(company_id: int) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=company_id, role=Role.SMV_OWNER, user__is_active=True
        )
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def _send(*, to: str, template: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("matching/email/match_subject.txt", context).strip()
        body = render_to_string(f"matching/email/{template}", context)
    queue(to=[to], subject=subject, body=body)


def send_match_confirmed(*, case) -> None:
    """Tell the company's owners and the advisor who they were matched with, and why."""
    pair = case.match_pair
    owners = _owners(case.company_id)
    landing_url = settings.SITE_URL.rstrip("/") + reverse("matching:landing")
    with translation.override(settings.LANGUAGE_CODE):
        why = scoring.explain(pair.breakdown) if pair is not None else []
    advisor = case.advisor
    common = {
        "programme_name": case.programme.name,
        "company_name": case.company.name,
        "why": why,
        "url": landing_url,
    }
    for owner in owners:
        _send(
            to=owner.email,
            template="match_company_body.txt",
            context={
                **common,
                "recipient_name": owner.get_short_name(),
                "advisor_name": advisor.get_full_name(),
                "advisor_email": advisor.email,
                "unit_name": case.unit.name,
            },
        )
    _send(
        to=advisor.email,
        template="match_advisor_body.txt",
        context={
            **common,
            "recipient_name": advisor.get_short_name(),
            "contacts": [{"name": o.get_full_name(), "email": o.email} for o in owners],
        },
    )
