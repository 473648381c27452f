"""The facilitator's one step: draft knowledge pages from a meeting's results.

Each published recommendation of meeting 5, and each principle or tool agreed at
meeting 6, becomes a draft page on the knowledge site (through knowledge's own
services, with its provenance). Nothing is published here: the drafts go through
the editor (preview, revisions, publish). Drafting again makes only what is new.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.models import Kind, Section
from knowledge.provenance.services import Drafted, page_draft_with_provenance
from programme.knowledge_drafts.selectors import MEETINGS, DraftItem, draftable
from programme.models import Meeting


def _content(item: DraftItem) -> dict:
    # A recommendation's whole text is its summary when the title had to shorten it.
    short = item.kind == Kind.RECOMMENDATION and len(item.text) <= 300
    summary = item.text if short and item.text.rstrip(".") != item.title else ""
    return {
        "section": Section.RECOMMENDATIONS,
        "kind": item.kind,
        "order": item.position,
        "title": item.title,
        "summary": summary,
        "body": item.text,
    }


def _provenance(meeting: Meeting, item: DraftItem) -> dict:
    return {
        "source": item.source,
        "source_key": item.source_key,
        "programme_name": meeting.programme.name,
        "meeting_number": meeting.number,
        "meeting_title": meeting.title,
        "meeting_date": timezone.localdate(meeting.starts_at),
        "companies": item.companies,
        "advisors": item.advisors,
        "source_date": item.source_date,
    }


@transaction.atomic
def knowledge_drafts_create(*, meeting: Meeting, user: Any) -> list[Drafted]:
    """Draft a page for every published recommendation (meeting 5) or every agreed
    principle and tool (meeting 6) that has none yet. Returns one result per item
    (`created` False for those drafted before)."""
    if meeting.number not in MEETINGS:
        raise ValidationError(_("Only development meetings 5 and 6 give knowledge pages."))
    # One drafting at a time per meeting: two clicks make no second page.
    meeting = Meeting.objects.select_for_update().select_related("programme").get(pk=meeting.pk)
    items = draftable(meeting)
    if not items:
        raise ValidationError(
            _("There is nothing to draft yet: publish recommendations or agree principles first.")
        )
    return [
        page_draft_with_provenance(
            content=_content(item), provenance=_provenance(meeting, item), user=user
        )
        for item in items
    ]
