from django.shortcuts import render
from django.views.decorators.http import require_GET

from knowledge.search import selectors


@require_GET
def search(request):
    query = selectors.normalise_query(request.GET.get("q"))
    hits = selectors.search(query)
    return render(
        request,
        "knowledge/search/search.html",
        {"query": query, "hits": hits, "too_long": len(request.GET.get("q", "")) > len(query)},
    )
