"""scripts/backup.py against real PostgreSQL: a round trip that loses nothing, and
archives that are corrupt or land on a non-empty system are refused.

The source is pytest-django's test database (migrated schema) filled with the demo
data and some extra rows, plus a MEDIA_ROOT with files; the restores go into fresh
empty scratch databases (bifrost_ops_*) that are dropped afterwards.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from psycopg import sql

from bifrost.accounts.models import AccessLogEntry
from tests import factories
from tests.ops.helpers import connect, database_url

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "backup.py"

# Makes pytest-django create the test database; the tests themselves work through
# the script's processes and their own connections.
pytestmark = pytest.mark.django_db


# --- helpers ---------------------------------------------------------------------


@pytest.fixture
def scratch_database():
    """Create empty databases named bifrost_ops_*; drop them all afterwards."""
    created: list[str] = []

    def create() -> str:
        name = f"bifrost_ops_restore_{uuid.uuid4().hex[:10]}"
        with connect("postgres") as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return name

    yield create
    with connect("postgres") as admin:
        for name in created:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def run_script(*args: str, dbname: str, media: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(dbname),
        "MEDIA_ROOT": str(media),
        "DJANGO_ENV": "test",
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def snapshot(dbname: str) -> dict:
    """Every table's row count and content hash, every sequence, every trigger."""
    with connect(dbname) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        rows = {}
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                " FROM {} AS t"
            ).format(sql.Identifier(table))
            rows[table] = tuple(conn.execute(query).fetchone())
        sequences = dict(
            conn.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
            ).fetchall()
        )
        triggers = sorted(
            row[0] for row in conn.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        )
    return {"rows": rows, "sequences": sequences, "triggers": triggers}


