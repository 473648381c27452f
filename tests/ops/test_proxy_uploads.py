"""Uploads through nginx to gunicorn (the `proxy_stack` fixture, tests/ops/conftest.py):
slow uploads do not block other requests and are not cut off, bodies over nginx's
limit get 413 from nginx without reaching gunicorn, bodies under it reach Django
whole.

gunicorn runs with ONE worker and ONE thread here, the harshest case: if a slow
upload reached it, nothing else could be answered until the upload ended. The
figures (upload times, /healthz latencies) are printed; run with -s to see them.
"""

import hashlib
import os
import ssl
import statistics
import time

import pytest

from tests.ops.proxy_client import SlowUpload, head, open_tls, read_response, request

MIB = 1024 * 1024
NGINX_LIMIT = 21 * MIB  # client_max_body_size 21m
DJANGO_FILE_LIMIT = 20 * MIB  # programme's agenda material (AgendaItemForm)
SLOW_RATE = 100_000  # bytes per second, per upload
# Longer than gunicorn's 30 s timeout, which used to cut slow uploads off.
SLOW_BYTES = 3_300_000
SLOW_UPLOADS = 3

# Makes pytest-django create the test database the stack's gunicorn connects to.
pytestmark = pytest.mark.django_db


def test_slow_uploads_do_not_block_healthz(proxy_stack):
    """Three uploads at 100 KB/s for over 30 s: /healthz keeps answering within a
    second, the uploads are not cut off, and Django gets each body at once."""
    uploads = [
        SlowUpload(proxy_stack, f"slow-{n}", SLOW_BYTES, SLOW_RATE) for n in range(SLOW_UPLOADS)
    ]
    for upload in uploads:
        upload.start()
    latencies = []
    while any(upload.is_alive() for upload in uploads):
        started = time.perf_counter()
        response = request(proxy_stack, "GET", "/healthz")
        latencies.append(time.perf_counter() - started)
        assert response.status == 200, response.body
        time.sleep(0.25)
    for upload in uploads:
        upload.join(timeout=5)

    for upload in uploads:
        assert upload.error is None, repr(upload.error)
        assert upload.response.status == 200, upload.response.body
        seen = upload.response.json()
        assert seen["bytes"] == SLOW_BYTES
        assert seen["sha256"] == hashlib.sha256(upload.body).hexdigest()
        assert upload.seconds > 30, "the client must really have trickled"
        # Buffered by nginx: Django saw the request only once it was complete, and
        # read the whole body at local speed.
        assert seen["started_at"] >= upload.sent_at - 0.5
        assert seen["read_seconds"] < 1.0
    took = ", ".join(f"{upload.seconds:.1f}" for upload in uploads)
    reads = ", ".join(f"{upload.response.json()['read_seconds'] * 1000:.0f}" for upload in uploads)
    print(
        f"\n{SLOW_UPLOADS} uploads of {SLOW_BYTES} bytes at {SLOW_RATE // 1000} KB/s took "
        f"{took} s; Django read each body in {reads} ms; /healthz x{len(latencies)} meanwhile: "
        f"median {statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    assert len(latencies) >= 30
    assert max(latencies) < 1.0


def test_a_declared_body_over_the_limit_gets_413_from_nginx_at_once(proxy_stack):
    started = time.perf_counter()
    with open_tls(proxy_stack) as sock:
        headers = {"Content-Length": str(25 * MIB), "Content-Type": "application/octet-stream"}
        sock.sendall(head("POST", "/_probe/upload/?too-big-declared", headers))
        sock.sendall(os.urandom(64 * 1024))  # the client starts sending; nginx refuses
        response = read_response(sock)
    elapsed = time.perf_counter() - started
    print(f"\n413 for a declared 25 MiB body after {elapsed * 1000:.0f} ms")
    assert response.status == 413
    assert "Filen er for stor" in response.body.decode()
    assert elapsed < 2
    assert not proxy_stack.gunicorn_saw("too-big-declared")


def test_a_chunked_body_over_the_limit_gets_413_and_never_reaches_gunicorn(proxy_stack):
    chunk = os.urandom(256 * 1024)
    with open_tls(proxy_stack) as sock:
        sock.sendall(
            head("POST", "/_probe/upload/?too-big-chunked", {"Transfer-Encoding": "chunked"})
        )
        sent = 0
        try:
            while sent <= NGINX_LIMIT + MIB:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # nginx stopped reading: its answer is waiting
        response = read_response(sock)
    assert response.status == 413
    assert not proxy_stack.gunicorn_saw("too-big-chunked")


def test_a_body_just_under_the_limit_reaches_django_whole(proxy_stack):
    """The limit leaves room above Django's 20 MB file limit, so Django's own form
    error, not nginx's page, answers files just over 20 MB."""
    body = os.urandom(DJANGO_FILE_LIMIT + 512 * 1024)
    response = request(proxy_stack, "POST", "/_probe/upload/?just-under", body=body)
    assert response.status == 200, response.body
    assert response.json()["sha256"] == hashlib.sha256(body).hexdigest()
