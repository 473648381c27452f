"""Fixtures of the fault tests: one real BIFROST stack for the whole package.

The stack (`tests.fault.stack.Stack`) is started once and shared: each test
module breaks one part of it (Redis, the export worker, PostgreSQL), puts it
back, and records what it saw. The figures the issue's closing note quotes are
printed (run with `-s`) and written to one JSON file (`BIFROST_FAULT_FIGURES`,
default `<system temp dir>/bifrost-fault-figures.json`), which outlives the
stack's own temp dir. `BIFROST_FAULT_KEEP=1` keeps that temp dir (logs, mail,
database files) for a post-mortem; the processes are stopped either way.
"""

import json
import os
import signal
import tempfile
from pathlib import Path

import pytest

from tests.fault.procs import make_root
from tests.fault.stack import Stack

#: What the tests need to know about the demo data, asked through the ORM (so table
#: names follow the models even while the apps are restructured).
_FACTS = """
import json
from bifrost.accounts.models import Invitation, Organisation, User
from bifrost.core.models import OutboxEmail
from logbook.models import Entry, Logbook, LogbookExport
owner = User.objects.get(email="smv1@bifrost.example")
logbook = Logbook.objects.filter(company__memberships__user=owner).order_by("pk").first()
company = Organisation.objects.filter(kind=Organisation.Kind.COMPANY).order_by("pk").first()
print(json.dumps({
    "company_pk": company.pk,
    "logbook_pk": logbook.pk,
    "owner_pk": owner.pk,
    "tables": {
        "outbox": OutboxEmail._meta.db_table,
        "invitation": Invitation._meta.db_table,
        "export": LogbookExport._meta.db_table,
        "entry": Entry._meta.db_table,
    },
}))
"""


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")  # so the teardown below still runs


def _report_dead_processes(fault_stack: Stack, config) -> None:
    """A process of the stack that died: the end of its log, written to the terminal
    (past pytest's capture) while the files still exist, so the cause is in CI's
    output (the files are removed afterwards)."""
    terminal = config.pluginmanager.get_plugin("terminalreporter")
    for name, process in fault_stack.processes.items():
        if process.popen.poll() is None:
            continue
        lines = process.log.read_text(errors="replace").splitlines()[-40:]
        text = "\n".join(
            [f"--- {name} exited with {process.popen.returncode}; the end of {process.log.name}:"]
            + lines
        )
        if terminal is not None:
            terminal.write_line(text)
        else:
            print(text)


@pytest.fixture(scope="session")
def stack(pytestconfig):
    """The whole stack as real processes on loopback; everything ended by PID afterwards."""
    fault_stack = Stack(make_root())
    keep = os.environ.get("BIFROST_FAULT_KEEP") == "1"
    # A SIGTERM (a CI timeout, `kill`) would end pytest without running `finally`.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        fault_stack.start()
        yield fault_stack
    finally:
        _report_dead_processes(fault_stack, pytestconfig)
        fault_stack.close(remove=not keep)
        signal.signal(signal.SIGTERM, previous)
        if keep:
            print(f"\nfault stack files kept in {fault_stack.root}")


@pytest.fixture(scope="session")
def demo(stack) -> dict:
    """Primary keys and table names of the demo data in the stack's database."""
    return json.loads(stack.shell(_FACTS).strip().splitlines()[-1])


class Figures:
    """The numbers for the closing note: printed and kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, dict] = {}

    def record(self, name: str, values: dict) -> None:
        self.data[name] = values
        self.path.write_text(json.dumps(self.data, indent=2, sort_keys=True) + "\n")
        print(f"\n[fault figures] {name}: {json.dumps(values, sort_keys=True)}")


@pytest.fixture(scope="session")
def figures() -> Figures:
    default = Path(tempfile.gettempdir()) / "bifrost-fault-figures.json"
    path = Path(os.environ.get("BIFROST_FAULT_FIGURES", default))
    path.unlink(missing_ok=True)  # this run's figures only
    return Figures(path)
