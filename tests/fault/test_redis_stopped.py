"""Redis stopped: pages and login keep working, e-mail waits in the outbox and is
delivered exactly once when Redis is back (issue 11, items 1, 2 and 9).

The scenario runs once (module fixture `outage`) against the real stack: the
facilitator invites a control group while Redis is up; then our redis-server is
stopped with SIGTERM and, while it is down, public pages, a login, /healthz and
more invitations go through gunicorn; then Redis is started again on the same
port (empty: no persistence, so nothing queued survives) and the beat sweeper
with the default worker must deliver every outstanding e-mail once. A last group
is invited after the restart (the web processes must publish normally again).
Each test checks one claim; the figures are recorded before any is checked.
"""

import re
import time
import uuid
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse

from tests.fault.browser import CSRF_FIELD, Browser
from tests.fault.mailbox import files, recipients, tally
from tests.fault.procs import FACILITATOR, PASSWORD

pytestmark = [pytest.mark.broker, pytest.mark.fault]

INVITED_BEFORE = 5
INVITED_WHILE_DOWN = 10
INVITED_AFTER = 3
FAST_SECONDS = 3.0
#: The client gives up on a request after this (the server's own time is in its log).
CLIENT_TIMEOUT = 2 * FAST_SECONDS
DELIVERY_LIMIT_SECONDS = 60.0
#: After the last expected e-mail, watch this long for second copies (two sweeps).
DUPLICATE_WATCH_SECONDS = 7.0
PUBLIC_PAGES = ["front_page", "knowledge:landing"]
ROLE_OPTION = re.compile(r'name="role".*?<option value="([^"]+)"', re.S)


def _invite(browser: Browser, organisation_pk: int, address: str) -> dict:
    """The real invitation form: GET it, POST the address and the role it offers.

    The POST carries `?fault=<address>` (ignored by the view) so that gunicorn's
    access log tells which request took how long on the server."""
    path = reverse("invitation_create", args=[organisation_pk])
    form = browser.get(path)
    role, csrf = ROLE_OPTION.search(form.body), CSRF_FIELD.search(form.body)
    if form.status != 200 or role is None or csrf is None:
        return {"address": address, "form_status": form.status, "status": None, "seconds": None}
    data = {"csrfmiddlewaretoken": csrf.group(1), "email": address, "role": role.group(1)}
    answer = browser.request(
        f"{path}?{urlencode({'fault': address})}", data=data, timeout=CLIENT_TIMEOUT
    )
    return {
        "address": address,
        "status": answer.status,  # 0: no answer within CLIENT_TIMEOUT
        "seconds": round(answer.seconds, 3),
        "location": answer.location,
    }


def _server_seconds(stack, organisation_pk: int, addresses: list[str], since: int) -> list:
    """How long the server took for each address's POST (None: not finished yet)."""
    served = stack.served("POST", reverse("invitation_create", args=[organisation_pk]), since=since)
    took = {parse_qs(urlsplit(path).query).get("fault", [""])[0]: s for path, _st, s in served}
    return [took.get(address) for address in addresses]


def _wait_for_mail(mail_dir, addresses: list[str], *, limit: float) -> float | None:
    """Seconds until every address got at least one e-mail; None if not within `limit`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        counts = recipients(mail_dir)
        if all(counts[address] for address in addresses):
            return round(time.monotonic() - start, 1)
        time.sleep(0.5)
    return None


def _committed(stack, demo, addresses: list[str]) -> int:
    table = demo["tables"]["invitation"]  # from the ORM, not user input
    query = f"SELECT count(*) FROM {table} WHERE email = ANY(%s)"  # noqa: S608
    return stack.sql(query, (addresses,))[0][0]


def _outbox(stack, demo, run: str) -> list[dict]:
    table = demo["tables"]["outbox"]
    query = f'SELECT "to"::text, status, attempts FROM {table} WHERE "to"::text LIKE %s'  # noqa: S608
    rows = stack.sql(query, (f"%{run}%",))
    return [{"to": to, "status": status, "attempts": attempts} for to, status, attempts in rows]


def _swept(stack, since: int) -> int:
    """E-mails that beat's `core.sweep_outbox` runs report as sent, from the worker log."""
    log = (stack.root / "worker.log").read_bytes()[since:].decode(errors="replace")
    done = re.findall(r"core\.sweep_outbox\[[^\]]+\] succeeded in [^:]+: (\d+)", log)
    return sum(int(n) for n in done)


