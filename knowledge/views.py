"""SMV-brobygger: public reading, search, self-assessment, PDF, and the editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import add_errors
from knowledge import selectors, self_assessment, services
from knowledge.forms import PageForm, SelfAssessmentForm
from knowledge.models import SECTION_ORDER, Kind, Page, PageRevision, Section
from knowledge.rendering import render_markdown


def _section_or_404(section: str) -> Section:
    try:
        return Section(section)
    except ValueError:
        raise Http404 from None


@require_GET
def front_page(request):
    version = selectors.content_version()
    return render(
        request,
        "knowledge/front_page.html",
        {**selectors.front_page_overview(version=version), "content_version": version},
    )


@require_GET
def landing(request):
    overview = selectors.front_page_overview()
    sections = list(zip(SECTION_ORDER, overview["section_intros"], strict=True))
    return render(request, "knowledge/landing.html", {"sections": sections})


@require_GET
def section(request, section: str):
    current = _section_or_404(section)
    if current == Section.FRONT:
        return redirect("front_page")
    version = selectors.content_version()
    pages = selectors.section_pages(current, version=version)
    intro = pages[0] if pages and pages[0].slug == current else None
    children = [page for page in pages if page is not intro]
    return render(
        request,
        "knowledge/section.html",
        {
            "section": current,
            "intro": intro,
            "children": children,
            "by_kind": {kind.value: selectors.pages_of_kind(children, kind) for kind in Kind},
            "content_version": version,
        },
    )


@require_GET
def page(request, section: str, slug: str):
    current = _section_or_404(section)
    version = selectors.content_version()
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
        "knowledge/page.html",
        {
            "page": found,
            "section": current,
            "related_by_kind": {k.value: selectors.pages_of_kind(related, k) for k in Kind},
            "cases": selectors.case_pages_for(found),
            "content_version": version,
        },
    )


@require_GET
def search(request):
    query = selectors.normalise_query(request.GET.get("q"))
    hits = selectors.search(query)
    return render(
        request,
        "knowledge/search.html",
        {"query": query, "hits": hits, "too_long": len(request.GET.get("q", "")) > len(query)},
    )


@require_http_methods(["GET", "POST"])
def role_self_assessment(request):
    can_save = request.user.has_perm("knowledge.save_self_assessment")
    form = SelfAssessmentForm(request.POST or None, can_save=can_save)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        scores = self_assessment.score(form.answers())
        roles = {
            p.slug: p
            for p in Page.objects.published().filter(kind=Kind.ADVISOR_ROLE).order_by("order")
        }
        context.update(
            scores=[(score, roles.get(score.role_slug)) for score in scores],
            strongest=[roles.get(slug) for slug in self_assessment.strongest(scores)],
        )
        if can_save and form.cleaned_data.get("save_answers"):
            services.self_assessment_save(
                user=request.user,
                answers={str(k): v for k, v in form.answers().items()},
                scores={s.role_slug: s.average for s in scores},
            )
            messages.success(request, _("Your answers were saved in your profile."))
    return render(request, "knowledge/self_assessment.html", context)


@require_GET
def section_pdf(request, section: str):
    from knowledge import pdf

    current = _section_or_404(section)
    version = selectors.content_version()
    pages = selectors.section_pages(current, version=version)
    if not pages:
        raise Http404
    content = pdf.section_pdf(request=request, section=current, pages=pages, version=version)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="smv-brobygger-{current.value}.pdf"'
    return response


# --- Editor (facilitators) -------------------------------------------------------


def _editable_page(request, pk: int) -> Page:
    require_perm(request.user, "knowledge.edit_page")
    return get_object_or_404(Page, pk=pk)


@login_required
def editor_list(request):
    require_perm(request.user, "knowledge.edit_page")
    pages = paginate(request, selectors.editor_pages(), per_page=50)
    return render(request, "knowledge/editor/list.html", {"page_obj": pages, "kinds": Kind})


def _save_from_form(request, form: PageForm, page: Page | None):
    action = request.POST.get("action", "draft")
    content = form.content()
    try:
        if action == "publish":
            saved = services.page_publish(page=page, content=content, user=request.user)
            messages.success(request, _("“%(title)s” is published.") % {"title": saved.title})
        else:
            saved = services.page_save_draft(page=page, content=content, user=request.user)
            messages.success(request, _("The draft was saved."))
    except ValidationError as error:
        add_errors(form, error)
        return None
    return redirect("knowledge:editor_edit", pk=saved.pk)


@login_required
@require_http_methods(["GET", "POST"])
def editor_create(request):
    require_perm(request.user, "knowledge.edit_page")
    kind = request.GET.get("kind", Kind.ARTICLE)
    if kind not in Kind.values:
        kind = Kind.ARTICLE
    form = PageForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        response = _save_from_form(request, form, None)
        if response:
            return response
    return render(
        request,
        "knowledge/editor/form.html",
        {"form": form, "kind": Kind(kind), "kinds": Kind, "page": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_edit(request, pk: int):
    current = _editable_page(request, pk)
    latest = current.revisions.first()
    content = latest.content if latest else services.content_of(current)
    form = PageForm(
        request.POST or None,
        kind=current.kind,
        page=current,
        initial=PageForm.initial_from_content(content),
    )
    if request.method == "POST" and form.is_valid():
        response = _save_from_form(request, form, current)
        if response:
            return response
    return render(
        request,
        "knowledge/editor/form.html",
        {"form": form, "kind": Kind(current.kind), "page": current},
    )


@login_required
@require_POST
def editor_preview(request):
    """htmx: the Markdown as readers will see it (sanitised exactly the same way)."""
    require_perm(request.user, "knowledge.edit_page")
    return render(
        request,
        "knowledge/editor/_preview.html",
        {"html": render_markdown(request.POST.get("body", ""))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_unpublish(request, pk: int):
    current = _editable_page(request, pk)
    if request.method == "POST":
        services.page_unpublish(page=current, user=request.user)
        messages.success(request, _("“%(title)s” is no longer public.") % {"title": current.title})
        return redirect("knowledge:editor_edit", pk=current.pk)
    return render(request, "knowledge/editor/unpublish_confirm.html", {"page": current})


@login_required
@require_POST
def editor_publish(request, pk: int):
    current = _editable_page(request, pk)
    try:
        services.page_publish(page=current, content=None, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(title)s” is published.") % {"title": current.title})
    return redirect("knowledge:editor_edit", pk=current.pk)


@login_required
def editor_revisions(request, pk: int):
    current = _editable_page(request, pk)
    revisions = paginate(request, current.revisions.select_related("created_by"), per_page=30)
    return render(
        request, "knowledge/editor/revisions.html", {"page": current, "revisions": revisions}
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_restore(request, pk: int, revision_pk: int):
    current = _editable_page(request, pk)
    revision = get_object_or_404(PageRevision, pk=revision_pk, page=current)
    if request.method == "POST":
        try:
            services.page_restore_revision(page=current, revision=revision, user=request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("That version cannot be restored: %(reason)s")
                % {"reason": " ".join(error.messages)},
            )
            return redirect("knowledge:editor_revisions", pk=current.pk)
        messages.success(
            request,
            _("The earlier version is now the newest draft. Publish it to make it public."),
        )
        return redirect("knowledge:editor_edit", pk=current.pk)
    return render(
        request,
        "knowledge/editor/restore_confirm.html",
        {
            "page": current,
            "revision": revision,
            "preview_html": render_markdown(revision.content.get("body", "")),
        },
    )
