"""Access rules written once.

A `QueryRule` is the rule as a queryset filter: "the rows this person may
reach". Its `predicate` (for django-rules' `add_perm`) asks the same filter
about one object, so a list page and a detail check cannot disagree.

A page asks the same question several times (the view's `_or_404`, then "may she
work on it?", "may she comment?" in the view and its template, each combining the
same rules); while `answers_kept()` is active (a GET request, see
`bifrost.middleware.RuleAnswersPerRequestMiddleware`) each rule answers once per
person and object. Outside it (writes, tasks, tests asking directly) every
question is a fresh query.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import rules
from django.db.models import Exists, Model, OuterRef, QuerySet

Filter = Callable[..., QuerySet]

_kept: ContextVar[dict | None] = ContextVar("bifrost_rule_answers", default=None)


@contextmanager
def answers_kept() -> Iterator[None]:
    """Within the block, a rule asked twice about the same person and object answers
    from the first query (for requests that change nothing: GET, HEAD)."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


class QueryRule:
    """`filter(user, queryset)` narrows `queryset` to the rows `user` may reach."""

    def __init__(self, name: str, filter: Filter) -> None:  # noqa: A002 - the rule's own word
        self.name = name
        self._filter = filter
        self.predicate = rules.predicate(self._allows, name=name)

    def __call__(self, user, queryset: QuerySet) -> QuerySet:
        if not getattr(user, "is_authenticated", False):
            return queryset.none()
        return self._filter(user, queryset)

    def _key(self, user, obj: Model) -> tuple:
        return (self, type(obj)._meta.label, obj.pk, getattr(user, "pk", None))

    def _allows(self, user, obj: Model | None) -> bool:
        if obj is None or obj.pk is None:
            return False
        kept = _kept.get()
        key = self._key(user, obj)
        if kept is not None and key in kept:
            return kept[key]
        manager = type(obj)._default_manager
        answer = self(user, manager.filter(pk=obj.pk)).exists()
        if kept is not None:
            kept[key] = answer
        return answer


def first_answering[M: Model](
    queryset: QuerySet[M], user, asked: "tuple[QueryRule, ...]"
) -> M | None:
    """The first row of `queryset`, with each rule of `asked` about it answered in the
    same query (an EXISTS per rule) and kept, so the permission checks that follow
    (the lookup's own, the template's) ask no further query. Only while answers are
    kept (a GET): otherwise nothing would hold them and the subqueries are left out."""
    kept = _kept.get()
    if kept is None or not asked:
        return queryset.first()
    model = queryset.model
    obj = queryset.annotate(
        **{
            f"_rule_{index}": Exists(rule(user, model._default_manager.filter(pk=OuterRef("pk"))))
            for index, rule in enumerate(asked)
        }
    ).first()
    if obj is not None:
        for index, rule in enumerate(asked):
            kept[rule._key(user, obj)] = bool(getattr(obj, f"_rule_{index}"))
    return obj


def query_rule(func: Filter) -> QueryRule:
    """Decorator: `@query_rule def meetings_taken_part_in(user, queryset): ...`."""
    return QueryRule(func.__name__, func)
