"""Access helpers: one answer (404) for "missing" and "forbidden" so ids leak nothing."""

from django.core.paginator import Page, Paginator
from django.http import Http404


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise Http404


def paginate(request, object_list, per_page: int = 25) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))
