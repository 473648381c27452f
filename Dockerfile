# Production image: gunicorn serving BIFROST; the same image runs the Celery
# worker and beat (see docker-compose.yml).
FROM python:3.12-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/app/.venv/bin:$PATH

# Runtime libraries WeasyPrint (PDF exports) loads, and a font for all text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir uv

WORKDIR /app

# Dependencies before the code, so a code change reuses this cached layer.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project --no-cache --python /usr/local/bin/python3.12

COPY . .

# Static files are baked into the image. DJANGO_ENV=build needs no secrets
# and no database or Redis.
RUN DJANGO_ENV=build python manage.py collectstatic --noinput

# Run as an unprivileged user. It owns only what must be writable: uploads
# (/app/media) and the Celery beat schedule (/data); both are volumes in
# docker-compose.yml and a fresh named volume takes over this ownership.
RUN useradd --system --user-group --uid 10001 --home-dir /app --no-create-home bifrost \
    && mkdir -p /app/media /data \
    && chown bifrost:bifrost /app/media /data
USER bifrost

EXPOSE 8000
CMD ["gunicorn", "bifrost.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
