"""The public catalogue (no login): the current round with its rules and themes, a
theme with each provider's angle, the providers (filtered by theme) and one provider."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from advice.catalogue import selectors
from advice.catalogue.cache import catalogue_version


def _context(request) -> dict:
    version = catalogue_version()
    today = timezone.localdate()
    current = selectors.catalogue(today, version=version)
    return {
        "catalogue": current,
        "offer_round": current.round,
        "accepting": bool(current.round and current.round.accepts_requests_on(today)),
        "catalogue_version": version,
    }


def _theme(context: dict, slug: str | None):
    return next((t for t in context["catalogue"].themes if t.slug == slug), None)


@require_GET
def catalogue(request):
    context = _context(request)
    return render(request, "advice/catalogue/catalogue.html", context)


@require_GET
def theme(request, slug: str):
    context = _context(request)
    current = _theme(context, slug)
    if current is None:
        raise Http404
    angles = selectors.theme_angles(context["catalogue"], current)
    return render(
        request, "advice/catalogue/theme.html", {**context, "theme": current, "angles": angles}
    )


@require_GET
def providers(request):
    """The providers, or those offering the theme chosen in `?theme=` (works without JS)."""
    context = _context(request)
    chosen = _theme(context, request.GET.get("theme"))
    return render(
        request,
        "advice/catalogue/providers.html",
        {
            **context,
            "chosen_theme": chosen,
            "unknown_theme": bool(request.GET.get("theme")) and chosen is None,
            "providers": selectors.providers_offering(context["catalogue"], chosen),
        },
    )


@require_GET
def provider(request, slug: str):
    context = _context(request)
    found = selectors.provider_page(
        slug, context["catalogue"], version=context["catalogue_version"]
    )
    if found is None:
        raise Http404
    return render(request, "advice/catalogue/provider.html", {**context, "provider": found})