def file_hashes(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def fill_media(media: Path) -> dict[str, str]:
    """Uploaded material and exports as the site stores them; returns what must come back."""
    files = {
        "agenda/2026/slides.pdf": b"%PDF-1.7\n" + os.urandom(300_000),
        "agenda/2026/møde 3 – noter.txt": "Dagsorden: ærlig snak om stress".encode(),
        "exports/agenda/7.pdf": b"%PDF-1.7\n" + os.urandom(50_000),
        "exports/logbook/empty.txt": b"",
    }
    for name, data in files.items():
        path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    # Not to be backed up: a storage temporary file and a symlink out of MEDIA_ROOT.
    (media / "agenda" / "2026" / ".partial-abc123").write_bytes(b"half a file")
    (media / "link-to-etc").symlink_to("/etc")
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


@pytest.fixture(scope="module")
def source(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test database with demo data and extra rows, and a MEDIA_ROOT with files.

    Made once for the module (the demo data and a backup take a while) and flushed
    afterwards, so the tests that follow find the empty database they expect.
    """
    media = tmp_path_factory.mktemp("backup") / "media-source"
    with django_db_blocker.unblock():
        call_command("demo_data", stdout=io.StringIO())
        facilitator = factories.facilitator()
        company = factories.OrganisationFactory()
        AccessLogEntry.objects.create(
            organisation=company, user=facilitator, action="view", object_kind="logbook"
        )
        connection.close()  # nothing open while pg_dump takes its snapshot
    try:
        yield settings.DATABASES["default"]["NAME"], media, fill_media(media)
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0, allow_cascade=True)
            connection.close()


@pytest.fixture(scope="module")
def archive(source, tmp_path_factory) -> Path:
    dbname, media, _files = source
    output = tmp_path_factory.mktemp("backup") / "backups"
    result = run_script("backup", "--output-dir", str(output), dbname=dbname, media=media)
    assert result.returncode == 0, result.stderr
    archives = list(output.glob("bifrost-*.tar"))
    assert len(archives) == 1, archives
    return archives[0]


# --- tests -----------------------------------------------------------------------


def test_the_archive_is_one_private_tar_with_a_manifest_and_checksums(archive, source):
    assert archive.stat().st_mode & 0o777 == 0o600
    assert archive.parent.stat().st_mode & 0o777 == 0o700
    sidecar = archive.with_name(archive.name + ".sha256")
    digest, name = sidecar.read_text().split()
    assert name == archive.name
    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
        sums = tar.extractfile("SHA256SUMS").read().decode().splitlines()
    assert names[0] == "database.dump" and names[-2:] == ["manifest.json", "SHA256SUMS"]
    assert not [n for n in names if ".partial-" in n or "link-to-etc" in n]
    assert manifest["format"] == "bifrost-backup"
    assert manifest["database"]["name"] == source[0]
    assert manifest["database"]["server_version"].split(".")[0].isdigit()
    assert manifest["media"]["files"] == len(source[2])
    assert len(sums) == len(names) - 1  # every member but SHA256SUMS itself


def test_round_trip_restores_every_table_row_and_file(archive, source, scratch_database, tmp_path):
    dbname, media, expected_files = source
    before = snapshot(dbname)
    target_db, target_media = scratch_database(), tmp_path / "media-restored"

    result = run_script("restore", str(archive), dbname=target_db, media=target_media)

    assert result.returncode == 0, result.stderr
    after = snapshot(target_db)
    assert after["rows"] == before["rows"]  # every table: same count, same content
    assert after["sequences"] == before["sequences"]
    assert after["triggers"] == before["triggers"]  # the access-log guard came back
    assert file_hashes(target_media) == expected_files
    tables = len(before["rows"])
    rows = sum(count for count, _ in before["rows"].values())
    print(f"\nround trip: {tables} tables, {rows} rows, {len(expected_files)} files restored")
    assert tables > 40 and rows > 500, "the demo data should fill most tables"


def test_restore_refuses_a_database_that_is_not_empty(archive, source, scratch_database, tmp_path):
    dbname, _media, _files = source
    target_db = scratch_database()
    with connect(target_db) as conn:
        conn.execute("CREATE TABLE precious (id int)")
        conn.execute("INSERT INTO precious VALUES (1)")

    result = run_script("restore", str(archive), dbname=target_db, media=tmp_path / "m")

    assert result.returncode == 1
    assert "is not empty" in result.stderr and "--force" in result.stderr
    with connect(target_db) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone()[0] == 1  # untouched
    assert not (tmp_path / "m").exists()


def test_restore_refuses_a_media_root_with_files(archive, scratch_database, tmp_path):
    target_media = tmp_path / "media-in-use"
    target_media.mkdir()
    (target_media / "someone-elses.pdf").write_bytes(b"keep me")
    result = run_script("restore", str(archive), dbname=scratch_database(), media=target_media)
    assert result.returncode == 1
    assert "has files" in result.stderr


def test_force_replaces_what_the_archive_contains(archive, source, scratch_database, tmp_path):
    dbname, _media, expected_files = source
    target_db, target_media = scratch_database(), tmp_path / "media-forced"
    assert run_script("restore", str(archive), dbname=target_db, media=target_media).returncode == 0
    with connect(target_db) as conn:
        conn.execute("UPDATE knowledge_page SET title = 'changed after the backup'")

    result = run_script("restore", str(archive), "--force", dbname=target_db, media=target_media)

    assert result.returncode == 0, result.stderr
    assert snapshot(target_db)["rows"] == snapshot(dbname)["rows"]
    assert file_hashes(target_media) == expected_files


def corrupt_copy(archive: Path, tmp_path: Path, *, keep_sidecar: bool) -> Path:
    """A copy of the archive with one byte of the database dump flipped."""
    with tarfile.open(archive) as tar:
        offset = tar.getmember("database.dump").offset_data + 100
    copy = tmp_path / "corrupt" / archive.name
    copy.parent.mkdir()
    data = bytearray(archive.read_bytes())
    data[offset] ^= 0xFF
    copy.write_bytes(bytes(data))
    if keep_sidecar:
        sidecar = archive.with_name(archive.name + ".sha256")
        copy.with_name(sidecar.name).write_text(sidecar.read_text())
    return copy


@pytest.mark.parametrize("keep_sidecar", [True, False], ids=["with .sha256", "tar alone"])
def test_a_corrupt_archive_is_refused_and_nothing_is_restored(
    keep_sidecar, archive, scratch_database, tmp_path
):
    copy = corrupt_copy(archive, tmp_path, keep_sidecar=keep_sidecar)
    target_db, target_media = scratch_database(), tmp_path / "media-untouched"

    verified = run_script("verify", str(copy), dbname=target_db, media=target_media)
    restored = run_script("restore", str(copy), dbname=target_db, media=target_media)

    for result in (verified, restored):
        assert result.returncode == 1
        assert "corrupt" in result.stderr
    assert snapshot(target_db)["rows"] == {}
    assert not target_media.exists()


def test_a_truncated_archive_is_refused(archive, scratch_database, tmp_path):
    copy = tmp_path / "truncated.tar"
    copy.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    result = run_script("restore", str(copy), dbname=scratch_database(), media=tmp_path / "m")
    assert result.returncode == 1
    assert "error:" in result.stderr


def test_verify_accepts_an_intact_archive(archive, source, tmp_path):
    result = run_script("verify", str(archive), dbname=source[0], media=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    assert "is intact" in result.stdout
