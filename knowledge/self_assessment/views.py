from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from knowledge.self_assessment import scoring, selectors, services
from knowledge.self_assessment.forms import SelfAssessmentForm


@require_http_methods(["GET", "POST"])
def role_self_assessment(request):
    """The statements; after a valid POST the profile above the answers (not a
    redirect: nothing is stored unless the reader chose to save)."""
    can_save = request.user.has_perm("knowledge.save_self_assessment")
    form = SelfAssessmentForm(request.POST or None, can_save=can_save)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        scores = scoring.score(form.answers())
        roles = selectors.advisor_roles_by_slug()
        context.update(
            scores=[(score, roles.get(score.role_slug)) for score in scores],
            strongest=[roles.get(slug) for slug in scoring.strongest(scores)],
        )
        if can_save and form.cleaned_data.get("save_answers"):
            services.self_assessment_save(
                user=request.user,
                answers={str(k): v for k, v in form.answers().items()},
                scores={s.role_slug: s.average for s in scores},
            )
            messages.success(request, _("Your answers were saved in your profile."))
    return render(request, "knowledge/self_assessment/self_assessment.html", context)
