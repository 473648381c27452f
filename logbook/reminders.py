"""The logbook reminder before a development meeting.

Rule: when a company has written nothing in its logbook in the 14 days before a
development meeting, its people get one e-mail that reminds them to write.

Decisions (documented here because the sweeper is the only place they live):

- *When*: the reminder goes out by the first sweep at most ``LEAD_TIME`` (3 days)
  before the meeting starts, which still leaves time to write; nothing is sent
  for a meeting that has started.
- *Written*: an entry counts when it is not deleted and was created or last
  saved at or after ``meeting start − 14 days``. A logbook with no entries at
  all is reminded too.
- *Which meetings*: development meetings 1–6 (not the kick-off, where the
  logbook starts), planned (not cancelled), whose audience includes companies,
  in the logbook's programme.
- *Which logbooks*: ``reminders_enabled`` and the company still actively
  enrolled in the programme.
- *Who*: every active member of the company, one e-mail each.
- *Once*: a ``LogbookReminder`` row (unique per logbook and meeting) is claimed
  in the same transaction that queues the e-mails (queued on commit): a second
  sweep, or a concurrent one, finds the row (or waits on its insert and then
  fails on the unique constraint) and sends nothing.
- *Content*: only the meeting's title and date and a link to the logbook page;
  never anything the company wrote.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template import Context
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from bifrost.accounts.models import User
from bifrost.core import emails
from logbook.models import Entry, Logbook, LogbookReminder
from programme.models import Enrolment, Meeting

logger = logging.getLogger(__name__)

QUIET_DAYS = 14
LEAD_TIME = timedelta(days=3)
COMPANY_AUDIENCES = (Meeting.Audience.SMV_ONLY, Meeting.Audience.ALL)


def upcoming_meetings(now: datetime):
    return Meeting.objects.filter(
        status=Meeting.Status.PLANNED,
        number__gte=1,
        audience__in=COMPANY_AUDIENCES,
        starts_at__gt=now,
        starts_at__lte=now + LEAD_TIME,
    ).order_by("starts_at")


def quiet_logbooks(meeting: Meeting):
    """Logbooks of the meeting's programme that should get the reminder and have not."""
    window_start = meeting.starts_at - timedelta(days=QUIET_DAYS)
    recent_entries = Entry.objects.filter(logbook=OuterRef("pk"), deleted_at__isnull=True).filter(
        Q(created_at__gte=window_start) | Q(updated_at__gte=window_start)
    )
    active_enrolment = Enrolment.objects.filter(
        programme_id=meeting.programme_id, organisation=OuterRef("company"), left_at__isnull=True
    )
    already = LogbookReminder.objects.filter(logbook=OuterRef("pk"), meeting=meeting)
    return (
        Logbook.objects.filter(programme_id=meeting.programme_id, reminders_enabled=True)
        .filter(Exists(active_enrolment))
        .exclude(Exists(recent_entries))
        .exclude(Exists(already))
        .select_related("company")
        .order_by("pk")
    )


def _logbook_url(logbook: Logbook) -> str:
    try:
        path = reverse("logbook:detail", kwargs={"pk": logbook.pk})
    except NoReverseMatch:
        path = reverse("logbook:landing")
    return settings.SITE_URL + path


def _render_text(template_name: str, context: dict) -> str:
    """Plain text without HTML escaping (a title such as "Q&A" stays as it is)."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def _queue_emails(logbook: Logbook, meeting: Meeting, recipients: list[str]) -> None:
    context = {
        "meeting_title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at),
        "quiet_days": QUIET_DAYS,
        "logbook_url": _logbook_url(logbook),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _render_text("logbook/email/reminder_subject.txt", context).strip()
        body = _render_text("logbook/email/reminder_body.txt", context)
    for address in recipients:
        emails.queue(to=[address], subject=subject, body=body)


def send_one(*, logbook: Logbook, meeting: Meeting) -> bool:
    """Claim the (logbook, meeting) reminder and queue its e-mails; False if taken."""
    recipients = list(
        User.objects.filter(is_active=True, memberships__organisation_id=logbook.company_id)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return False
    try:
        with transaction.atomic():
            LogbookReminder.objects.create(logbook=logbook, meeting=meeting)
            # Queued on commit: a rolled-back claim sends nothing.
            _queue_emails(logbook, meeting, recipients)
    except IntegrityError:
        return False  # another sweep claimed it first
    return True


def send_due(*, now: datetime | None = None) -> int:
    """The sweeper (Celery beat): send every reminder that is due. Returns how many
    logbooks were reminded."""
    now = now or timezone.now()
    sent = 0
    for meeting in upcoming_meetings(now):
        for logbook in quiet_logbooks(meeting):
            try:
                sent += send_one(logbook=logbook, meeting=meeting)
            except Exception:
                # One broken reminder is tried again next sweep; the rest go out.
                logger.exception("Logbook reminder %s/%s failed", logbook.pk, meeting.pk)
    if sent:
        logger.info("Sent %s logbook reminders", sent)
    return sent
