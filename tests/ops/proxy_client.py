"""A small HTTP client on raw sockets for the proxy tests: requests to the stack's
nginx (TLS or plain HTTP) and to its gunicorn directly, and slow uploads."""

import http.client
import json
import os
import socket
import ssl
import threading
import time
from dataclasses import dataclass

from tests.ops.proxy_stack import Stack


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self):
        return json.loads(self.body)


def direct_healthz(stack: Stack) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", stack.gunicorn_port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status
    finally:
        connection.close()


def open_tls(stack: Stack, source: str = "127.0.0.1", timeout: float = 30) -> ssl.SSLSocket:
    raw = socket.create_connection(
        ("127.0.0.1", stack.https_port), timeout=timeout, source_address=(source, 0)
    )
    return stack.tls.wrap_socket(raw, server_hostname="127.0.0.1")


def head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_response(sock: socket.socket) -> Response:
    response = http.client.HTTPResponse(sock)
    response.begin()
    return Response(response.status, response.headers, response.read())


def request(
    stack: Stack,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    source: str = "127.0.0.1",
) -> Response:
    headers = dict(headers or {})
    if body or method == "POST":
        headers.setdefault("Content-Length", str(len(body)))
    with open_tls(stack, source) as sock:
        sock.sendall(head(method, path, headers) + body)
        return read_response(sock)


def plain_http(stack: Stack, path: str) -> Response:
    with socket.create_connection(("127.0.0.1", stack.http_port), timeout=10) as sock:
        sock.sendall(head("GET", path, {}))
        return read_response(sock)


class SlowUpload(threading.Thread):
    """POSTs `size` random bytes at `rate` bytes per second; stops after `limit` s."""

    def __init__(self, stack: Stack, tag: str, size: int, rate: int, limit: float = 120):
        super().__init__(daemon=True)
        self.stack, self.tag, self.rate, self.limit = stack, tag, rate, limit
        self.body = os.urandom(size)
        self.response: Response | None = None
        self.error: BaseException | None = None
        self.sent_at = self.seconds = 0.0

    def run(self) -> None:
        try:
            with open_tls(self.stack) as sock:
                headers = {"Content-Length": str(len(self.body))}
                sock.sendall(head("POST", f"/_probe/upload/?{self.tag}", headers))
                started = time.monotonic()
                for offset in range(0, len(self.body), 10_000):
                    if time.monotonic() - started > self.limit:
                        raise TimeoutError(f"{self.tag}: still sending after {self.limit} s")
                    sock.sendall(self.body[offset : offset + 10_000])
                    pause = started + (offset + 10_000) / self.rate - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
                self.seconds = time.monotonic() - started
                self.sent_at = time.time()
                self.response = read_response(sock)
        except BaseException as error:  # reported by the test
            self.error = error
