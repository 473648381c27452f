"""Settings refuse an unsafe production configuration and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "9f8e7d6c5b4a" * 5  # long and varied, as check --deploy wants


# Variables a test sets itself; the rest of the environment (PATH, ...) passes.
CONFIG_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "DJANGO_ENV",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only the given configuration variables."""
    clean = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    clean.update(env)
    return subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _shell_output(code: str, **env: str) -> list[str]:
    result = _manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def _production(**overrides: str) -> dict:
    env = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "bifrost.example",
        "SITE_URL": "https://bifrost.example",
        "EMAIL_URL": "smtp+tls://mailer:secret@mail.bifrost.example:587",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
    env.update(overrides)
    return env


def test_production_refuses_to_start_without_secret_key():
    env = _production()
    del env["SECRET_KEY"]
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = _manage("check", **_production(DEBUG="true"))
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_refuses_to_start_without_redis():
    result = _manage("check", **_production(REDIS_URL=""))
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_check_deploy_has_no_warnings_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_demo_data_refuses_production_settings():
    result = _manage("demo_data", **_production())
    assert result.returncode != 0
    assert "refuses to run with production settings" in result.stderr


def test_embedded_mode_without_variables(tmp_path):
    """No variables: SQLite, eager Celery, local-memory cache, console e-mail."""
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CELERY_TASK_ALWAYS_EAGER);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.MAILERS['default']['BACKEND'])"
    )
    lines = _shell_output(code)[-4:]
    assert lines == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_security_settings_not_covered_by_check_deploy():
    from django.conf import settings

    assert settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS is False
    assert isinstance(settings.ALLAUTH_TRUSTED_PROXY_COUNT, int)
    # Rate limits are counted in the real Redis cache, never a dummy cache.
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    import allauth

    major, minor, patch = (int(p) for p in allauth.__version__.split(".")[:3])
    assert (major, minor, patch) >= (65, 16, 1)


def test_trusted_proxy_count_comes_from_the_environment():
    code = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    assert _shell_output(code, ALLAUTH_TRUSTED_PROXY_COUNT="2")[-1] == "2"


def test_facilitator_2fa_is_required_in_production_settings():
    code = "from django.conf import settings; print(settings.BIFROST_REQUIRE_FACILITATOR_2FA)"
    assert _shell_output(code, **_production())[-1] == "True"


def test_an_unknown_django_env_is_refused_not_treated_as_development():
    result = _manage("check", DJANGO_ENV="prod")
    assert result.returncode != 0
    assert "is unknown" in result.stderr


def test_production_refuses_facilitator_2fa_switched_off():
    result = _manage("check", **_production(BIFROST_REQUIRE_FACILITATOR_2FA="false"))
    assert result.returncode != 0
    assert "cannot be off in production" in result.stderr
