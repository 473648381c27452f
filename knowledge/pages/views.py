"""Public reading: the front page, the sections, one page, a section as a PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from bifrost.core.page_cache import cache_public_page
from knowledge.models import SECTION_ORDER, Kind, Section
from knowledge.pages import pdf, selectors
from knowledge.pages.cache import CONTENT_VERSION_KEY, content_version

# Whole pages for anonymous readers, until the next publish (the version is in the key).
public_page = cache_public_page(version_key=CONTENT_VERSION_KEY)


def _section_or_404(section: str) -> Section:
    try:
        return Section(section)
    except ValueError:
        raise Http404 from None


@public_page
@require_GET
def front_page(request):
    version = content_version()
    return render(
        request,
        "knowledge/pages/front_page.html",
        {**selectors.front_page_overview(version=version), "content_version": version},
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
    return render(
        request,
        "knowledge/pages/section.html",
        {
            "section": current,
            "intro": intro,
            "children": children,
            "by_kind": {kind.value: selectors.pages_of_kind(children, kind) for kind in Kind},
            "content_version": version,
        },
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
    return render(
        request,
        "knowledge/pages/page.html",
        {
            "page": found,
            "section": current,
            "related_by_kind": {k.value: selectors.pages_of_kind(related, k) for k in Kind},
            "cases": selectors.case_pages_for(found),
            "content_version": version,
        },
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
