"""A course's steps, follow-up and files."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from advice.courses import services
from advice.models import EventKind
from bifrost.core.models import Notification
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    provider = advice.ProviderFactory()
    advice.course_model(provider)
    return advice.accepted_request(provider=provider).course


def test_marking_a_step_done_and_undoing_it(course):
    step = course.steps.first()
    leader = course.request.leader
    services.course_step_mark_done(step=step, by=leader)
    step.refresh_from_db()
    assert step.done_at is not None and step.done_by == leader
    # Marking again changes nothing and writes no second event.
    services.course_step_mark_done(step=step, by=leader)
    assert course.request.events.filter(kind=EventKind.STEP_DONE).count() == 1
    assert Notification.objects.filter(recipient=course.request.representative).exists()
    services.course_step_undo(step=step, by=leader)
    step.refresh_from_db()
    assert step.done_at is None and step.done_by is None


def test_a_completed_course_cannot_change(course):
    services.course_complete(course=course, by=course.request.leader)
    with pytest.raises(ValidationError):
        services.course_step_mark_done(step=course.steps.first(), by=course.request.leader)
    with pytest.raises(ValidationError):
        services.course_follow_up_save(course=course, text="x")


def test_follow_up_and_files(course, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    services.course_follow_up_save(course=course, text="  - Møde i MED hver måned  ")
    course.refresh_from_db()
    assert course.local_follow_up == "- Møde i MED hver måned"
    item = services.course_file_add(
        course=course,
        by=factories.UserFactory(),
        upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 test"),
        description="Plan",
    )
    assert item.name == "plan.pdf" and item.size == 13
    assert timezone.now() >= item.uploaded_at
