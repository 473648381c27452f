"""Who may see and run programmes, each rule written once (`bifrost.core.rules`).

`programmes_visible` is both the list ("the programmes on this person's landing
page") and, through its predicate, the check `programme.view_programme`.
"""

from typing import Any

import rules
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404

from bifrost.accounts.rules import has_any_role, is_facilitator
from bifrost.core.access import object_or_404, require_perm
from bifrost.core.rules import query_rule
from programme.models import Enrolment, Programme
from programme.programmes.selectors import member_enrolments


@query_rule
def programmes_taken_part_in(user, queryset: QuerySet) -> QuerySet:
    """Programmes where one of the person's organisations is actively enrolled."""
    return queryset.filter(Exists(member_enrolments(user, programme=OuterRef("pk"))))


@query_rule
def programmes_visible(user, queryset: QuerySet) -> QuerySet:
    """Facilitators run every programme; everyone else sees the ones they take part in."""
    if is_facilitator(user):
        return queryset
    return programmes_taken_part_in(user, queryset)


rules.add_perm("programme.view_landing", has_any_role)
rules.add_perm("programme.add_programme", is_facilitator)
rules.add_perm("programme.manage_programme", is_facilitator)
rules.add_perm("programme.view_programme", programmes_visible.predicate)


def child_or_404[M: Model](
    queryset: QuerySet[M], *, pk: int, user: Any, perm: str, parent: str
) -> M:
    """The object `pk` of `queryset` if `user` has `perm` on its `parent` (the meeting of
    an agenda item, the programme of an enrolment); else 404, the same for both."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    require_perm(user, perm, getattr(obj, parent))
    return obj


def programme_or_404(user: Any, pk: int, perm: str) -> Programme:
    return object_or_404(Programme.objects.all(), pk=pk, user=user, perm=perm)


def enrolment_or_404(user: Any, pk: int, perm: str) -> Enrolment:
    """An enrolment, if `user` has `perm` on its programme."""
    return child_or_404(
        Enrolment.objects.select_related("programme", "organisation"),
        pk=pk,
        user=user,
        perm=perm,
        parent="programme",
    )
