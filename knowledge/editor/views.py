"""The editor (facilitators): the page list, writing with a live preview, drafts,
publishing, unpublishing, revisions and restoring one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import submit
from knowledge.approvals.selectors import approval_of, approval_status
from knowledge.editor import selectors, services
from knowledge.editor.diff import content_changes
from knowledge.editor.forms import PageForm
from knowledge.editor.preview import preview_context
from knowledge.editor.rules import page_or_404, page_revision_or_404
from knowledge.models import Kind, Page
from knowledge.rendering import render_markdown

EDIT = "knowledge.edit_page"


@login_required
def editor_list(request):
    require_perm(request.user, EDIT)
    pages = paginate(request, selectors.editor_pages(), per_page=50)
    return render(request, "knowledge/editor/list.html", {"page_obj": pages, "kinds": Kind})


def _save(request, form: PageForm, page: Page | None):
    """Save a draft, or publish when the editor pressed "Publish"."""
    publish = request.POST.get("action", "draft") == "publish"

    def save(_data) -> Page:
        service = services.page_publish if publish else services.page_save_draft
        return service(page=page, content=form.content(), user=request.user)

    def message(saved: Page) -> str:
        if publish:
            return _("“%(title)s” is published.") % {"title": saved.title}
        return _("The draft was saved.")

    return submit(
        request,
        form,
        save,
        success=message,
        redirect_to=lambda saved: reverse("knowledge:editor_edit", args=[saved.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_create(request):
    require_perm(request.user, EDIT)
    kind = request.GET.get("kind", Kind.ARTICLE)
    if kind not in Kind.values:
        kind = Kind.ARTICLE
    form = PageForm(request.POST or None, kind=kind)
    return _save(request, form, None) or render(
        request,
        "knowledge/editor/form.html",
        {"form": form, "kind": Kind(kind), "kinds": Kind, "page": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_edit(request, pk: int):
    current = page_or_404(request.user, pk, EDIT)
    form = PageForm(
        request.POST or None,
        kind=current.kind,
        page=current,
        initial=PageForm.initial_from_content(selectors.newest_content(current)),
    )
    approval = approval_of(current)
    return _save(request, form, current) or render(
        request,
        "knowledge/editor/form.html",
        {
            "form": form,
            "kind": Kind(current.kind),
            "page": current,
            "provenance": selectors.provenance_of(current),
            "approval_status": approval_status(approval) if approval else None,
        },
    )


@login_required
@require_POST
def editor_preview(request):
    """htmx: the whole page as readers will see it, from what is typed (nothing is
    saved): the public page's template, sanitised exactly the same way."""
    require_perm(request.user, EDIT)
    current = None
    if request.POST.get("preview_page", "").isdigit():
        current = page_or_404(request.user, int(request.POST["preview_page"]), EDIT)
    kind = current.kind if current is not None else request.POST.get("preview_kind", "")
    if kind not in Kind.values:
        kind = Kind.ARTICLE
    form = PageForm(request.POST, kind=kind, page=current)
    content, related = form.preview_content()
    return render(
        request,
        "knowledge/editor/_preview.html",
        preview_context(content, related, current=current),
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_unpublish(request, pk: int):
    current = page_or_404(request.user, pk, EDIT)
    if request.method == "POST":
        services.page_unpublish(page=current, user=request.user)
        messages.success(request, _("“%(title)s” is no longer public.") % {"title": current.title})
        return redirect("knowledge:editor_edit", pk=current.pk)
    return render(request, "knowledge/editor/unpublish_confirm.html", {"page": current})


@login_required
@require_POST
def editor_publish(request, pk: int):
    current = page_or_404(request.user, pk, EDIT)
    try:
        services.page_publish(page=current, content=None, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(title)s” is published.") % {"title": current.title})
    return redirect("knowledge:editor_edit", pk=current.pk)


@login_required
def editor_revisions(request, pk: int):
    current = page_or_404(request.user, pk, EDIT)
    revisions = paginate(request, selectors.page_revisions(current), per_page=30)
    return render(
        request, "knowledge/editor/revisions.html", {"page": current, "revisions": revisions}
    )


@login_required
@require_GET
def editor_revision_changes(request, pk: int, revision_pk: int):
    """What a version changed compared with the version saved before it."""
    current = page_or_404(request.user, pk, EDIT)
    revision = page_revision_or_404(request.user, revision_pk, EDIT, page=current)
    previous = selectors.previous_revision(revision)
    old = previous.content if previous is not None else None
    related = {*(old or {}).get("related", []), *revision.content.get("related", [])}
    return render(
        request,
        "knowledge/editor/revision_changes.html",
        {
            "page": current,
            "revision": revision,
            "previous": previous,
            "changes": content_changes(
                old, revision.content, titles=selectors.page_titles(related)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_restore(request, pk: int, revision_pk: int):
    current = page_or_404(request.user, pk, EDIT)
    revision = page_revision_or_404(request.user, revision_pk, EDIT, page=current)
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
