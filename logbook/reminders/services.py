"""The logbook reminder before a development meeting.

Rule: when a company has written nothing in its logbook in the 14 days before a
development meeting, its people get one e-mail that reminds them to write.

Decisions (documented here because the sweeper is the only place they live):

- *When*: the reminder goes out by the first sweep at most ``selectors.LEAD_TIME`` (3 days)
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
  in the same transaction that writes the e-mails to the outbox: a second
  sweep, or a concurrent one, finds the row (or waits on its insert and then
  fails on the unique constraint) and sends nothing.
- *Content*: only the meeting's title and date and a link to the logbook page;
  never anything the company wrote.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from bifrost.core import emails
from bifrost.core.http import absolute_url
from logbook.models import Logbook, LogbookReminder
from logbook.reminders import selectors
from logbook.reminders.selectors import QUIET_DAYS
from programme.models import Meeting

logger = logging.getLogger(__name__)


def _queue_emails(logbook: Logbook, meeting: Meeting, recipients: list[str]) -> None:
    context = {
        "meeting_title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at),
        "quiet_days": QUIET_DAYS,
        "logbook_url": absolute_url("logbook:detail", pk=logbook.pk),
    }
    for address in recipients:
        emails.send(
            to=[address],
            template="logbook/email/reminder",
            context=context,
            language=settings.LANGUAGE_CODE,
            # One e-mail per cause in the outbox, written with the claim below.
            key=f"logbook-reminder:{logbook.pk}:{meeting.pk}:{address}",
        )


def reminder_send(*, logbook: Logbook, meeting: Meeting) -> bool:
    """Claim the (logbook, meeting) reminder and queue its e-mails; False if taken."""
    recipients = selectors.recipients(logbook)
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


def reminders_send_due(*, now: datetime | None = None) -> int:
    """The sweeper (Celery beat): send every reminder that is due. Returns how many
    logbooks were reminded."""
    now = now or timezone.now()
    sent = 0
    for meeting in selectors.upcoming_meetings(now):
        for logbook in selectors.quiet_logbooks(meeting):
            try:
                sent += reminder_send(logbook=logbook, meeting=meeting)
            except Exception:
                # One broken reminder is tried again next sweep; the rest go out.
                logger.exception("Logbook reminder %s/%s failed", logbook.pk, meeting.pk)
    if sent:
        logger.info("Sent %s logbook reminders", sent)
    return sent
