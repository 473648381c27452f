"""The pseudonymised research dataset of a programme (Danish CSV and XLSX through the
core's table export, for facilitators).

Only logbooks whose company shares them with the researchers
(``share_with_researchers``) are included. The company is replaced by a stable
code, the same in every export, that cannot be turned back into the company
without the server's secret key: ``"V-"`` and the first 8 hex digits of
HMAC-SHA256(SECRET_KEY, "company:<id>"). Authors are replaced by their role
(SMV owner, advisor, facilitator) as stable codes; free text and dates are kept as
written. The headings are Danish like every table export's.
"""

import hashlib
import hmac

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from bifrost.accounts.models import Membership, Role
from bifrost.core import spreadsheets
from bifrost.core.slugs import ascii_slug
from logbook.entries import schema
from logbook.exports.downloads import field_label
from logbook.models import Entry, EntryComment, Logbook
from programme.models import Programme

COLUMNS = [
    "company_code",
    "entry_date",
    "kind",
    "author_role",
    *schema.WRITTEN_FIELDS,
    "meeting_number",
    *schema.LINK_FIELDS,
    "created_at",
    "comments",
]
UNKNOWN_ROLE = "unknown"
#: The heading of each column (translatable; Danish in the files).
COLUMN_LABELS: dict[str, StrOrPromise] = {
    "company_code": _("Company code"),
    "entry_date": _("Date"),
    "kind": _("Kind (code)"),
    "author_role": _("Author's role (code)"),
    **{name: field_label(name) for name in schema.WRITTEN_FIELDS},
    "meeting_number": _("Development meeting no."),
    **{name: field_label(name) for name in schema.LINK_FIELDS},
    "created_at": _("Created"),
    "comments": _("Comments"),
}


def company_code(company_id: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"company:{company_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"V-{digest[:8]}"


def consented_logbooks(programme: Programme) -> list[Logbook]:
    return list(
        Logbook.objects.filter(programme=programme, share_with_researchers=True)
        .select_related("company")
        .order_by("pk")
    )


def _roles(logbooks: list[Logbook], user_ids: set[int]) -> dict[tuple[int, int], str]:
    """(company id, user id) → role, in one query: the company's own people are SMV
    owners; anyone else by the role they hold elsewhere (advisor, facilitator)."""
    company_ids = {logbook.company_id for logbook in logbooks}
    rows = Membership.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "organisation_id", "role"
    )
    own: dict[int, set[int]] = {}
    elsewhere: dict[int, set[str]] = {}
    for user_id, organisation_id, role in rows:
        if organisation_id in company_ids:
            own.setdefault(user_id, set()).add(organisation_id)
        elsewhere.setdefault(user_id, set()).add(role)
    result = {}
    for company_id in company_ids:
        for user_id in user_ids:
            if company_id in own.get(user_id, set()):
                result[(company_id, user_id)] = Role.SMV_OWNER.value
                continue
            held = elsewhere.get(user_id, set())
            for role in (Role.ADVISOR, Role.FACILITATOR, Role.SMV_OWNER):
                if role in held:
                    result[(company_id, user_id)] = role.value
                    break
    return result


def _role(roles: dict, company_id: int, user_id: int | None) -> str:
    if user_id is None:
        return UNKNOWN_ROLE
    return roles.get((company_id, user_id), UNKNOWN_ROLE)


def _written(entry: Entry) -> list:
    """The entry's free text as written; lists stay lists (one item a line in a cell)."""
    texts = [getattr(entry, name) for name in schema.TEXT_FIELDS]
    lines = [[str(item) for item in getattr(entry, name) or []] for name in schema.LINE_FIELDS]
    return texts + lines


def dataset(programme: Programme) -> tuple[list[Logbook], list[list]]:
    """The included logbooks and the rows (without the header), in a fixed number of
    queries. Rows are ordered by company code, date and entry."""
    logbooks = consented_logbooks(programme)
    items = list(
        Entry.objects.filter(logbook__in=logbooks, deleted_at__isnull=True)
        .select_related("logbook", "meeting")
        .prefetch_related(
            "goals",
            "knowledge_pages",
            Prefetch(
                "comments",
                queryset=EntryComment.objects.live().only(
                    "entry_id", "author_id", "text", "created_at"
                ),
            ),
        )
    )
    user_ids = {entry.author_id for entry in items if entry.author_id}
    for entry in items:
        user_ids.update(c.author_id for c in entry.comments.all() if c.author_id)
    roles = _roles(logbooks, user_ids)
    codes = {logbook.company_id: company_code(logbook.company_id) for logbook in logbooks}
    items.sort(key=lambda entry: (codes[entry.logbook.company_id], entry.entry_date, entry.pk))
    rows = []
    for entry in items:
        company_id = entry.logbook.company_id
        comments = [
            f"{spreadsheets.danish_date(timezone.localdate(comment.created_at))} – "
            f"{_role(roles, company_id, comment.author_id)}: {comment.text}"
            for comment in entry.comments.all()
        ]
        rows.append(
            [
                codes[company_id],
                entry.entry_date,
                entry.kind,
                _role(roles, company_id, entry.author_id),
                *_written(entry),
                None if entry.meeting is None else entry.meeting.number,
                *(
                    [item.title for item in getattr(entry, name).all()]
                    for name in schema.LINK_FIELDS
                ),
                timezone.localdate(entry.created_at),
                comments,
            ]
        )
    return logbooks, rows


def dataset_table(programme: Programme) -> tuple[list[Logbook], spreadsheets.Table]:
    """The included logbooks (for the access log) and the dataset as a table."""
    logbooks, rows = dataset(programme)
    slug = ascii_slug(programme.name, fallback="programme")
    table = spreadsheets.Table(
        columns=[COLUMN_LABELS[column] for column in COLUMNS],
        rows=rows,
        sheet_title=_("Research dataset"),
        filename=f"research-dataset-{slug}-{timezone.localdate().isoformat()}",
    )
    return logbooks, table
