"""Health checks for `/healthz` that belong to the core: free disk space under MEDIA_ROOT.

`check_disk()` answers "ok" or "low" (below ``settings.HEALTHZ_MIN_FREE_BYTES``,
default 1 GiB), or "error" when the free space cannot be measured. It never raises.

A low disk is a warning, not an outage: `/healthz` stays 200 and reports
``"disk": "low"``. Every page still answers, and a 503 would make the container
health check and any load balancer take a working site offline (and a restart frees
no disk). Monitoring alerts on the ``disk`` field instead; each low reading is also
logged as a warning. Uploads that do hit a full disk get a clear form error
(`bifrost.core.storage`).
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

DEFAULT_MIN_FREE_BYTES = 1024**3  # 1 GiB


def min_free_bytes() -> int:
    """The threshold below which the disk counts as low (``HEALTHZ_MIN_FREE_BYTES``)."""
    return int(getattr(settings, "HEALTHZ_MIN_FREE_BYTES", DEFAULT_MIN_FREE_BYTES))


def _existing(path: Path) -> Path:
    # A fresh installation may not have created MEDIA_ROOT yet: measure the
    # filesystem it will be created on.
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def free_bytes(path: str | os.PathLike[str] | None = None) -> int:
    """Free bytes for an unprivileged writer on the filesystem holding ``path``
    (default ``MEDIA_ROOT``)."""
    target = _existing(Path(path if path is not None else settings.MEDIA_ROOT).resolve())
    return shutil.disk_usage(target).free


def check_disk(path: str | os.PathLike[str] | None = None) -> str:
    """The disk entry of /healthz: "ok" when at least ``HEALTHZ_MIN_FREE_BYTES`` are
    free under ``path`` (default ``MEDIA_ROOT``), "low" below that, "error" when it
    cannot be measured."""
    threshold = min_free_bytes()
    try:
        free = free_bytes(path)
    except OSError:
        logger.exception("healthz: could not measure the free disk space")
        return "error"
    if free < threshold:
        logger.warning(
            "healthz: low disk space under MEDIA_ROOT: %d MiB free, threshold %d MiB",
            free // 2**20,
            threshold // 2**20,
        )
        return "low"
    return "ok"
