"""Writes to the knowledge site: drafts, publishing, revisions, the initial content.

Every save is validated with the page model's own checks and kept as a revision;
publishing and unpublishing bump the content version after the commit, which
invalidates what readers have cached (`knowledge.pages.cache`). A case page with
an approval (`knowledge.approvals`) is published only while the company's and the
advisor's keys both hold for exactly the text being published; its saves and
publishing are written to the approval's log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from knowledge import initial_content as initial
from knowledge.approvals import services as approvals
from knowledge.approvals.selectors import publish_allowed
from knowledge.approvals.text import text_hash
from knowledge.editor.selectors import (
    CONTENT_KEYS,
    OPTIONAL_KEYS,
    content_of,
    existing_page_pks,
    newest_content,
)
from knowledge.models import KIND_FIELDS, Page, PageRevision, clean_kind_fields
from knowledge.pages.cache import bump_content_version
from knowledge.rendering import render_markdown
from knowledge.search.index import searchable_text, update_search_vector


def _apply(page: Page, content: dict) -> Page:
    """Make `content` the page's live content (validated, rendered, indexed)."""
    for key in CONTENT_KEYS:
        if key != "related":
            setattr(page, key, content.get(key, OPTIONAL_KEYS.get(key)))
    page.fields = clean_kind_fields(page.kind, content["fields"])
    page.body_html = render_markdown(page.body)
    page.body_html_en = render_markdown(page.body_en)
    page.body_text = searchable_text(page)
    page.full_clean(exclude=["related", "search_vector"])
    page.save()
    related = Page.objects.filter(pk__in=content["related"]).exclude(pk=page.pk)
    page.related.set(related)
    update_search_vector(page)
    return page


def _validate(content: dict, page: Page | None) -> dict:
    content = {
        **OPTIONAL_KEYS,
        **content,
        "fields": clean_kind_fields(content["kind"], content.get("fields") or {}),
    }
    content["related"] = sorted({int(pk) for pk in content.get("related") or []})
    # The same model checks for every save, drafts of published pages included.
    probe = Page(
        fields=content["fields"],
        **{key: content[key] for key in CONTENT_KEYS if key not in ("related", "fields")},
    )
    probe.full_clean(exclude=["search_vector"], validate_unique=False)
    clash = Page.objects.filter(slug=content["slug"])
    if page is not None:
        clash = clash.exclude(pk=page.pk)
    if clash.exists():
        raise ValidationError({"slug": _("Another page already uses this address.")})
    return content


def _new_revision(page: Page, content: dict, user, *, note: str = "", published=False):
    return PageRevision.objects.create(
        page=page, content=content, created_by=user, note=note, published=published
    )


@transaction.atomic
def page_save_draft(*, page: Page | None, content: dict, user, note: str = "") -> Page:
    """Save the editor's work as a revision. A published page keeps its live content
    until it is published again; an unpublished page shows the draft to editors."""
    content = _validate(content, page)
    previous_hash = text_hash(newest_content(page)) if page is not None else ""
    if page is None:
        page = Page(status=Page.Status.DRAFT)
    if page.pk is None or not page.is_published:
        _apply(page, content)
        page.has_unpublished_changes = False
    else:
        page.has_unpublished_changes = True
    page.save(update_fields=["has_unpublished_changes", "updated_at"])
    _new_revision(page, content, user, note=note)
    approvals.case_approval_note_save(
        page=page, content=content, previous_hash=previous_hash, user=user
    )
    return page


@transaction.atomic
def page_publish(*, page: Page | None, content: dict | None, user) -> Page:
    """Publish the given content (or the newest revision) and make it public."""
    if content is None:
        if page is None:
            raise ValueError("publishing the newest revision needs the page")
        content = newest_content(page)
    content = _validate(content, page)
    if not publish_allowed(page, content):
        raise ValidationError(
            _(
                "This case page can be published only when the company and its advisor "
                "have both approved exactly this text. Send it for approval first."
            )
        )
    if page is None:
        page = Page()
    now = timezone.now()
    page.status = Page.Status.PUBLISHED
    page.published_at = now
    page.first_published_at = page.first_published_at or now
    page.has_unpublished_changes = False
    _apply(page, content)
    _new_revision(page, content, user, note=_("Published"), published=True)
    transaction.on_commit(bump_content_version)
    approvals.case_approval_note_status(page=page, published=True, user=user)
    return page


@transaction.atomic
def page_unpublish(*, page: Page, user) -> Page:
    was_published = page.is_published
    page.status = Page.Status.DRAFT
    page.save(update_fields=["status", "updated_at"])
    transaction.on_commit(bump_content_version)
    if was_published:
        approvals.case_approval_note_status(page=page, published=False, user=user)
    return page


@transaction.atomic
def page_restore_revision(*, page: Page, revision: PageRevision, user) -> Page:
    """Bring back an earlier version as the newest draft; history stays linear."""
    if revision.page_id != page.pk:
        raise ValidationError(_("That version belongs to another page."))
    stamp = date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")
    content = {**content_of(page), **revision.content}
    # Related pages that were deleted since are dropped quietly.
    content["related"] = existing_page_pks(content.get("related") or [])
    return page_save_draft(
        page=page,
        content=content,
        user=user,
        note=_("Restored from the version of %(date)s") % {"date": stamp},
    )


def _initial_plan() -> list[tuple[dict, str, str, int, dict]]:
    """(item, section, kind, order, fields) of every initial page, in an order where
    the pages a case points at come before the case."""
    plan: list[tuple[dict, str, str, int, dict]] = []
    for order, item in enumerate(initial.SECTIONS):
        plan.append((item, item["slug"], "article", order, {}))
    kinds: list[tuple[list[dict], str, str]] = [
        (initial.PRINCIPLES, "principle", "forebyg-sygefravaer"),
        (initial.ADVISOR_ROLES, "advisor_role", "raadgiverrollen"),
        (initial.PHASES, "phase", "brobyggerfaser"),
        (initial.CHALLENGES, "challenge", "brobyggermetoden"),
        (initial.CASES, "case", "cases"),
    ]
    for items, kind, section in kinds:
        for order, item in enumerate(items, start=1):
            fields = {key: item.get(key) for key, _label, _is_list in KIND_FIELDS[kind]}
            plan.append((item, section, kind, int(item.get("number", order)), fields))
    return plan


@transaction.atomic
def load_initial_content(*, user=None) -> int:
    """Create and publish the initial pages that do not exist yet. Returns how many.

    Pages an editor has already changed are never overwritten.
    """
    created = 0
    by_slug: dict[str, Page] = {}
    for item, section, kind, order, fields in _initial_plan():
        page = Page.objects.filter(slug=item["slug"]).first()
        if page is None:
            # A case points at the principles, phase and challenges it illustrates;
            # those come earlier in the plan, so they exist by now.
            slugs = [*item.get("principles", []), item.get("phase"), *item.get("challenges", [])]
            related = [by_slug[slug].pk for slug in slugs if slug in by_slug]
            page = page_publish(
                page=None,
                content={
                    "section": section,
                    "kind": kind,
                    "slug": item["slug"],
                    "order": order,
                    "title": item["title"],
                    "summary": item.get("summary", ""),
                    "body": item.get("body", ""),
                    "fields": fields,
                    "related": related if kind == "case" else [],
                },
                user=user,
            )
            created += 1
        by_slug[page.slug] = page
    return created
