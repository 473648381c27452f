"""bifrost.core.health.check_disk: "ok", "low" below HEALTHZ_MIN_FREE_BYTES, "error"."""

import logging
import shutil
from collections import namedtuple

import pytest

from bifrost.core import health

Usage = namedtuple("Usage", "total used free")


def test_plenty_of_free_space_is_ok(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_MIN_FREE_BYTES = 0
    assert health.check_disk() == "ok"


def test_below_the_threshold_is_low_and_logged(settings, tmp_path, caplog):
    """Measured on the real filesystem: ask for more than it has."""
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_MIN_FREE_BYTES = shutil.disk_usage(tmp_path).total + 1
    with caplog.at_level(logging.WARNING, logger="bifrost.core.health"):
        assert health.check_disk() == "low"
    assert "low disk space" in caplog.text


def test_the_default_threshold_is_one_gibibyte(settings, tmp_path, monkeypatch):
    del settings.HEALTHZ_MIN_FREE_BYTES  # not set: the default applies
    settings.MEDIA_ROOT = tmp_path
    gib = 1024**3
    monkeypatch.setattr(health.shutil, "disk_usage", lambda path: Usage(10 * gib, 0, gib))
    assert health.check_disk() == "ok"
    monkeypatch.setattr(health.shutil, "disk_usage", lambda path: Usage(10 * gib, 0, gib - 1))
    assert health.check_disk() == "low"


def test_a_media_root_not_created_yet_is_measured_on_its_filesystem(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not" / "there" / "yet"
    settings.HEALTHZ_MIN_FREE_BYTES = 0
    assert health.free_bytes() > 0
    assert health.check_disk() == "ok"


def test_an_explicit_path_is_measured_instead_of_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = "/nonexistent-media-root-for-this-test"
    settings.HEALTHZ_MIN_FREE_BYTES = 0
    assert health.check_disk(tmp_path) == "ok"


def test_a_failing_measurement_is_error_and_never_raises(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path

    def broken(path):
        raise PermissionError(13, "permission denied")

    monkeypatch.setattr(health.shutil, "disk_usage", broken)
    assert health.check_disk() == "error"


@pytest.mark.parametrize("free, expected", [(5 * 2**30, "ok"), (100 * 2**20, "low")])
def test_the_threshold_comes_from_the_setting(settings, tmp_path, monkeypatch, free, expected):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_MIN_FREE_BYTES = 2 * 2**30
    monkeypatch.setattr(health.shutil, "disk_usage", lambda path: Usage(10 * 2**30, 0, free))
    assert health.check_disk() == expected
