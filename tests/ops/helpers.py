"""Helpers shared by the ops tests: the test database's URL and connections, free ports."""

import os
import socket
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings


def database_url(dbname: str) -> str:
    """DATABASE_URL (server, user, password) pointing at another database on it."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{dbname}"))


def url_of_test_database() -> str:
    """The URL of pytest-django's test database, for processes started by a test."""
    return database_url(settings.DATABASES["default"]["NAME"])


def connect(dbname: str) -> psycopg.Connection:
    db = settings.DATABASES["default"]
    params = {
        "dbname": dbname,
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db.get("PASSWORD"),
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
