"""The public recommendations section (`/knowledge/anbefalinger/`)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from bifrost.core.access import paginate
from knowledge.models import Section
from knowledge.recommendations import selectors
from knowledge.recommendations.forms import PracticeFilterForm

PER_PAGE = 10


@require_GET
def recommendations(request):
    keys = ("principle", "phase", "kind")
    form = PracticeFilterForm(request.GET if any(k in request.GET for k in keys) else None)
    filters = form.filters()
    pages = paginate(request, selectors.practice_pages(**filters), PER_PAGE)
    return render(
        request,
        "knowledge/recommendations/list.html",
        {
            "section": Section.RECOMMENDATIONS,
            "intro": selectors.section_intro(),
            "form": form,
            "page_obj": pages,
            "filtered": any(filters.values()),
        },
    )
