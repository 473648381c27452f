"""Access helpers: one answer (404) for "missing" and "forbidden" so ids leak nothing.

Views look objects up through `<thing>_or_404(user, pk, perm)` helpers, each a
one-line call of `object_or_404` below with the queryset that loads what the
page needs.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import Http404

from bifrost.core.rules import QueryRule, first_answering


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise Http404


def object_or_404[M: Model](
    queryset: QuerySet[M], *, user, perm: str, asked: "tuple[QueryRule, ...]" = (), **lookup
) -> M:
    """The object of `queryset` found by `lookup` (`pk=…`, or a unique field such as
    `slug=…`) if `user` has `perm` on it; else 404 (same for both).

    `asked`: the query rules `perm` is made of, answered in the lookup's own query
    (`bifrost.core.rules.first_answering`) instead of one query each afterwards."""
    if not lookup:
        raise TypeError("object_or_404 needs a lookup, such as pk=…")
    obj = first_answering(queryset.filter(**lookup), user, asked)
    if obj is None or not user.has_perm(perm, obj):
        raise Http404
    return obj


def paginate(request, object_list, per_page: int = 25) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))
