"""Every URL pattern × every role answers as the permission matrix declares.

The patterns come from the root resolver (includes followed), so a new view that
is not in tests/security/matrix.py fails here by name, and so does a row whose
URL no longer exists. Each URL is asked with real objects (tests/security/world.py)
as each role; a POST-only view is asked with an empty POST too. Every request runs
in a savepoint that is rolled back, so a permitted POST changes nothing for the
next check. Besides the status, no response to a role may contain content that
role must not see (the matrix's MARKERS), whatever its status.
"""

import copy
import fnmatch
import logging
import re
from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.security.matrix import (
    FACILITATOR_NO_CONSENT,
    KNOWN_FINDINGS,
    LOGIN,
    MARKERS,
    MATRIX,
    ROLES,
    subject_of,
)

pytestmark = pytest.mark.django_db

# Django's admin has its own permission system (is_staff + model permissions) and
# is not part of the programme's rules.
SKIPPED_NAMESPACES = {"admin"}


def _walk(resolver, namespace: str = "", route: str = ""):
    for pattern in resolver.url_patterns:
        full_route = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = pattern.namespace or ""
            nested = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from _walk(pattern, nested, full_route)
        elif isinstance(pattern, URLPattern):
            if pattern.name is None:
                yield full_route, full_route  # unnamed: keyed by its route
            else:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), full_route


def resolver_routes() -> dict[str, str]:
    """Matrix key → route of every pattern the site serves (static and media aside).
    An unnamed pattern's key is its route."""
    served = {}
    files = tuple(
        url.lstrip("/") for url in (django_settings.STATIC_URL, django_settings.MEDIA_URL) if url
    )
    for key, route in _walk(get_resolver()):
        if files and route.startswith(files):
            continue
        served.setdefault(key, route)
    return served


def _base(key: str) -> str:
    return key.partition("@")[0]


# --- Completeness: the matrix and the resolver agree ---------------------------------


def test_every_url_pattern_is_in_the_matrix():
    served = resolver_routes()
    missing = sorted(set(served) - {_base(key) for key in MATRIX})
    stale = sorted(key for key in MATRIX if _base(key) not in served)
    problems = [f"  not in the matrix: {key}  ({served[key]})" for key in missing]
    problems += [f"  in the matrix but no longer a URL: {key}" for key in stale]
    if problems:
        pytest.fail(
            "tests/security/matrix.py must classify every URL pattern, and only those:\n"
            + "\n".join(problems),
            pytrace=False,
        )


def test_every_row_answers_for_every_role():
    problems = []
    for key, row in MATRIX.items():
        for method, answers in _methods(row):
            if set(answers) != set(ROLES):
                problems.append(f"  {key} {method}: roles {sorted(set(ROLES) ^ set(answers))}")
    for name, finding in KNOWN_FINDINGS.items():
        unknown = set(finding.roles) - set(ROLES) | set(finding.leaks) - set(MARKERS)
        if unknown or not any(fnmatch.filter(MATRIX, url) for url in finding.urls):
            problems.append(f"  finding {name}: unknown {sorted(unknown)} or no URL matches")
    if problems:
        pytest.fail(
            "Rows and findings must name exactly the matrix's roles and markers:\n"
            + "\n".join(problems),
            pytrace=False,
        )


# --- The walk -------------------------------------------------------------------------


@dataclass
class Check:
    key: str
    role: str
    method: str
    path: str
    expected: object
    actual: object = None
    error: str = ""
    leaked: tuple[str, ...] = ()


def _methods(row):
    yield "GET", row.get
    if row.post is not None:
        yield "POST", row.post


def _path(world, routes: dict[str, str], key: str, role: str) -> str:
    name = _base(key)
    kwargs = world.url_kwargs(key, subject_of(role)) or None
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        if routes.get(name) == name and kwargs is None:
            return "/" + name  # an unnamed pattern (favicon.ico), keyed by its route
        raise


def _text(response) -> str:
    # Streaming content is always read to the end: the test client then closes the
    # response (and its file) itself, the way a WSGI server would.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if not response.get("Content-Type", "").startswith(("text/", "application/json")):
        return ""
    return content.decode("utf-8", "replace")


def _answer(response):
    if response.status_code == 302:
        location = response.get("Location", "")
        if location.split("?")[0] == reverse("account_login"):
            return LOGIN
    return response.status_code


class Visitors:
    """One test client per role, logged in once. A request may change the client's
    cookies (a logout, a message); they are put back after each request, and the
    database is rolled back, so every check starts from the same state."""

    def __init__(self, world) -> None:
        self.world = world
        self.clients: dict[str, Client] = {}

    def client(self, role: str) -> Client:
        if role not in self.clients:
            client = Client(raise_request_exception=False)
            user = self.world.users[role]
            if user is not None:
                client.force_login(user)
            self.clients[role] = client
        return self.clients[role]

    def fetch(self, role: str, method: str, path: str):
        """One request, in a savepoint that is rolled back afterwards: (response, text)."""
        client = self.client(role)
        cookies = copy.deepcopy(client.cookies)
        with transaction.atomic():
            response = client.generic(method, path)
            text = _text(response)
            transaction.set_rollback(True)
        client.cookies = cookies
        return response, text

    def ask(self, check: Check) -> None:
        response, text = self.fetch(check.role, check.method, check.path)
        check.actual = _answer(response)
        if response.status_code >= 500 and getattr(response, "exc_info", None):
            error = response.exc_info[1]
            check.error = f"{type(error).__name__}: {error}"[:160]
        check.leaked = _leaks(check, text)


