"""Public reading: the front page, the sections, one page, a section as a PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from bifrost.core.page_cache import cache_public_page
from knowledge.editor.rules import may_edit
from knowledge.models import SECTION_ORDER, Kind, Page, Section
from knowledge.pages import pdf, selectors
from knowledge.pages.cache import CONTENT_VERSION_KEY, content_version

# Whole pages for anonymous readers, until the next publish (the version is in the key).
public_page = cache_public_page(version_key=CONTENT_VERSION_KEY)


def _editable(request, page: Page | None) -> Page | None:
    """The page to offer an "Edit" button for: only to an editor the rule allows."""
    return page if page is not None and may_edit(request.user, page) else None


def _render(request, template: str, context: dict, *, editable: Page | None) -> HttpResponse:
    """Render a public page; with the editor's controls on it, the response is this
    reader's alone (the controls sit outside the cached fragments, and no shared
    cache may keep them either)."""
    response = render(request, template, {**context, "editable_page": editable})
    if editable is not None:
        patch_cache_control(response, private=True)
    return response


def _section_or_404(section: str) -> Section:
    try:
        return Section(section)
    except ValueError:
        raise Http404 from None


@public_page
@require_GET
def front_page(request):
    version = content_version()
    overview = selectors.front_page_overview(version=version)
    return _render(
        request,
        "knowledge/pages/front_page.html",
        {**overview, "content_version": version},
        editable=_editable(request, overview["intro"]),
    )


@public_page
@require_GET
def landing(request):
    overview = selectors.front_page_overview()
    sections = list(zip(SECTION_ORDER, overview["section_intros"], strict=True))
    return render(request, "knowledge/pages/landing.html", {"sections": sections})


@public_page
@require_GET
def section(request, section: str):
    current = _section_or_404(section)
    if current == Section.FRONT:
        return redirect("front_page")
    version = content_version()
    pages = selectors.section_pages(current, version=version)
    intro = pages[0] if pages and pages[0].slug == current else None
    children = [page for page in pages if page is not intro]
    return _render(
        request,
        "knowledge/pages/section.html",
        {
            "section": current,
            "intro": intro,
            "children": children,
            "by_kind": {kind.value: selectors.pages_of_kind(children, kind) for kind in Kind},
            "content_version": version,
        },
        editable=_editable(request, intro),
    )


@public_page
@require_GET
def page(request, section: str, slug: str):
    current = _section_or_404(section)
    version = content_version()
    found = selectors.page_for_reader(
        section=current, slug=slug, user=request.user, version=version
    )
    if found is None:
        raise Http404
    if found.is_section_intro:
        return redirect(found.get_absolute_url(), permanent=True)
    related = getattr(found, "published_related", [])
    return _render(
        request,
        "knowledge/pages/page.html",
        {
            "page": found,
            "section": current,
            "related_by_kind": {k.value: selectors.pages_of_kind(related, k) for k in Kind},
            "cases": selectors.case_pages_for(found),
            "content_version": version,
        },
        editable=_editable(request, found),
    )


@require_GET
def section_pdf(request, section: str):
    current = _section_or_404(section)
    version = content_version()
    pages = selectors.section_pages(current, version=version)
    if not pages:
        raise Http404
    content = pdf.section_pdf(request=request, section=current, pages=pages, version=version)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="smv-brobygger-{current.value}.pdf"'
    return response
