"""An accepted request's course: the provider's model as dated steps (the follow-up
conversation among them), the locally agreed follow-up, and shared files.

Both local parties and the provider's advisors see it. A course exists only for an
accepted request, and an accepted request with a course stays accepted: on
PostgreSQL triggers refuse anything else (migration 0002), ``clean`` says so first.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models.choices import RequestState
from advice.models.offers import MARKDOWN_HELP
from advice.models.providers import CourseModelStep
from advice.models.requests import AdviceRequest


class Course(models.Model):
    request = models.OneToOneField(
        AdviceRequest, on_delete=models.PROTECT, related_name="course", verbose_name=_("request")
    )
    start_date = models.DateField(_("start date"))
    local_follow_up = models.TextField(
        _("agreed local follow-up"),
        max_length=5000,
        blank=True,
        help_text=_("How the workplace itself follows up on the course. Markdown."),
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(cancelled_at__isnull=True),
                name="advice_course_completed_or_cancelled",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_at__isnull=True) | ~Q(cancel_reason=""),
                name="advice_course_cancel_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.workplace_name} ({self.start_date})"

    @property
    def is_open(self) -> bool:
        return self.completed_at is None and self.cancelled_at is None

    def clean(self) -> None:
        super().clean()
        if self.request_id and self.request.state != RequestState.ACCEPTED:
            raise ValidationError(
                _("Only an accepted request becomes a course."), code="not_accepted"
            )


class CourseStep(models.Model):
    """A dated step of a course, copied from the provider's model when it was accepted
    (the parties and the provider may then move dates, add or remove steps)."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="steps", verbose_name=_("course")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, help_text=MARKDOWN_HELP)
    is_follow_up = models.BooleanField(_("the follow-up conversation"), default=False)
    planned_on = models.DateField(_("date"))
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("For a phase that lasts several days.")
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked done by"),
    )
    source_step = models.ForeignKey(
        CourseModelStep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from the course model step"),
    )

    class Meta:
        verbose_name = _("course step")
        verbose_name_plural = _("course steps")
        ordering = ["course", "planned_on", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(is_follow_up=True),
                name="advice_course_one_follow_up",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("planned_on")),
                name="advice_step_period_valid",
            ),
            # Who marked it done only for a step that is done (SET_NULL after erasure).
            models.CheckConstraint(
                condition=Q(done_by__isnull=True) | Q(done_at__isnull=False),
                name="advice_step_done_by_only_when_done",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CourseFile(models.Model):
    """A file shared on a course (agreements, seminar slides, a plan). Stored under
    MEDIA_ROOT through the default ``SafeFileSystemStorage`` and served only through a
    view that checks access; the form checks size and type as the agenda material does."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="files", verbose_name=_("course")
    )
    file = models.FileField(_("file"), upload_to="advice/courses/%Y/", max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("course file")
        verbose_name_plural = _("course files")
        ordering = ["course", "-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="advice_file_named"),
            models.CheckConstraint(condition=~Q(file=""), name="advice_file_stored"),
        ]

    def __str__(self) -> str:
        return self.name
