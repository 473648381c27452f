"""Access rules written once.

A `QueryRule` is the rule as a queryset filter: "the rows this person may
reach". Its `predicate` (for django-rules' `add_perm`) asks the same filter
about one object, so a list page and a detail check cannot disagree.
"""

from collections.abc import Callable

import rules
from django.db.models import Model, QuerySet

Filter = Callable[..., QuerySet]


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

    def _allows(self, user, obj: Model | None) -> bool:
        if obj is None or obj.pk is None:
            return False
        manager = type(obj)._default_manager
        return self(user, manager.filter(pk=obj.pk)).exists()


def query_rule(func: Filter) -> QueryRule:
    """Decorator: `@query_rule def meetings_taken_part_in(user, queryset): ...`."""
    return QueryRule(func.__name__, func)
