"""Programme pages: the landing page, creating and editing a programme, its overview
and its enrolments. Views parse, call a service or a selector, and respond."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.exercises.selectors import exercise_progress
from programme.meetings import selectors as meeting_selectors
from programme.meetings.rules import meetings_visible
from programme.models import Programme
from programme.programmes import selectors, services
from programme.programmes.forms import EnrolmentsForm, ProgrammeForm
from programme.programmes.rules import enrolment_or_404, programme_or_404, programmes_visible

MANAGE = "programme.manage_programme"


def _detail_url(programme: Programme) -> str:
    return reverse("programme:programme_detail", args=[programme.pk])


@login_required
def landing(request):
    require_perm(request.user, "programme.view_landing")
    # The same rule as the calendar feed and the permission, in one query each.
    programmes = programmes_visible(request.user, selectors.programmes_by_date())
    upcoming = meeting_selectors.upcoming(
        meetings_visible(request.user, meeting_selectors.meetings_by_date())
    )
    return render(
        request,
        "programme/programmes/landing.html",
        {
            "programmes": programmes,
            "upcoming": upcoming,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request):
    require_perm(request.user, "programme.add_programme")
    form = ProgrammeForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda data: services.programme_create_from_template(**data, user=request.user),
        success=_("The programme was created with a kick-off and six development meetings."),
        redirect_to=_detail_url,
    )
    return response or render(
        request, "programme/programmes/programme_form.html", {"form": form, "programme": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk: int):
    programme = programme_or_404(request.user, pk, MANAGE)
    form = ProgrammeForm(request.POST or None, instance=programme)
    response = submit(
        request,
        form,
        lambda data: services.programme_update(programme=programme, **data),
        success=_("The programme was saved."),
        redirect_to=_detail_url,
    )
    return response or render(
        request, "programme/programmes/programme_form.html", {"form": form, "programme": programme}
    )


@login_required
def programme_detail(request, pk: int):
    programme = programme_or_404(request.user, pk, "programme.view_programme")
    can_manage = request.user.has_perm(MANAGE, programme)
    context = {"programme": programme, "can_manage": can_manage, "now": timezone.now()}
    if can_manage:
        context.update(selectors.programme_overview(programme))
        context["exercise_progress"] = exercise_progress(programme)
    else:
        # The rule of the calendar feed in one query, not a permission check per meeting.
        meetings = meeting_selectors.meetings_by_date(programme=programme)
        context["meetings"] = list(meetings_visible(request.user, meetings))
    return render(request, "programme/programmes/programme_detail.html", context)


def _enrolled_message(result: services.EnrolmentsResult) -> str:
    parts = []
    if result.enrolled:
        parts.append(
            ngettext(
                "%(count)d organisation is now enrolled: %(names)s.",
                "%(count)d organisations are now enrolled: %(names)s.",
                len(result.enrolled),
            )
            % {"count": len(result.enrolled), "names": ", ".join(o.name for o in result.enrolled)}
        )
    if result.already:
        parts.append(
            ngettext(
                "%(names)s was enrolled already.",
                "%(names)s were enrolled already.",
                len(result.already),
            )
            % {"names": ", ".join(o.name for o in result.already)}
        )
    return " ".join(parts)


@login_required
@require_http_methods(["GET", "POST"])
def enrolments(request, pk: int):
    """Enrol several companies and advisory units at once (checkbox lists per kind)."""
    programme = programme_or_404(request.user, pk, MANAGE)
    # Bound on every POST: nothing ticked is an error to show, not a fresh page.
    data = request.POST if request.method == "POST" else None
    form = EnrolmentsForm(data, programme=programme)
    response = submit(
        request,
        form,
        lambda data: services.enrolments_add(
            programme=programme, organisations=data["organisations"]
        ),
        success=_enrolled_message,
        redirect_to=reverse("programme:enrolments", args=[programme.pk]),
    )
    return response or render(
        request,
        "programme/programmes/enrolments.html",
        {
            "programme": programme,
            "form": form,
            "enrolments": selectors.active_enrolments(programme).order_by(
                "organisation__kind", "organisation__name"
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrolment_end(request, pk: int):
    enrolment = enrolment_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        services.enrolment_end(enrolment=enrolment)
        messages.success(
            request,
            _("%(name)s has left the programme.") % {"name": enrolment.organisation.name},
        )
        return redirect("programme:enrolments", pk=enrolment.programme_id)
    return render(
        request, "programme/programmes/enrolment_end_confirm.html", {"enrolment": enrolment}
    )
