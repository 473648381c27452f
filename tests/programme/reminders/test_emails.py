"""The reminder e-mail: the meeting's title and links, nothing a company wrote, plain text."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from programme.meetings import services as meeting_services
from programme.models import Meeting, PreparationStatus, Reminder
from tests.programme.reminders.helpers import PREPARATION_TASK, SECRET


@pytest.mark.django_db
def test_email_has_title_and_link_but_nothing_a_company_wrote(world, sweep):
    PreparationStatus.objects.create(
        meeting=world.m2,
        organisation=world.company,
        text=SECRET,
        done_at=timezone.now(),
        updated_by=world.owner,
    )
    item = world.m2.agenda_items.first()
    item.notes = SECRET
    item.save()
    Meeting.objects.filter(pk=world.m2.pk).update(minutes=SECRET)
    for due_at in sorted(set(Reminder.objects.values_list("due_at", flat=True))):
        sweep(due_at)
    m2_url = settings.SITE_URL + reverse("programme:meeting", args=[world.m2.pk])
    settings_url = settings.SITE_URL + reverse("programme:reminder_settings")
    m2_mails = [m for m in mail.outbox if m2_url in m.body]
    assert len(m2_mails) == 2 * 3  # owner and advisor: 7 days, 1 day, preparation
    for message in mail.outbox:
        assert SECRET not in message.subject
        assert SECRET not in message.body
        assert PREPARATION_TASK not in message.body  # the task text stays on the site
        assert settings_url in message.body
    for message in m2_mails:
        assert world.m2.title in message.subject
        assert world.m2.title in message.body


@pytest.mark.django_db
def test_subject_is_plain_text(world, sweep, django_capture_on_commit_callbacks):
    """Titles with & or quotes are not HTML-escaped in the e-mail."""
    title = 'Q&A: "Dilemmas" & <ideas>'
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(meeting=world.m1, title=title)
    assert sweep(world.m1_week_due) == 2
    for message in mail.outbox:
        assert title in message.subject
        assert title in message.body
