"""gunicorn settings of the web container (docker-compose.yml) and of the proxy tests
(tests/ops/test_proxy_*.py).

    gunicorn -c deploy/gunicorn.conf.py bifrost.wsgi:application

gunicorn sits behind nginx (deploy/nginx/), which buffers whole request bodies and
responses: a slow client only ever talks to nginx, so a worker thread is busy only
while Django works. gthread workers: each process serves `threads` requests at
once, so a slow database query or PDF download does not hold up the others.

Environment overrides (all optional):
    GUNICORN_BIND         default 0.0.0.0:8000 (the compose network; not published)
    GUNICORN_WORKERS      default 2 x CPUs + 1 (CPUs this process may run on)
    GUNICORN_THREADS      default 4 per worker
    GUNICORN_TIMEOUT      default 30 s: a worker that stops answering is replaced
    GUNICORN_ACCESS_LOG   default "-" (stdout); a path for a file
"""

import os


def _cpus() -> int:
    # The CPUs this process may use (a container's cpuset), not the host's count.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "bifrost.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # noqa: S104 - the container network
worker_class = "gthread"
workers = _int("GUNICORN_WORKERS", 2 * _cpus() + 1)
threads = _int("GUNICORN_THREADS", 4)
# With gthread the timeout is the worker's heartbeat, not a per-request limit;
# nginx's proxy_read_timeout (60 s) bounds a request.
timeout = _int("GUNICORN_TIMEOUT", 30)
# docker compose stop sends SIGTERM: finish running requests for up to 25 s
# (the web service's stop_grace_period is 30 s).
graceful_timeout = 25
# nginx opens one connection per request (HTTP/1.0 upstream): no idle keep-alives.
keepalive = 2
# Replace a worker now and then, so a slow leak never grows without bound.
max_requests = 1000
max_requests_jitter = 100
# The heartbeat file on tmpfs: a container's overlay filesystem can stall it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - tmpfs
# gunicorn >= 25 opens a control socket in $HOME by default; nothing here uses it.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# The client address comes from nginx's X-Forwarded-For (the first hop it saw).
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
# X-Forwarded-Proto and X-Forwarded-For are read by Django (SECURE_PROXY_SSL_HEADER,
# ALLAUTH_TRUSTED_PROXY_COUNT), not by gunicorn: forwarded_allow_ips keeps its default.
