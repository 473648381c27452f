"""The load test's users (Locust), run by tests/bench/load_bench.py behind nginx.

Three kinds of people, in the proportions a programme day has:
- readers (anonymous): the front page, sections, pages and the search;
- SMV owners: log in, read their logbook, write an entry, now and then ask for
  the logbook PDF and wait for it (the export runs in the Celery worker);
- advisors: log in, their case list, a case, the company's logbook.
Request names group the figures: "public: …" and "logged in: …", so the report
can give logged-in pages their own p95.
"""

import itertools
import os
import random
import re
import time

from locust import HttpUser, between, events, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "bifrost-demo"
PUBLIC_PAGES = os.environ.get("BENCH_PUBLIC_PAGES", "/").split()
SEARCHES = ["sygefraværet", "stress", "trivselspolitik", "rådgiver", "tilbagevenden", "xyzzy"]
OWNERS = itertools.cycle(os.environ.get("BENCH_OWNERS", "smv1@bifrost.example").split())
ADVISORS = itertools.cycle(os.environ.get("BENCH_ADVISORS", "advisor1@bifrost.example").split())


TIMINGS: list[tuple[str, float, bool, float, str]] = []
#: A signed-in person's working session lasts this long (seconds), then they sign in
#: again: logging in stays part of the mix after everyone has arrived.
SESSION_SECONDS = (30, 90)


@events.request.add_listener
def _record(name, response_time, exception, **_kwargs):
    """Every request's time by group, for percentiles over all logged-in pages, with
    when it started and its name (so the report can tell the arrivals from what
    follows)."""
    started = time.time() - response_time / 1000
    TIMINGS.append((name.split(":", 1)[0], response_time, exception is not None, started, name))


@events.quitting.add_listener
def _dump(**_kwargs):
    out = os.environ.get("BENCH_TIMINGS_OUT")
    if out:
        import json

        with open(out, "w", encoding="utf-8") as handle:
            json.dump(TIMINGS, handle)


#: The name of each person's first login, as they arrive.
ARRIVAL = "login: submit"


def _token(html: str | None) -> str:
    # A failed request (the connection dropped) has no text.
    found = CSRF.search(html or "")
    return found.group(1) if found else ""


class Reader(HttpUser):
    weight = 3
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.verify = False

    @task(4)
    def page(self):
        path = random.choice(PUBLIC_PAGES)  # noqa: S311 - load mix, not security
        self.client.get(path, name="public: page")

    @task(2)
    def search(self):
        self.client.get(
            "/knowledge/search/",
            params={"q": random.choice(SEARCHES)},  # noqa: S311
            name="public: search",
        )


class _LoggedIn(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    people: itertools.cycle = OWNERS

    def on_start(self):
        self.client.verify = False  # the stack's own self-signed certificate
        self.email = next(self.people)
        self._sign_in(ARRIVAL)

    def _sign_in(self, name: str) -> None:
        form = self.client.get("/accounts/login/", name="login: form")
        with self.client.post(
            "/accounts/login/",
            {"login": self.email, "password": PASSWORD, "csrfmiddlewaretoken": _token(form.text)},
            headers={"Referer": self.host + "/accounts/login/"},
            name=name,
            catch_response=True,
        ) as response:
            if "/accounts/login/" in (response.url or "/accounts/login/"):
                response.failure(f"login failed for {self.email}")
        self.home = self.client.get("/dashboard/", name="logged in: dashboard").text or ""
        self.session_ends = time.monotonic() + random.uniform(*SESSION_SECONDS)  # noqa: S311

    @task(1)
    def sign_in_again(self):
        """After a working session: sign out, and in again (a new session)."""
        if time.monotonic() < self.session_ends:
            return
        page = self.client.get("/dashboard/", name="logged in: dashboard")
        self.client.post(
            "/accounts/logout/",
            {"csrfmiddlewaretoken": _token(page.text)},
            headers={"Referer": self.host + "/dashboard/"},
            name="login: sign out",
        )
        self._sign_in("login: submit again")

    def _first(self, pattern: str) -> str | None:
        found = re.search(pattern, self.home)
        return found.group(0) if found else None


class Owner(_LoggedIn):
    weight = 2
    people = OWNERS

    def on_start(self):
        self.logbook: str | None = None
        super().on_start()
        self._find_logbook()

    def _find_logbook(self) -> str | None:
        """The company's logbook address, from the landing page (asked again by the
        next task if that request failed, instead of requests to a wrong address)."""
        if self.logbook is None:
            landing = self.client.get("/logbook/", name="logged in: logbook landing")
            found = re.search(r"/logbook/(\d+)/", f"{landing.url or ''} {landing.text or ''}")
            self.logbook = found.group(0) if found else None
        return self.logbook

    @task(4)
    def read_logbook(self):
        if self._find_logbook():
            self.client.get(self.logbook, name="logged in: logbook")

    @task(2)
    def write_entry(self):
        if not self._find_logbook():
            return
        url = self.logbook + "entries/new/"
        form = self.client.get(url, name="logged in: entry form")
        self.client.post(
            url,
            {
                "csrfmiddlewaretoken": _token(form.text),
                "kind": "note",
                "entry_date": time.strftime("%Y-%m-%d"),
                "title": "Belastningstest",
                "body": "En kort note skrevet af belastningstesten.",
            },
            headers={"Referer": self.host + url},
            name="logged in: entry save",
        )

    @task(1)
    def pdf_export(self):
        if not self._find_logbook():
            return
        url = self.logbook + "export/"
        page = self.client.get(url, name="logged in: export page")
        started = self.client.post(
            url,
            {"csrfmiddlewaretoken": _token(page.text), "scope": "all", "grouping": "kind"},
            headers={"Referer": self.host + url},
            name="logged in: export start",
        )
        status = re.search(r"/logbook/\d+/export/\d+/status/", started.text or "")
        for _ in range(30):  # the worker builds it; poll like the page does
            if status is None:
                break
            answer = self.client.get(status.group(0), name="logged in: export status")
            if "/download/" in (answer.text or ""):
                break
            time.sleep(1)


class Advisor(_LoggedIn):
    weight = 2
    people = ADVISORS

    @task(2)
    def case_list(self):
        self.client.get("/matching/cases/", name="logged in: case list")

    @task(3)
    def case(self):
        found = self._first(r"/matching/cases/\d+/")
        if found:
            self.client.get(found, name="logged in: case")

    @task(2)
    def logbook(self):
        found = self._first(r"/logbook/\d+/")
        if found:
            self.client.get(found, name="logged in: logbook (advisor)")
