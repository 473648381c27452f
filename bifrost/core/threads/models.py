"""The abstract comment of a thread; the concrete models add what it is on.

A subclass names its subject's foreign key in `thread_field` ("entry", "goal"):
a reply must be on the same subject as the comment it answers.
"""

from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: How long after posting its author may still change a comment.
EDIT_WINDOW = timedelta(minutes=15)
TEXT_MAX_LENGTH = 3000


class ThreadCommentQuerySet(models.QuerySet):
    def live(self):
        """Comments that are not deleted placeholders (what exports and counts show)."""
        return self.filter(deleted_at__isnull=True)


class ThreadComment(models.Model):
    """A comment, or a reply to one (`parent`). Deleting with replies clears the text
    and the author and sets `deleted_at`: the placeholder keeps the thread readable."""

    #: The name of the subclass's foreign key to what the comment is on.
    thread_field: ClassVar[str]
    # Made by Django on the concrete subclasses; named here for the type checker.
    parent_id: int | None
    author_id: int | None

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    text = models.TextField(
        _("comment"),
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = ThreadCommentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=False) | ~Q(text=""),
                name="%(app_label)s_%(class)s_text_unless_deleted",
            ),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def editable_until(self) -> datetime:
        return self.created_at + EDIT_WINDOW

    def is_editable(self, now: datetime | None = None) -> bool:
        """Still inside its 15 minutes (whoever asks; the author check is the rule's)."""
        return not self.is_deleted and (now or timezone.now()) < self.editable_until

    def has_replies(self) -> bool:
        return type(self)._default_manager.filter(**{"parent_id": self.pk}).exists()

    def subject_id(self) -> int | None:
        """The id of what the comment is on (the entry, the goal)."""
        return getattr(self, f"{self.thread_field}_id")
