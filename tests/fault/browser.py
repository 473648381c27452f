"""A small HTTP client for the fault tests (stdlib only: `requests` is not installed).

It keeps cookies like a browser, does not follow redirects (the tests look at the
302 of a login), never raises for a status (a 503 is an answer to count) and
reports a connection failure as status 0 with the error. Traffic goes only to
the stack's 127.0.0.1 port.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LANGUAGE_COOKIE = "bifrost_language"


@dataclass
class Response:
    status: int
    seconds: float
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx comes back as an HTTPError with its Location


class Browser:
    def __init__(self, base_url: str, *, language: str | None = None) -> None:
        if not base_url.startswith("http://127.0.0.1:"):
            raise ValueError("the fault tests talk only to 127.0.0.1")
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )
        if language:
            self.set_cookie(LANGUAGE_COOKIE, language)

    def set_cookie(self, name: str, value: str) -> None:
        host = urllib.parse.urlsplit(self.base_url).hostname or ""
        cookie = http.cookiejar.Cookie(
            version=0,
            name=name,
            value=value,
            port=None,
            port_specified=False,
            domain=host,
            domain_specified=False,
            domain_initial_dot=False,
            path="/",
            path_specified=True,
            secure=False,
            expires=None,
            discard=False,
            comment=None,
            comment_url=None,
            rest={},
        )
        self.cookies.set_cookie(cookie)

    def request(
        self,
        path: str,
        *,
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 10,
    ) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers or {})  # noqa: S310 - loopback
        if body is not None:
            request.add_header("Referer", self.base_url + path)
        start = time.monotonic()
        try:
            with self._opener.open(request, timeout=timeout) as answer:
                return self._response(answer.status, answer, start)
        except urllib.error.HTTPError as answer:
            with answer:
                return self._response(answer.code, answer, start)
        except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out
            reason = getattr(error, "reason", error)
            return Response(0, time.monotonic() - start, error=f"{type(reason).__name__}: {reason}")

    @staticmethod
    def _response(status: int, answer, start: float) -> Response:
        content = answer.read().decode("utf-8", errors="replace")
        headers = {k.lower(): v for k, v in answer.headers.items()}
        return Response(status, time.monotonic() - start, content, headers)

    def get(self, path: str, **kwargs) -> Response:
        return self.request(path, **kwargs)

    def post_form(
        self, path: str, data: dict[str, str], *, form_path: str | None = None
    ) -> Response:
        """GET the form (for its CSRF token), then POST `data` with the token."""
        form = self.get(form_path or path)
        match = CSRF_FIELD.search(form.body)
        if match is None:
            return Response(form.status, form.seconds, form.body, form.headers, "no CSRF token")
        return self.request(path, data={"csrfmiddlewaretoken": match.group(1), **data})

    def login(self, email: str, password: str) -> Response:
        """Log in through allauth's real login form; the session cookie is kept."""
        from django.urls import reverse  # the same URLconf gunicorn serves

        return self.post_form(reverse("account_login"), {"login": email, "password": password})

    @property
    def has_session(self) -> bool:
        return any(cookie.name == "sessionid" for cookie in self.cookies)
