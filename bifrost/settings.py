"""One settings module for every environment, driven by environment variables.

With no variables set you get the embedded mode used by `make run`: an SQLite
file, Celery tasks run eagerly, a local-memory cache and e-mail on the console.
`DJANGO_ENV=production` turns on the deployment hardening and refuses to start
with an unsafe configuration.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
# A typo must not fall back to development defaults (debug pages, a known key).
if DJANGO_ENV not in {"development", "test", "build", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV={DJANGO_ENV!r} is unknown: use development, test, build or production."
    )
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION and DJANGO_ENV != "test")
SECRET_KEY = env.str("SECRET_KEY", default="")

if PRODUCTION:
    # A production process must never run with debug pages or a guessable key.
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
elif not SECRET_KEY:
    SECRET_KEY = "dev-only-not-secret-bifrost-embedded-mode-key-0123456789"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "bifrost.core",
    "bifrost.accounts",
    "knowledge",
    "programme",
    "matching",
    "logbook",
    "advice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Repeat anonymous reads of public pages, before everything else (page_cache.py).
    "bifrost.core.page_cache.PublicPageMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bifrost.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bifrost.middleware.RuleAnswersPerRequestMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "bifrost.middleware.NoStoreForAuthenticatedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bifrost.middleware.FacilitatorTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so every other middleware runs on every request (bifrost/core/viewer_cache.py).
    "bifrost.core.viewer_cache.ViewerCacheMiddleware",
]

# A person's main pages kept for their session until a table the page read is
# written, at most this many seconds; 0 switches it off (bifrost/core/viewer_cache.py).
VIEWER_CACHE_SECONDS = env.int("VIEWER_CACHE_SECONDS", default=60)

ROOT_URLCONF = "bifrost.urls"
WSGI_APPLICATION = "bifrost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bifrost.context_processors.navigation",
                "bifrost.core.notifications.context_processors.unread",
                "knowledge.context_processors.sections",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            # Redis, or this process's memory while Redis is down: pages and
            # login keep working, rate limits become per-process (bifrost.core.cache).
            "BACKEND": "bifrost.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bifrost",
            "TIMEOUT": 300,
            # Fail fast: a hung cache must not hang every request (and /healthz).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
elif PRODUCTION:
    raise ImproperlyConfigured(
        "REDIS_URL must be set when DJANGO_ENV=production (cache, rate limits and Celery)."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery ----------------------------------------------------------------
# One visibility timeout for broker and result backend: a task that is not
# acknowledged within it is redelivered, so it must exceed the longest task.
CELERY_VISIBILITY_TIMEOUT = 60 * 60
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
# Short socket timeouts and no publish retries: a request that queues a task never
# waits on a Redis that is down (the outbox and the sweepers catch up afterwards).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    "max_retries": 0,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = False
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_RESULT_EXPIRES = timedelta(days=1)
# Nothing reads task results (the outbox and export rows are the results). Storing
# them made every publish re-subscribe to Redis, which hung a request ~19 s while
# Redis was down (found by tests/fault).
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
# PDFs (agenda and logbook exports) go to their own queue, "exports", consumed only
# by the `export-worker` service of docker-compose.yml:
#   celery -A bifrost worker -Q exports --concurrency 1 --prefetch-multiplier 1 \
#     --max-memory-per-child 400000 --time-limit 300 --soft-time-limit 270
# (one PDF at a time, nothing prefetched; a process is replaced after its current
# PDF once it passed ~390 MiB: a 100-entry logbook peaks near 170 MiB, a 500-entry
# one near 410 MiB, see tests/bench/logbook_pdf_bench.py). The main `worker` consumes only "default"
# (`-Q default`), so e-mail and reminders never wait behind a PDF. Both PDF tasks
# declare time_limit=300 / soft_time_limit=270 themselves; the 600 s above is the
# default for everything else.
CELERY_TASK_ROUTES = {
    "programme.export_agenda_pdf": {"queue": "exports"},
    "logbook.export_pdf": {"queue": "exports"},
}
CELERY_TIMEZONE = "UTC"
# How often beat retries unsent e-mail and looks for exports whose worker died, and
# how long an export's heartbeat may be silent before it counts as dead (the
# fault tests shorten these; production keeps the defaults).
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=60.0)
EXPORT_RECOVER_SECONDS = env.float("EXPORT_RECOVER_SECONDS", default=30.0)
EXPORT_STALLED_AFTER_SECONDS = env.float("EXPORT_STALLED_AFTER_SECONDS", default=60.0)
# The reminder sweeper: sends what is due; running it twice at once is safe.
CELERY_BEAT_SCHEDULE = {
    "advice-remind-representatives": {
        "task": "advice.remind_representatives",
        "schedule": 3600.0,
    },
    "advice-expire-requests": {"task": "advice.expire_requests", "schedule": 3600.0},
    "send-due-reminders": {"task": "programme.send_due_reminders", "schedule": 300.0},
    "send-logbook-reminders": {"task": "logbook.send_reminders", "schedule": 3600.0},
    "purge-access-log": {"task": "accounts.purge_access_log", "schedule": 24 * 3600.0},
    "purge-logbook-leftovers": {"task": "logbook.purge_expired", "schedule": 3600.0},
    # Every registered export kind (bifrost.core.exports.kinds) past its retention.
    "purge-exports": {"task": "core.purge_exports", "schedule": 3600.0},
    # E-mails not yet sent (broker was down, or the mail server refused): retried.
    "sweep-outbox": {"task": "core.sweep_outbox", "schedule": OUTBOX_SWEEP_SECONDS},
    "purge-outbox": {"task": "core.purge_outbox", "schedule": 24 * 3600.0},
    # Notifications: the daily digest (one per person per day, so a rerun sends
    # nothing) and "a task is due tomorrow" (one per task and day).
    "send-notification-digests": {
        "task": "core.send_notification_digests",
        "schedule": crontab(hour=6, minute=0),
    },
    "notify-tasks-due": {
        "task": "matching.notify_tasks_due",
        "schedule": crontab(hour=5, minute=0),
    },
    # Exports whose worker was killed mid-build start again within about a minute.
    "recover-exports": {"task": "core.recover_exports", "schedule": EXPORT_RECOVER_SECONDS},
}

# /healthz reports "disk": "low" below this much free space under MEDIA_ROOT.
HEALTHZ_MIN_FREE_BYTES = env.int("HEALTHZ_MIN_FREE_BYTES", default=1024**3)

# How long the access log ("who looked at our logbook") keeps its rows.
ACCESS_LOG_RETENTION_DAYS = env.int("ACCESS_LOG_RETENTION_DAYS", default=2 * 365)

# --- E-mail ------------------------------------------------------------------
# EMAIL_URL (e.g. smtp+tls://user:pass@host:587) becomes Django 6.1's MAILERS.
_email = env.email_url("EMAIL_URL", default="consolemail://")
_smtp_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS"),
    "use_ssl": _email.get("EMAIL_USE_SSL"),
    "timeout": env.int("EMAIL_TIMEOUT", default=20),
}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _mailer_options = {k: v for k, v in _smtp_options.items() if v not in (None, "")}
elif _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    # filemail:///var/mail/bifrost writes one file per message there (the URL's
    # path as written: django-environ would drop its leading slash).
    _mailer_options = {"file_path": urlsplit(env.str("EMAIL_URL")).path or str(BASE_DIR / "mail")}
else:
    _mailer_options = {}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _mailer_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="BIFROST <noreply@bifrost.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people write for help (the contact page, the password reset, the 500 page).
SUPPORT_EMAIL = env.str("SUPPORT_EMAIL", default="support@bifrost.example")

# --- Accounts and authentication ---------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "front_page"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "bifrost.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[BIFROST] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# People join by invitation only: the adapter closes open sign-up. Rate limits
# are allauth's built-in defaults (login, failed login, password reset).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "BIFROST"
# allauth has no switch that forces 2FA for a role; our middleware does it.
BIFROST_REQUIRE_FACILITATOR_2FA = env.bool("BIFROST_REQUIRE_FACILITATOR_2FA", default=PRODUCTION)
if PRODUCTION and not BIFROST_REQUIRE_FACILITATOR_2FA:
    raise ImproperlyConfigured(
        "Two-factor authentication for facilitators cannot be off in production."
    )
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# --- Internationalisation --------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
# LOCALE_PATHS beat every installed app's catalogue, and the first entry wins among
# them. locale_overrides/ holds our Danish for allauth's own msgids ("Log ind",
# "adgangskode"), which makemessages would prune from locale/; makemessages never
# writes to it (it maps every source file to the top-level locale/ it walks into).
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "bifrost_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    # Writes through a temporary file: a full disk is a clear error, never a partial file.
    "default": {"BACKEND": "bifrost.core.storage.SafeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if DJANGO_ENV in ("production", "build")  # the image collects with "build"
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production WhiteNoise serves straight from the app and static/ folders,
# so `make run` and the browser tests need no collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security ------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # data: for Bootstrap's inline SVG icons and the TOTP QR code.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
# A form with an expired token gets a page saying what to do (bifrost/core/errors.py).
CSRF_FAILURE_VIEW = "bifrost.core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Messages live in the session (the database), not in a cookie: a privacy-guard
# warning may quote a name it found, and a signed cookie is readable.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The proxy in front (see docker-compose.yml) terminates TLS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # /healthz is probed over plain HTTP from inside the container network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's own handler would print every request warning a second time.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
