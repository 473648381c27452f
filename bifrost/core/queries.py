"""Small query expressions shared by the apps' selectors."""

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

