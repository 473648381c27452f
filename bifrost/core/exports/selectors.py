"""Reads over every export kind: the failed exports a person may see (one query per
listed kind, whatever the number of rows)."""

import datetime
from dataclasses import dataclass
from typing import Any

from bifrost.core.exports import kinds
from bifrost.core.exports.models import ExportStatus


@dataclass(frozen=True)
class FailedExport:
    label: str
    url: str
    requested_by: Any
    created_at: datetime.datetime
    finished_at: datetime.datetime | None


def failed_exports(user: Any, *, limit: int = 10) -> list[FailedExport]:
    """The newest failed exports of the listed kinds that `user` may see (no error
    texts: those are for the operators' log)."""
    found: list[FailedExport] = []
    for listing in kinds.listings():
        rows = (
            listing.visible(user)
            .filter(status=ExportStatus.FAILED)
            .select_related("requested_by", *listing.related)
            .order_by("-created_at", "-pk")[:limit]
        )
        for export in rows:
            label, url = listing.describe(export)
            found.append(
                FailedExport(
                    label=label,
                    url=url,
                    requested_by=export.requested_by,
                    created_at=export.created_at,
                    finished_at=export.finished_at,
                )
            )
    found.sort(key=lambda export: export.created_at, reverse=True)
    return found[:limit]
