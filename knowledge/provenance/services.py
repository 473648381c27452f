"""Drafting a page from something a programme produced, with its provenance.

The apps above knowledge (programme, logbook) call `page_draft_with_provenance`
with the page's content and the app-neutral facts of its origin; the page is an
ordinary draft from then on (the editor's preview, revisions and publishing).
Drafting the same source again (the same `source_key`) finds the page made before.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from bifrost.core.slugs import ascii_slug
from knowledge.editor.services import page_save_draft
from knowledge.models import Page, Provenance

SLUG_LENGTH = 60


@dataclass(frozen=True)
class Drafted:
    page: Page
    created: bool


def free_slug(title: str, *, fallback: str) -> str:
    """An unused address made from `title`: "-2", "-3" … added when it is taken."""
    base = ascii_slug(title)
    if len(base) > SLUG_LENGTH:  # cut at a word, not inside one
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    base = base.strip("-") or fallback
    taken = set(Page.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def page_draft_with_provenance(*, content: dict, provenance: dict[str, Any], user: Any) -> Drafted:
    """A draft page of `content` (no slug needed: one is made from the title) with
    its `provenance` (the fields of `Provenance`, `source_key` among them)."""
    existing = (
        Provenance.objects.select_related("page")
        .filter(source_key=provenance["source_key"])
        .first()
    )
    if existing is not None:
        return Drafted(page=existing.page, created=False)
    content = {"order": 0, "summary": "", "body": "", "fields": {}, "related": [], **content}
    if not content.get("slug"):
        content["slug"] = free_slug(content["title"], fallback=content["kind"])
    page = page_save_draft(
        page=None,
        content=content,
        user=user,
        note=(_("Drafted from %(programme)s") % {"programme": provenance["programme_name"]})[:200],
    )
    record = Provenance(page=page, **provenance)
    record.full_clean()
    record.save()
    return Drafted(page=page, created=True)
