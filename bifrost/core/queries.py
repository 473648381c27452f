"""Small query expressions shared by the apps' selectors."""

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce


def count_of(rows: QuerySet, link: str, outer: str = "pk") -> Coalesce:
    """The number of `rows` whose `link` is the outer row's `outer`, 0 when none.

    A correlated subquery instead of `Count()` over a join: two counted relations
    joined side by side multiply each other's rows (hence `distinct=True`), and the
    join plus GROUP BY over every selected table costs PostgreSQL several times the
    planning of the subquery."""
    counted = (
        rows.filter(**{link: OuterRef(outer)})
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class CompiledRow:
    """One row of a fixed query, its SQL compiled by the ORM once per database and then
    run with the next value: for a read every page makes (the layout's), where building
    the SQL costs more than running it.

    `build(value)` returns the queryset (a `values_list`) for `value`; it is compiled
    with a marker value, whose places among the parameters take the real value later.
    Only for plain values that need no conversion from the database (text, integers),
    and never for a query whose shape depends on who asks (an access rule that adds a
    filter for some people and not others): the SQL built for the marker would then
    answer for everyone."""

    MARKER = -734_519_273

    def __init__(self, build: Callable[[Any], QuerySet]) -> None:
        self._build = build
        self._compiled: dict[str, tuple[str, tuple, tuple[int, ...]]] = {}

    def _sql(self, alias: str) -> tuple[str, tuple, tuple[int, ...]]:
        compiled = self._compiled.get(alias)
        if compiled is None:
            queryset = self._build(self.MARKER)
            sql, params = queryset.query.get_compiler(using=alias).as_sql()
            slots = tuple(index for index, param in enumerate(params) if param == self.MARKER)
            if not slots:
                raise ValueError("the query does not use its value")
            compiled = self._compiled[alias] = (sql, tuple(params), slots)
        return compiled

    def get(self, value: Any, using: str = "default") -> tuple | None:
        sql, params, slots = self._sql(using)
        bound = list(params)
        for index in slots:
            bound[index] = value
        with connections[using].cursor() as cursor:
            cursor.execute(sql, bound)
            return cursor.fetchone()
