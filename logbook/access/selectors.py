"""Reads of a logbook's access log (the company's page "who has looked at our logbook").

A row holds only the kind of thing looked at and its id (never content). The page
says it as a sentence in the domain's words: "Mette Berg (advisor) viewed Note:
Our problem focus on 3 June 2027 at 14:05". `described` resolves the people's
names and the entries' titles for a page of rows in a fixed number of queries
(one for the people, one for the entries, one for the comments), whatever the
number of rows.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bifrost.accounts.models import AccessLogEntry, Role, User
from logbook.models import Entry, EntryComment, Logbook

Action = AccessLogEntry.Action

#: Kinds of object whose id is an entry (its title names it).
ENTRY_KINDS = {"entry", "entry_history", "entry_version", "change_logic"}


def access_log(
    logbook: Logbook,
    *,
    person: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AccessLogEntry]:
    """Who outside the company touched its data, newest first; optionally one person's
    rows, and only those from `date_from` to `date_to` (both days included, Danish time)."""
    rows = AccessLogEntry.objects.filter(organisation_id=logbook.company_id)
    if person is not None:
        rows = rows.filter(user_id=person)
    if date_from is not None:
        rows = rows.filter(created_at__gte=_start_of(date_from))
    if date_to is not None:
        rows = rows.filter(created_at__lt=_start_of(date_to + datetime.timedelta(days=1)))
    return rows.order_by("-created_at", "-pk")


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def people(logbook: Logbook) -> list[tuple[int, str]]:
    """The people in the log, as (user id, name) by name (2 queries)."""
    labels = dict(
        AccessLogEntry.objects.filter(organisation_id=logbook.company_id, user_id__isnull=False)
        .order_by()
        .values_list("user_id", "user_label")
        .distinct()
    )
    names = _names(labels)
    return sorted(
        ((pk, names.get(pk) or label) for pk, label in labels.items()),
        key=lambda item: item[1].casefold(),
    )


def _names(user_ids: Iterable[int]) -> dict[int, str]:
    ids = set(user_ids)
    if not ids:
        return {}
    return {user.pk: user.get_full_name() for user in User.objects.filter(pk__in=ids)}


@dataclass(frozen=True)
class AccessRow:
    row: AccessLogEntry
    name: str
    role: str
    what: str
    sentence: str
    when: datetime.datetime  # Danish time


# One whole sentence per action, so each reads naturally once translated. Built once
# (lazy: translated when used), not for every row.
SENTENCES: dict[str, Promise] = {
    Action.READ: _lazy("%(name)s (%(role)s) viewed %(what)s on %(date)s at %(time)s"),
    Action.SEARCH: _lazy("%(name)s (%(role)s) searched %(what)s on %(date)s at %(time)s"),
    Action.CHANGE: _lazy("%(name)s (%(role)s) changed %(what)s on %(date)s at %(time)s"),
    Action.COMMENT: _lazy("%(name)s (%(role)s) commented on %(what)s on %(date)s at %(time)s"),
    Action.EXPORT: _lazy("%(name)s (%(role)s) exported %(what)s on %(date)s at %(time)s"),
    Action.DELETE: _lazy("%(name)s (%(role)s) deleted %(what)s on %(date)s at %(time)s"),
}

# What was looked at, for the kinds that name no entry.
FIXED_THINGS: dict[str, Promise] = {
    "logbook": _lazy("the logbook"),
    "readiness": _lazy("Readiness checks"),
    "critical_situation": _lazy("Critical situations"),
    "logbook_export": _lazy("PDF export of the logbook"),
    "logbook_export_page": _lazy("the logbook's export page"),
    "logbook_csv": _lazy("the logbook as a spreadsheet (CSV)"),
    "logbook_xlsx": _lazy("the logbook as a spreadsheet (Excel)"),
    "logbook_json": _lazy("the logbook as data (JSON)"),
    "research_dataset": _lazy("the research dataset (pseudonymised)"),
    "case_page_draft": _lazy("the logbook for a case page draft"),
    # Written by the organisation pages (bifrost/accounts/organisations/services.py).
    "organisation": _lazy("the company's details"),
    "membership": _lazy("a person's membership of the company"),
}


def _sentence(action: str) -> str:
    return str(SENTENCES.get(action) or SENTENCES[Action.READ])


def _note(title: str | None) -> str:
    if title is None:
        return _("a note that has since been deleted")
    return _("Note: %(title)s") % {"title": title}


def _what(row: AccessLogEntry, titles: dict[int, str], comment_entries: dict[int, int]) -> str:
    """What was looked at, in the domain's words."""
    kind, pk = row.object_kind, row.object_id
    if kind == "entry":
        return _note(titles.get(pk) if pk else None)
    if kind == "entry_history":
        return _("the history of %(note)s") % {"note": _note(titles.get(pk) if pk else None)}
    if kind == "entry_version":
        return _("an earlier version of %(note)s") % {"note": _note(titles.get(pk) if pk else None)}
    if kind == "change_logic":
        if pk is None:
            return _("Change logics (all initiatives)")
        return _("Change logic: %(title)s") % {
            "title": titles.get(pk) or _("an initiative that has since been deleted")
        }
    if kind == "comment":
        entry_pk = comment_entries.get(pk) if pk else None
        return _("a comment on %(note)s") % {
            "note": _note(titles.get(entry_pk) if entry_pk else None)
        }
    return str(FIXED_THINGS.get(kind) or kind)


def described(rows: Sequence[AccessLogEntry], *, company_id: int) -> list[AccessRow]:
    """The rows as sentences: names, roles, what and when (at most 3 queries). Titles
    come only from the company's own entries."""
    rows = list(rows)
    names = _names(row.user_id for row in rows if row.user_id)
    comment_ids = {row.object_id for row in rows if row.object_kind == "comment" and row.object_id}
    comment_entries = (
        dict(
            EntryComment.objects.filter(
                pk__in=comment_ids, entry__logbook__company_id=company_id
            ).values_list("pk", "entry_id")
        )
        if comment_ids
        else {}
    )
    entry_ids = {
        row.object_id for row in rows if row.object_kind in ENTRY_KINDS and row.object_id
    } | set(comment_entries.values())
    titles = (
        dict(
            Entry.objects.filter(pk__in=entry_ids, logbook__company_id=company_id).values_list(
                "pk", "title"
            )
        )
        if entry_ids
        else {}
    )
    roles = dict(Role.choices)
    described_rows = []
    for row in rows:
        name = names.get(row.user_id) if row.user_id else None
        role = str(roles.get(row.role, row.role)) if row.role else _("no role")
        what = _what(row, titles, comment_entries)
        when = timezone.localtime(row.created_at)
        sentence = _sentence(row.action) % {
            "name": name or row.user_label,
            "role": role,
            "what": what,
            "date": date_format(when, "DATE_FORMAT"),
            "time": time_format(when, "H:i"),
        }
        described_rows.append(
            AccessRow(
                row=row,
                name=name or row.user_label,
                role=role,
                what=what,
                sentence=sentence,
                when=when,
            )
        )
    return described_rows
