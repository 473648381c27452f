"""A course's page and what the local parties and the provider do on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from advice.courses import selectors, services
from advice.courses.forms import CourseFileForm, FollowUpForm
from advice.requests.rules import course_file_or_404, course_or_404, course_step_or_404
from bifrost.core.submit import submit


def _page(request, course, *, follow_up_form=None, file_form=None, status=200):
    user = request.user
    return render(
        request,
        "advice/courses/detail.html",
        {
            "course": course,
            "page": selectors.course_page(course),
            "can_work": user.has_perm("advice.work_on_course", course),
            "can_download": user.has_perm("advice.view_course_file", course.files.first())
            if course.files.exists()
            else False,
            "follow_up_form": follow_up_form
            or FollowUpForm(initial={"text": course.local_follow_up}),
            "file_form": file_form or CourseFileForm(),
        },
        status=status,
    )


@login_required
def course_detail(request, pk: int):
    return _page(request, course_or_404(request.user, pk))


@login_required
@require_POST
def course_step_toggle(request, pk: int):
    step = course_step_or_404(request.user, pk)
    try:
        if step.done_at is None:
            services.course_step_mark_done(step=step, by=request.user)
            messages.success(request, _("“%(step)s” is marked done.") % {"step": step.title})
        else:
            services.course_step_undo(step=step, by=request.user)
            messages.success(
                request, _("“%(step)s” is no longer marked done.") % {"step": step.title}
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("advice:course_detail", pk=step.course_id)


@login_required
@require_http_methods(["GET", "POST"])
def course_follow_up(request, pk: int):
    course = course_or_404(request.user, pk, "advice.work_on_course")
    form = FollowUpForm(request.POST or None, initial={"text": course.local_follow_up})
    return submit(
        request,
        form,
        lambda data: services.course_follow_up_save(course=course, text=data["text"]),
        success=_("The agreed follow-up is saved."),
        redirect_to=reverse("advice:course_detail", args=[course.pk]),
    ) or _page(request, course, follow_up_form=form, status=200 if request.method == "GET" else 400)


@login_required
@require_POST
def course_file_upload(request, pk: int):
    course = course_or_404(request.user, pk, "advice.work_on_course")
    form = CourseFileForm(request.POST, request.FILES)
    return submit(
        request,
        form,
        lambda data: services.course_file_add(
            course=course, by=request.user, upload=data["file"], description=data["description"]
        ),
        success=_("The file is added."),
        redirect_to=reverse("advice:course_detail", args=[course.pk]),
    ) or _page(request, course, file_form=form, status=400)


@login_required
def course_file_download(request, pk: int):
    """Course files are the parties' only: served here, never from MEDIA_URL."""
    item = course_file_or_404(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def course_complete(request, pk: int):
    course = course_or_404(request.user, pk, "advice.work_on_course")
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the course is completed."))
        return redirect("advice:course_detail", pk=course.pk)
    services.course_complete(course=course, by=request.user)
    messages.success(request, _("The course is marked completed."))
    return redirect("advice:course_detail", pk=course.pk)
