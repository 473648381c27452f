"""The one rule every thread shares: a person edits and deletes only their own
live comments. The apps register it as their `change_..._comment` permission; who
may post on a subject at all is the app's rule."""

from django.db.models import QuerySet

from bifrost.core.rules import query_rule


@query_rule
def comments_authored(user, queryset: QuerySet) -> QuerySet:
    """The person's own comments that are not deleted."""
    if not user.is_active:
        return queryset.none()
    return queryset.filter(author=user, deleted_at__isnull=True)


is_own_comment = comments_authored.predicate
