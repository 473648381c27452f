"""Marker texts the personal-data tests plant (to find them in, or miss them from, a
download) and the helper that writes an entry with one."""

from logbook.models import EntryVersion
from tests.logbook.factories import EntryFactory

OWNER_TEXT = "OWNER-OWN-ENTRY-TEXT"
COLLEAGUE_TEXT = "COLLEAGUE-ENTRY-SECRET-5521"
ADVISOR_TEXT = "ADVISOR-COMMENT-SECRET-7734"
ADVISOR_NOTE = "ADVISOR-PRIVATE-NOTE-1290"
TOTP_SECRET = "TOTP-SECRET-NEVER-EXPORTED"


def entry_by(logbook, author, text: str, **kwargs):
    entry = EntryFactory(logbook=logbook, author=author, updated_by=author, body=text, **kwargs)
    EntryVersion.objects.create(
        entry=entry, number=1, data={"title": entry.title, "body": text}, saved_by=author
    )
    return entry
