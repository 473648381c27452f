"""E-mails when a confirmed match opens a case (queued after the commit).

Each side gets the other party's contact details (name, e-mail, organisation),
the match's score and why they were matched: its strengths only, the weak points
are for the facilitator; nothing from profiles' free text, logbooks or cases.
They are written in the platform's language (`LANGUAGE_CODE`), like the
reasons they give.
"""

from django.conf import settings
from django.utils import translation

from bifrost.core import emails
from bifrost.core.http import absolute_url
from matching.cases.selectors import company_owners
from matching.models import Case
from matching.runs import scoring


def send_match_confirmed(*, case: Case) -> None:
    """Tell the company's owners and the advisor who they were matched with, and why."""
    pair = case.match_pair
    owners = company_owners(case.company_id)
    # The reasons are sentences, made now: in the language the e-mails are written in.
    with translation.override(settings.LANGUAGE_CODE):
        why = scoring.strengths(pair.breakdown) if pair is not None else []
        score = scoring.score_text(pair.score) if pair is not None else ""
    advisor = case.advisor
    common = {
        "programme_name": case.programme.name,
        "company_name": case.company.name,
        "why": why,
        "score": score,
        "url": absolute_url("matching:landing"),
    }
    for owner in owners:
        emails.send(
            to=[owner.email],
            template="matching/email/match_company",
            context={
                **common,
                "recipient_name": owner.get_short_name(),
                "advisor_name": advisor.get_full_name(),
                "advisor_email": advisor.email,
                "unit_name": case.unit.name,
            },
        )
    emails.send(
        to=[advisor.email],
        template="matching/email/match_advisor",
        context={
            **common,
            "recipient_name": advisor.get_short_name(),
            "contacts": [{"name": o.get_full_name(), "email": o.email} for o in owners],
        },
    )
