# Production images, two targets from this one file (docker-compose.yml picks them):
#   app    gunicorn serving BIFROST (deploy/gunicorn.conf.py); the same image runs
#          the Celery workers, beat and the backups (scripts/backup.py)
#   proxy  nginx in front of it (deploy/nginx/), with the collected static files
#          of the same build baked in, so pages and their assets never disagree
# Build one by hand with `docker build --target app .` (or --target proxy).

FROM python:3.12-slim-bookworm AS app

# The PostgreSQL client tools (pg_dump, pg_restore, psql) for backups must be at
# least as new as the server: the major version of the db service's image.
ARG PG_MAJOR=16

ENV PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/app/.venv/bin:$PATH

# Runtime libraries WeasyPrint (PDF exports) loads, a font for all text, and the
# PostgreSQL client from the PostgreSQL project's own Debian repository (Debian
# bookworm ships only version 15, which cannot dump a 16 server).
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && install -d /usr/share/postgresql-common/pgdg \
    && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc \
    && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
        postgresql-client-${PG_MAJOR} \
    && apt-get purge -y --auto-remove curl \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir uv

WORKDIR /app

# Dependencies before the code, so a code change reuses this cached layer.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project --no-cache --python /usr/local/bin/python3.12

COPY . .

# Static files are baked into the image (and copied into the proxy image below).
# DJANGO_ENV=build needs no secrets and no database or Redis.
RUN DJANGO_ENV=build python manage.py collectstatic --noinput

# Run as an unprivileged user. It owns only what must be writable: uploads
# (/app/media) and the Celery beat schedule (/data); both are volumes in
# docker-compose.yml and a fresh named volume takes over this ownership.
RUN useradd --system --user-group --uid 10001 --home-dir /app --no-create-home bifrost \
    && mkdir -p /app/media /data \
    && chown bifrost:bifrost /app/media /data
USER bifrost

EXPOSE 8000
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]


# --- the reverse proxy --------------------------------------------------------------
# Debian's nginx, the same package tests/ops/test_proxy_*.py run the configuration with.
FROM debian:bookworm-slim AS proxy

RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx gettext-base curl \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default

COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/bifrost.conf.template /etc/nginx/bifrost.conf.template
COPY deploy/nginx/errors/ /usr/share/nginx/bifrost-errors/
COPY deploy/nginx/start.sh /usr/local/bin/bifrost-proxy-start
COPY --from=app /app/staticfiles/ /srv/bifrost/static/

EXPOSE 80 443
# SIGQUIT: nginx finishes the requests in flight, then stops.
STOPSIGNAL SIGQUIT
CMD ["/usr/local/bin/bifrost-proxy-start"]
