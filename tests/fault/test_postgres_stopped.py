"""PostgreSQL stopped for about 10 s: every page answers a readable 503 with
Retry-After, never a 500, and everything answers 200 again afterwards without
restarting gunicorn (issue 11, items 4 and 9).

The scenario (module fixture `db_outage`): a bounded loop sends requests in turn to
the public front page, /knowledge/ and /healthz, and with a logged-in session
cookie to the dashboard and /healthz, while a thread stops our cluster with
`pg_ctl stop -m fast`, waits, and starts it again. Responses are counted by
phase (down: from the stop until the cluster accepts connections again; after)
and status; recovery is the time from the restart to the first round in which
every URL answered 200.
"""

import threading
import time
from collections import Counter, defaultdict

import pytest
from django.urls import reverse

from tests.fault.browser import Browser
from tests.fault.procs import OWNER, PASSWORD

pytestmark = [pytest.mark.broker, pytest.mark.fault]

DOWN_SECONDS = 10.0
RECOVERY_LIMIT_SECONDS = 10.0
MAX_REQUESTS = 3000
MAX_LOOP_SECONDS = 60.0
CLIENT_TIMEOUT = 10.0
#: The title of the readable 503 page, in Danish or in English (bodies are compared lowercased).
DANISH, ENGLISH = "midlertidigt utilgængelig", "temporarily unavailable"


class Outage(threading.Thread):
    """Stops the cluster, waits DOWN_SECONDS, starts it; records when each happened."""

    def __init__(self, stack) -> None:
        super().__init__(name="postgres-outage", daemon=True)
        self.stack = stack
        self.stopping_at: float | None = None
        self.stopped_at: float | None = None
        self.started_at: float | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.stopping_at = time.monotonic()
            self.stack.stop_postgres("fast")
            self.stopped_at = time.monotonic()
            time.sleep(max(0.0, DOWN_SECONDS - (self.stopped_at - self.stopping_at)))
        except BaseException as error:  # recorded; the cluster is started below anyway
            self.error = error
        finally:
            self.stack.start_postgres()
            self.started_at = time.monotonic()


def _kind(answer) -> str:
    """What a 503 looked like: a Danish or English page, JSON from /healthz, or other."""
    if answer.header("content-type").startswith("application/json"):
        return "json" if '"database": "error"' in answer.body else "other"
    body = answer.body.lower()
    if "<h1" not in body:
        return "other"
    return "danish-page" if DANISH in body else "english-page" if ENGLISH in body else "other"


def _record(counts: dict, problems: list, target: str, phase: str, answer) -> None:
    counts[phase][str(answer.status)] += 1  # a defaultdict(Counter)
    counts[f"{phase}:{target}"][str(answer.status)] += 1
    if answer.status == 503:
        kind = _kind(answer)
        counts["503 bodies"][kind] += 1
        if not answer.header("retry-after"):
            problems.append(f"{phase} {target}: 503 without Retry-After ({kind})")
        if kind == "other":
            problems.append(f"{phase} {target}: 503 that is not a readable page")
    elif answer.status not in (200, 503):
        problems.append(f"{phase} {target}: {answer.status} {answer.error}".strip())


def _phase(outage: Outage, began: float) -> str:
    if outage.stopping_at is None:
        return "before"
    if outage.started_at is not None and began >= outage.started_at:
        return "after"
    return "down"


def _loop(targets, outage: Outage) -> dict:
    counts: defaultdict[str, Counter] = defaultdict(Counter)
    problems: list[str] = []
    recovered_at, sent, start = None, 0, time.monotonic()
    while sent < MAX_REQUESTS and time.monotonic() - start < MAX_LOOP_SECONDS:
        round_start = time.monotonic()
        statuses = []
        for target, browser, path in targets:
            phase = _phase(outage, time.monotonic())
            answer = browser.get(path, timeout=CLIENT_TIMEOUT)
            sent += 1
            _record(counts, problems, target, phase, answer)
            statuses.append(answer.status)
        if _phase(outage, round_start) == "after" and set(statuses) == {200}:
            recovered_at = time.monotonic()
            break
        if outage.ident is None:
            outage.start()  # one clean round first, then the stop
    return {
        "counts": {phase: dict(counter) for phase, counter in counts.items()},
        "problems": problems,
        "recovered_at": recovered_at,
        "requests": sent,
    }


@pytest.fixture(scope="module")
def db_outage(stack, figures) -> dict:
    anonymous = Browser(stack.base_url)
    member = Browser(stack.base_url)
    assert member.login(OWNER, PASSWORD).status == 302
    targets = [
        (f"{who} {path}", browser, path)
        for who, browser, path in [
            ("anonymous", anonymous, reverse("front_page")),
            ("anonymous", anonymous, reverse("knowledge:landing")),
            ("anonymous", anonymous, reverse("healthz")),
            ("logged-in", member, reverse("dashboard")),
            ("logged-in", member, reverse("healthz")),
        ]
    ]
    web_pid = stack.processes["web"].pid
    outage = Outage(stack)
    try:
        seen = _loop(targets, outage)
    finally:
        if outage.ident is not None:
            outage.join(timeout=120)  # the cluster is always started again
    after = {target: browser.get(path).status for target, browser, path in targets}
    recovery = (
        None
        if seen["recovered_at"] is None or outage.started_at is None
        else round(seen["recovered_at"] - outage.started_at, 2)
    )
    result = {
        **seen,
        "down_seconds": (
            round(outage.started_at - outage.stopping_at, 1) if outage.started_at else None
        ),
        "recovery_seconds": recovery,
        "after": after,
        "outage_error": repr(outage.error) if outage.error else None,
        "web_pid_unchanged": stack.processes["web"].pid == web_pid,
        "web_alive": stack.processes["web"].popen.poll() is None,
    }
    figures.record(
        "postgres_stopped",
        {
            "statuses_by_phase": {
                k: v for k, v in seen["counts"].items() if k in ("before", "down", "after")
            },
            "bodies_of_the_503s": seen["counts"].get("503 bodies", {}),
            "statuses_by_url_while_down": {
                k.split(":", 1)[1]: v for k, v in seen["counts"].items() if k.startswith("down:")
            },
            "requests": seen["requests"],
            "down_seconds": result["down_seconds"],
            "recovery_seconds": recovery,
            "problems": sorted(set(seen["problems"])),
        },
    )
    return result


def test_the_stop_really_happened(db_outage):
    assert db_outage["outage_error"] is None
    assert db_outage["counts"].get("down", {}).get("503", 0) > 0, db_outage["counts"]


def test_no_500_while_the_database_is_down(db_outage):
    counts = db_outage["counts"]
    statuses = set(counts.get("down", {})) | set(counts.get("after", {}))
    assert statuses <= {"200", "503"}, db_outage["counts"]


def test_every_503_is_readable_and_says_when_to_retry(db_outage):
    assert db_outage["problems"] == [], sorted(set(db_outage["problems"]))


def test_everything_answers_200_again_without_restarting_gunicorn(db_outage):
    assert db_outage["recovery_seconds"] is not None, db_outage["counts"]
    assert db_outage["recovery_seconds"] <= RECOVERY_LIMIT_SECONDS
    assert set(db_outage["after"].values()) == {200}, db_outage["after"]
    assert db_outage["web_pid_unchanged"] and db_outage["web_alive"]
