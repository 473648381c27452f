"""Operations tests: the reverse proxy, gunicorn, backups, storage and disk checks.

Every test in this folder carries the `ops` marker. They run in `make test` (and
so in CI); the ones that need nginx fail, never skip, when it is missing: install
it with `bash scripts/ensure-nginx.sh` (the Makefile's `test` target does).
"""

from pathlib import Path

import pytest

OPS_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if OPS_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.ops)