def _while_down(stack, demo, facilitator: Browser, addresses: list[str]) -> dict:
    anonymous = Browser(stack.base_url)
    pages = {}
    for name in PUBLIC_PAGES:
        answer = anonymous.get(reverse(name), timeout=CLIENT_TIMEOUT)
        pages[name] = {"status": answer.status, "seconds": round(answer.seconds, 3)}
    newcomer = Browser(stack.base_url)
    login = newcomer.login("smv2@bifrost.example", PASSWORD)
    dashboard = newcomer.get(reverse("dashboard"), timeout=CLIENT_TIMEOUT)
    healthz = anonymous.get(reverse("healthz"), timeout=CLIENT_TIMEOUT)
    invited = [_invite(facilitator, demo["company_pk"], address) for address in addresses]
    return {
        "pages": pages,
        "login": {
            "status": login.status,
            "seconds": round(login.seconds, 3),
            "location": login.location,
            "dashboard_status": dashboard.status,
        },
        "healthz": {"status": healthz.status, "body": healthz.body[:300]},
        "invited_while_down": invited,
        "committed_while_down": _committed(stack, demo, addresses),
        "delivered_while_down": sum(1 for a in addresses if recipients(stack.mail_dir)[a]),
    }


def _figures(result: dict) -> dict:
    return {
        "emails": result["all"],
        "emails_invited_before_the_stop": result["before"],
        "emails_invited_while_redis_down": result["while_down"],
        "emails_invited_after_the_restart": result["after"],
        "delivery_seconds_after_restart": result["delivery_seconds_after_restart"],
        "redis_down_seconds": result["redis_down_seconds"],
        "pages_while_down": result["pages"],
        "login_while_down": result["login"],
        "healthz_while_down": result["healthz"],
        "invitation_post_client_statuses_while_down": [
            a["status"] for a in result["invited_while_down"]
        ],
        "invitation_post_server_seconds": result["server_seconds"],
        "sent_by_the_sweeper_after_restart": result["swept_after_restart"],
        "mail_files": result["mail_files"],
    }


@pytest.fixture(scope="module")
def outage(stack, demo, figures) -> dict:
    run = uuid.uuid4().hex[:8]
    group = {
        name: [f"fault-{name}-{i}-{run}@example.org" for i in range(size)]
        for name, size in [
            ("before", INVITED_BEFORE),
            ("down", INVITED_WHILE_DOWN),
            ("after", INVITED_AFTER),
        ]
    }
    facilitator = Browser(stack.base_url)
    assert facilitator.login(FACILITATOR, PASSWORD).status == 302
    organisation, web_log = demo["company_pk"], stack.log_mark()

    invited_before = [_invite(facilitator, organisation, a) for a in group["before"]]
    before_delivery = _wait_for_mail(stack.mail_dir, group["before"], limit=30)

    stack.stop_redis()
    stopped = time.monotonic()
    try:
        seen = _while_down(stack, demo, facilitator, group["down"])
    finally:
        down_for = time.monotonic() - stopped
        stack.start_redis()
        worker_log = stack.log_mark("worker")
    delivery = _wait_for_mail(stack.mail_dir, group["down"], limit=DELIVERY_LIMIT_SECONDS)
    swept = _swept(stack, worker_log)
    invited_after = [_invite(facilitator, organisation, a) for a in group["after"]]
    after_delivery = _wait_for_mail(stack.mail_dir, group["after"], limit=30)
    time.sleep(DUPLICATE_WATCH_SECONDS)

    everyone = group["before"] + group["down"] + group["after"]
    result = {
        **seen,
        "invited_before": invited_before,
        "before_delivery_seconds": before_delivery,
        "redis_down_seconds": round(down_for, 1),
        "delivery_seconds_after_restart": delivery,
        "swept_after_restart": swept,
        "invited_after": invited_after,
        "after_delivery_seconds": after_delivery,
        "outbox": _outbox(stack, demo, run),
        "mail_files": files(stack.mail_dir),
        "before": tally(stack.mail_dir, group["before"]),
        "while_down": tally(stack.mail_dir, group["down"]),
        "after": tally(stack.mail_dir, group["after"]),
        "all": tally(stack.mail_dir, everyone),
        "expected_rows": len(everyone),
        "processes_alive": {n: p.popen.poll() is None for n, p in stack.processes.items()},
        "server_seconds": {
            name: _server_seconds(stack, organisation, addresses, web_log)
            for name, addresses in group.items()
        },
    }
    figures.record("redis_stopped", _figures(result))
    return result


