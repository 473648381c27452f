"""Who may edit the knowledge site: facilitators are its editors. Reading
published pages needs no rule."""

import rules

from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404
from knowledge.models import Page, PageRevision

EDIT_PAGE = "knowledge.edit_page"

rules.add_perm("knowledge.view_drafts", is_facilitator)
rules.add_perm(EDIT_PAGE, is_facilitator)


def may_edit(user, page: Page | None = None) -> bool:
    """Whether to offer `user` the editor (the navigation link, a page's "Edit").

    The same registered rule the editor's views check, asked of django-rules
    directly: unlike `user.has_perm` it never falls through to Django's
    permission tables, so the question costs no SQL on every page.
    """
    return bool(getattr(user, "is_authenticated", False)) and rules.has_perm(EDIT_PAGE, user, page)


def page_or_404(user, pk: int, perm: str) -> Page:
    return object_or_404(Page.objects.all(), pk=pk, user=user, perm=perm)


def page_revision_or_404(user, pk: int, perm: str, *, page: Page) -> PageRevision:
    """A revision of `page` (a revision of another page is as missing as a wrong id)."""
    return object_or_404(page.revisions.all(), pk=pk, user=user, perm=perm)
