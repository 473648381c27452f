"""Who may edit the knowledge site: facilitators are its editors. Reading
published pages needs no rule."""

import rules

from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404
from knowledge.models import Page, PageRevision

rules.add_perm("knowledge.view_drafts", is_facilitator)
rules.add_perm("knowledge.edit_page", is_facilitator)


def page_or_404(user, pk: int, perm: str) -> Page:
    return object_or_404(Page.objects.all(), pk=pk, user=user, perm=perm)


def page_revision_or_404(user, pk: int, perm: str, *, page: Page) -> PageRevision:
    """A revision of `page` (a revision of another page is as missing as a wrong id)."""
    return object_or_404(page.revisions.all(), pk=pk, user=user, perm=perm)