def _once(size: int) -> dict:
    return {"expected": size, "sent": size, "lost": 0, "duplicated": 0}


def test_public_pages_answer_quickly_while_redis_is_down(outage):
    for path, seen in outage["pages"].items():
        assert seen["status"] == 200, (path, seen)
        assert seen["seconds"] < FAST_SECONDS, (path, seen)


def test_login_works_while_redis_is_down(outage):
    login = outage["login"]
    assert login["status"] == 302, login
    assert login["location"] == reverse("dashboard"), login
    assert login["seconds"] < FAST_SECONDS, login
    assert login["dashboard_status"] == 200, login


def test_healthz_names_what_is_down(outage):
    """503 naming both users of Redis: the broker, and the cache (which serves from
    process memory meanwhile, so a set-then-get round trip alone still succeeds)."""
    healthz = outage["healthz"]
    assert healthz["status"] == 503, healthz
    assert '"broker": "error"' in healthz["body"], healthz
    assert '"cache": "error"' in healthz["body"], healthz


def test_invitations_answer_quickly_and_commit_while_redis_is_down(outage):
    invited = outage["invited_while_down"]
    assert [a["status"] for a in invited] == [302] * INVITED_WHILE_DOWN, invited
    took = outage["server_seconds"]["down"]
    assert all(s is not None and s < FAST_SECONDS for s in took), took
    assert outage["committed_while_down"] == INVITED_WHILE_DOWN
    assert outage["delivered_while_down"] == 0  # nothing can have been sent yet


def test_emails_caused_while_redis_was_up_are_sent_once(outage):
    assert [a["status"] for a in outage["invited_before"]] == [302] * INVITED_BEFORE
    assert outage["before_delivery_seconds"] is not None, outage["outbox"]
    assert outage["before"] == _once(INVITED_BEFORE)


def test_emails_caused_while_redis_was_down_are_sent_once_by_the_sweeper(outage):
    assert outage["delivery_seconds_after_restart"] is not None, outage["outbox"]
    assert outage["delivery_seconds_after_restart"] <= DELIVERY_LIMIT_SECONDS
    assert outage["while_down"] == _once(INVITED_WHILE_DOWN)
    # Their on-commit publish failed, so the beat sweeper (run by the worker) sent them.
    assert outage["swept_after_restart"] >= INVITED_WHILE_DOWN


def test_publishing_works_again_after_the_restart(outage):
    invited = outage["invited_after"]
    assert [a["status"] for a in invited] == [302] * INVITED_AFTER, invited
    took = outage["server_seconds"]["after"]
    assert all(s is not None and s < FAST_SECONDS for s in took), took
    assert outage["after_delivery_seconds"] is not None
    assert outage["after"] == _once(INVITED_AFTER)


def test_no_email_is_lost_or_sent_twice_over_the_whole_test(outage):
    assert outage["all"] == _once(outage["expected_rows"])
    assert len(outage["outbox"]) == outage["expected_rows"]
    assert all(row["status"] == "sent" for row in outage["outbox"]), outage["outbox"]


def test_workers_and_beat_survive_the_outage(outage):
    assert all(outage["processes_alive"].values()), outage["processes_alive"]
