"""Reading one thread: every comment of a subject in one query, oldest first."""

from django.db.models import QuerySet

from bifrost.core.threads.models import ThreadComment


def thread_comments[C: ThreadComment](queryset: QuerySet[C]) -> list[C]:
    """The comments of `queryset` (one subject's), with their authors, oldest first."""
    return list(queryset.select_related("author").order_by("created_at", "pk"))
