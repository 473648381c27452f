"""Sending the generated posts: one client per role, each post in a savepoint that is
rolled back, with a checksum of every table before and after it.

A helper of test_form_fuzz.py (not a test module); also its report fixture, which
tests/security/conftest.py re-exports and prints.
"""

import copy
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.test import Client

# Tables a refused post may change: the session (messages, login state).
BOOKKEEPING = {"django_session"}
# Rows a refused post may add: a logbook read from outside is logged whatever else
# happens (the page with a refused comment shows the entry again), so only the
# access log's other rows are compared.
COMPARED_ROWS = {"accounts_accesslogentry": "action <> 'read'"}


def tables() -> list[str]:
    return sorted(set(connection.introspection.table_names()) - BOOKKEEPING)


def checksums(names: list[str]) -> dict[str, str]:
    """Table → md5 of all its (compared) rows, in one query."""
    quote = connection.ops.quote_name
    # Table names come from the database's own catalogue, quoted; values are parameters.
    query = " UNION ALL ".join(
        f"SELECT %s, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"  # noqa: S608
        f" FROM {quote(name)} t WHERE {COMPARED_ROWS.get(name, 'true')}"
        for name in names
    )
    with connection.cursor() as cursor:
        cursor.execute(query, names)
        return dict(cursor.fetchall())


@dataclass
class Post:
    """One generated post: form pairs, or a raw body with its content type."""

    pairs: list[tuple[str, object]] = field(default_factory=list)
    raw: tuple[str, bytes] | None = None
    multipart: bool = False

    def send(self, client: Client, path: str):
        if self.raw is not None:
            content_type, body = self.raw
            return client.generic("POST", path, body, content_type=content_type)
        if self.multipart:
            data: dict[str, list] = {}
            for name, value in self.pairs:
                if isinstance(value, tuple):  # ("file", name, content)
                    value = SimpleUploadedFile(value[1] or "upload", value[2])
                data.setdefault(name, []).append(value)
            return client.post(path, data)
        body = urlencode([(name, str(value)) for name, value in self.pairs])
        return client.post(path, body, content_type="application/x-www-form-urlencoded")

    def __repr__(self) -> str:
        """Short enough to read in a report: long values are cut, with their length."""

        def short(value) -> str:
            text = repr(value)
            return text if len(text) <= 60 else f"{text[:40]}…({len(text)} chars)"

        if self.raw is not None:
            return f"{self.raw[0]}: {short(self.raw[1])}"
        return "{" + ", ".join(f"{name!r}: {short(value)}" for name, value in self.pairs) + "}"


def refused(response) -> bool:
    """The post was refused: a 4xx, a bound form (or formset) with errors on the page,
    or an error message for the next page."""
    if response.status_code >= 400:
        return True
    contexts = response.context or []
    for context in contexts if isinstance(contexts, list) else [contexts]:
        for value in context.flatten().values():
            if isinstance(value, BaseForm | BaseFormSet) and value.is_bound and value.errors:
                return True
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return any(message.level_tag == "error" for message in queued)


def _where(error: BaseException) -> str:
    """The innermost frame of the project's own code in the traceback."""
    frame, tb = "", error.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if "/.venv/" not in name and "/site-packages/" not in name:
            frame = f"{name.rsplit('/work/', 1)[-1]}:{tb.tb_lineno}"
        tb = tb.tb_next
    return frame or "(library code only)"


def problem_of(response, changed: list[str] | None) -> str | None:
    if response.status_code >= 500:
        error = getattr(response, "exc_info", None)
        if error:
            return f"{response.status_code} {type(error[1]).__name__} at {_where(error[1])}"
        return f"{response.status_code} without an exception"
    if changed and refused(response):
        return f"refused ({response.status_code}) but changed {', '.join(changed)}"
    return None


class Visitors:
    """One test client per role, logged in once. Every request runs in a savepoint
    that is rolled back and the client's cookies are put back, so each starts alike."""

    def __init__(self, world) -> None:
        self.world = world
        self.clients: dict[str, Client] = {}
        self.tables = tables()

    def client(self, role: str) -> Client:
        if role not in self.clients:
            client = Client(raise_request_exception=False)
            if self.world.users[role] is not None:
                client.force_login(self.world.users[role])
            self.clients[role] = client
        return self.clients[role]

    def get(self, role: str, path: str):
        """The page as `role` sees it, redirects followed."""
        client = self.client(role)
        cookies = copy.deepcopy(client.cookies)
        with transaction.atomic():
            response = client.get(path, follow=True)
            transaction.set_rollback(True)
        client.cookies = cookies
        return response

    def post(self, role: str, path: str, post: Post, *, first_get: str | None = None):
        """(response, tables it changed) of one post, None for the tables after a 5xx
        (the transaction may be unusable then). `first_get` is a page asked for first,
        in the same savepoint: a form that only works after its page put something
        in the session (allauth's password reset key)."""
        client = self.client(role)
        cookies = copy.deepcopy(client.cookies)
        with transaction.atomic():
            if first_get:
                client.get(first_get, follow=True)
            before = checksums(self.tables)
            response = post.send(client, path)
            changed = None
            if response.status_code < 500:
                after = checksums(self.tables)
                changed = sorted(name for name in after if after[name] != before.get(name))
            transaction.set_rollback(True)
        client.cookies = cookies
        return response, changed


FUZZ_REPORT = pytest.StashKey[list[str]]()


@pytest.fixture
def fuzz_report(request) -> list[str]:
    """Lines for the terminal summary: the endpoints and posts of the form fuzz test."""
    return request.config.stash.setdefault(FUZZ_REPORT, [])
