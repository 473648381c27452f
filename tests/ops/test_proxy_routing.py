"""What nginx does with requests before and after gunicorn (the `proxy_stack` fixture,
tests/ops/conftest.py): the client address and scheme Django sees, plain HTTP
redirected to HTTPS, static files served by nginx, media never served, gunicorn's
own answers passed through unchanged."""

import gzip

import pytest

from tests.ops.proxy_client import plain_http, request
from tests.ops.proxy_stack import ROOT

# Makes pytest-django create the test database the stack's gunicorn connects to.
pytestmark = pytest.mark.django_db


def test_django_sees_the_client_address_from_x_forwarded_for(proxy_stack):
    """Connect from 127.0.0.2 with forged headers: Django takes the address nginx
    saw, over HTTPS, whatever the client claimed."""
    forged = {
        "X-Forwarded-For": "203.0.113.9",
        "X-Forwarded-Proto": "http",
        "X-Forwarded-Host": "evil.example",
    }
    seen = request(proxy_stack, "GET", "/_probe/client/", forged, source="127.0.0.2").json()
    assert seen["client_ip"] == "127.0.0.2"  # bifrost.accounts.audit (access log)
    assert seen["allauth_client_ip"] == "127.0.0.2"  # login rate limits
    assert seen["remote_addr"] == "127.0.0.1"  # nginx itself
    assert seen["x_forwarded_for"] == "203.0.113.9, 127.0.0.2"
    assert seen["x_forwarded_proto"] == "https"
    assert seen["is_secure"] is True
    assert seen["x_forwarded_host"] is None
    assert seen["host"] == "127.0.0.1"

    honest = request(proxy_stack, "GET", "/_probe/client/", source="127.0.0.2").json()
    assert honest["x_forwarded_for"] == "127.0.0.2"
    assert honest["client_ip"] == "127.0.0.2"


def test_plain_http_only_redirects_to_https(proxy_stack):
    response = plain_http(proxy_stack, "/_probe/client/?plain-http")
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1/_probe/client/?plain-http"
    assert not proxy_stack.gunicorn_saw("plain-http")


def test_static_files_are_served_by_nginx(proxy_stack):
    site_css = request(proxy_stack, "GET", "/static/css/site.css")
    assert site_css.status == 200
    assert site_css.body == (ROOT / "static" / "css" / "site.css").read_bytes()
    assert site_css.headers["Content-Type"] == "text/css"
    assert site_css.headers["Cache-Control"] == "public, max-age=3600"
    assert site_css.headers["X-Content-Type-Options"] == "nosniff"

    # Only in the collected folder: WhiteNoise (in Django) could not have served it.
    marker = request(proxy_stack, "GET", "/static/ops-marker.txt")
    assert marker.status == 200 and marker.body == b"served by nginx\n"

    hashed = request(proxy_stack, "GET", "/static/css/app.0123456789ab.css")
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"

    compressed = request(proxy_stack, "GET", "/static/css/gz-test.css", {"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.body) == b"p { margin: 0; }\n" * 100

    assert request(proxy_stack, "GET", "/static/missing.css").status == 404
    assert "/static/" not in proxy_stack.gunicorn_log.read_text()


def test_media_is_never_served_by_nginx(proxy_stack):
    response = request(proxy_stack, "GET", "/media/agenda/2026/slides.pdf?media-probe")
    assert response.status == 404
    assert not proxy_stack.gunicorn_saw("media-probe")


def test_gunicorns_own_answers_pass_through_unchanged(proxy_stack):
    """Django's responses (here /healthz's JSON) are not replaced by nginx's pages."""
    response = request(proxy_stack, "GET", "/healthz")
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    assert "Server" not in response.headers or "/" not in response.headers["Server"]
