"""Writes on a course: start it from the provider's model (called when the provider
accepts), mark steps done and undo, the agreed local follow-up, files, completion."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.models import (
    AdviceRequest,
    Course,
    CourseFile,
    CourseStep,
    EventKind,
    RequestEvent,
)
from advice.requests import notifications
from bifrost.accounts.models import User

#: When the provider's model has no follow-up conversation, the course gets one anyway
#: (the offer requires it), this long after the start.
DEFAULT_FOLLOW_UP_AFTER = timedelta(days=90)


def _event(course: Course, kind: str, by: User | None) -> RequestEvent:
    return RequestEvent.objects.create(
        request=course.request, kind=kind, actor=by, provider_id=course.request.provider_id
    )


def course_start(*, advice_request: AdviceRequest, start_date: date) -> Course:
    """The course of an accepted request, its steps dated from the provider's model."""
    course = Course(request=advice_request, start_date=start_date)
    course.full_clean()
    course.save()
    provider = advice_request.provider
    model = list(provider.model_steps.order_by("position", "pk")) if provider else []
    steps = [
        CourseStep(
            course=course,
            position=step.position,
            title=step.title,
            description=step.description,
            is_follow_up=step.is_follow_up,
            planned_on=start_date + timedelta(days=step.offset_days),
            source_step=step,
        )
        for step in model
    ]
    if not any(step.is_follow_up for step in steps):
        steps.append(
            CourseStep(
                course=course,
                position=len(steps),
                title=_("Follow-up conversation with the provider"),
                is_follow_up=True,
                planned_on=start_date + DEFAULT_FOLLOW_UP_AFTER,
            )
        )
    CourseStep.objects.bulk_create(steps)
    return course


def _check_open(course: Course) -> None:
    if not course.is_open:
        raise ValidationError(_("The course is closed; nothing can be changed."))


@transaction.atomic
def course_step_mark_done(*, step: CourseStep, by: User) -> CourseStep:
    _check_open(step.course)
    if step.done_at is not None:
        return step
    step.done_at = timezone.now()
    step.done_by = by
    step.save(update_fields=["done_at", "done_by"])
    event = _event(step.course, EventKind.STEP_DONE, by)
    notifications.step_done(step.course, event=event.pk, by=by)
    return step


@transaction.atomic
def course_step_undo(*, step: CourseStep, by: User) -> CourseStep:
    _check_open(step.course)
    step.done_at = None
    step.done_by = None
    step.save(update_fields=["done_at", "done_by"])
    return step


@transaction.atomic
def course_follow_up_save(*, course: Course, text: str) -> Course:
    _check_open(course)
    course.local_follow_up = text.strip()
    course.full_clean()
    course.save(update_fields=["local_follow_up", "updated_at"])
    return course


@transaction.atomic
def course_file_add(
    *, course: Course, by: User, upload: UploadedFile, description: str = ""
) -> CourseFile:
    _check_open(course)
    name = (upload.name or "file").rsplit("/", 1)[-1][:255]
    item = CourseFile(
        course=course,
        file=upload,
        name=name,
        size=upload.size or 0,
        description=description.strip(),
        uploaded_by=by,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def course_file_delete(*, item: CourseFile) -> None:
    _check_open(item.course)
    item.file.delete(save=False)
    item.delete()


@transaction.atomic
def course_complete(*, course: Course, by: User) -> Course:
    """The course is over (its steps done or not: the parties decide)."""
    _check_open(course)
    course.completed_at = timezone.now()
    course.save(update_fields=["completed_at", "updated_at"])
    _event(course, EventKind.COURSE_COMPLETED, by)
    return course