def _leaks(check: Check, text: str) -> tuple[str, ...]:
    """The markers in the response that the check's role must not see."""
    return tuple(
        name
        for name, marker in MARKERS.items()
        if check.role not in marker.readers
        and marker.text in text
        and (not marker.only_on or any(fnmatch.fnmatchcase(check.key, p) for p in marker.only_on))
    )


def _findings_for(check: Check):
    return [
        name
        for name, finding in KNOWN_FINDINGS.items()
        if check.role in finding.roles
        and check.method in finding.methods
        and (not finding.where_expected or check.expected in finding.where_expected)
        and any(fnmatch.fnmatchcase(check.key, url) for url in finding.urls)
    ]


def _is_surprising(check: Check) -> bool:
    return check.actual != check.expected or bool(check.leaked)


def _explained_by(check: Check) -> str | None:
    """The known finding that covers this (surprising) check, if one does. A 500 is
    never covered."""
    for name in _findings_for(check):
        finding = KNOWN_FINDINGS[name]
        status_ok = check.actual == check.expected or (
            check.actual != 500 and finding.actual in (None, check.actual)
        )
        if status_ok and set(check.leaked) <= set(finding.leaks):
            return name
    return None


def _unproven_markers(world, visitors: Visitors) -> list[str]:
    """Markers their proof page does not show: the world no longer holds them, and
    their leak check would prove nothing."""
    unproven = []
    for name, marker in MARKERS.items():
        proof = marker.proof
        path = reverse(_base(proof.key), kwargs=world.url_kwargs(proof.key, proof.subject) or None)
        response, text = visitors.fetch(proof.role, "GET", path + proof.query)
        if marker.text not in text:
            unproven.append(
                f"{name} (GET {path}{proof.query} as {proof.role}: {response.status_code})"
            )
    return unproven


def _checks(world) -> list[Check]:
    routes = resolver_routes()
    checks = []
    for key, row in MATRIX.items():
        if _base(key) not in routes:
            continue  # reported by test_every_url_pattern_is_in_the_matrix
        for method, answers in _methods(row):
            for role in ROLES:
                try:
                    path = _path(world, routes, key, role)
                except Exception as error:  # a missing URL_OBJECTS entry, mostly
                    checks.append(Check(key, role, method, "?", answers[role], "-", repr(error)))
                    continue
                checks.append(Check(key, role, method, path, answers[role]))
    return checks


def _table(title: str, checks: list[Check]) -> list[str]:
    lines = [title, f"  {'URL':42} {'role':24} {'method':6} {'expect':>7} {'actual':>7}  path"]
    for c in checks:
        note = c.error or (f"leaks {', '.join(c.leaked)}" if c.leaked else "")
        lines.append(
            f"  {c.key:42} {c.role:24} {c.method:6} {c.expected!s:>7} {c.actual!s:>7}"
            f"  {c.path}  {note}".rstrip()
        )
    return lines


def _summary(checks: list[Check], explained: dict[str, list[Check]]) -> list[str]:
    bases = {_base(key) for key in MATRIX}
    posts = sum(c.method == "POST" for c in checks)
    lines = [
        f"{len(bases)} URL patterns (+{len(MATRIX) - len(bases)} variants) x {len(ROLES)} roles:"
        f" {len(checks)} checks ({len(checks) - posts} GET, {posts} empty POST)"
    ]
    for name, finding in KNOWN_FINDINGS.items():
        lines.append(f"known finding {name}: {len(explained[name])} checks. {finding.reason}")
    return lines


def test_every_role_gets_the_declared_answer(permission_world, settings, matrix_report, caplog):
    # Hundreds of 404s and 405s are the point here; only errors are worth logging.
    caplog.set_level(logging.ERROR, logger="django.request")
    caplog.set_level(logging.WARNING, logger="weasyprint")
    settings.MEDIA_ROOT = str(permission_world.media_root)
    # Two-factor set-up for facilitators and staff has its own tests
    # (tests/core/test_two_factor.py); here they must reach the pages themselves.
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = False
    checks = _checks(permission_world)
    visitors = Visitors(permission_world)
    explained: dict[str, list[Check]] = {name: [] for name in KNOWN_FINDINGS}
    failures = []
    for check in checks:
        if check.actual is None:
            visitors.ask(check)
        if not _is_surprising(check):
            continue
        finding = _explained_by(check)
        if finding is None:
            failures.append(check)
        else:
            explained[finding].append(check)
    matrix_report[:] = _summary(checks, explained)
    stale = [name for name, found in explained.items() if not found]
    unproven = _unproven_markers(permission_world, visitors)
    if failures or stale or unproven:
        lines = []
        if failures:
            lines += _table(f"{len(failures)} checks differ from the matrix:", failures)
        if stale:
            lines.append(f"Known findings no check needs any more (remove them): {stale}")
        if unproven:
            lines.append(f"Markers their proof page does not show (fix world.py): {unproven}")
        pytest.fail("\n".join(lines), pytrace=False)


# --- Findings the status matrix cannot see ---------------------------------------------


def test_case_table_shows_facilitators_no_activity_of_logbooks_kept_from_research(
    permission_world, settings
):
    """The programme's case table (facilitators) has a column "logbook entries since the
    last meeting". Facilitators read it as researchers, so a company that keeps its
    logbook from the researchers (B) shows no count: not even how much it writes
    leaks (finding F2, fixed: the column honours the reader's consent)."""
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = False
    client = Client()
    client.force_login(permission_world.users[FACILITATOR_NO_CONSENT])
    programme = permission_world.objects["B"]["programme"]
    html = client.get(reverse("matching:programme_cases", kwargs={"pk": programme})).text
    company_b = permission_world.people["company_b"].name
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if company_b in r)
    last_cell = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]
    assert not re.sub(r"<[^>]+>", "", last_cell).strip().isdigit(), last_cell
