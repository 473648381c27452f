"""The stack's own throwaway PostgreSQL cluster (initdb/pg_ctl, as the `postgres` user
when we are root, like scripts/test.sh): started, stopped and queried by the tests."""

from __future__ import annotations

import os
import shutil
import subprocess

import psycopg

from tests.fault.procs import (
    LOOPBACK,
    StackError,
    _user_exists,
    find_pg_bin,
)


class PostgresCluster:
    """Mixed into `Stack`: the attributes (root, pg_port, pg_bin, pg_user) are its."""

    # --- PostgreSQL --------------------------------------------------------------
    def _pg(self, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", self.pg_user, "--"] if self.pg_user else []
        return subprocess.run(  # noqa: S603 - fixed argv
            [*prefix, *argv],
            cwd=self.pg_dir,  # the server user may not read the current dir
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _init_postgres(self) -> None:
        self.pg_bin = find_pg_bin()
        self.pg_dir.mkdir()
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            self.pg_user = "postgres" if _user_exists("postgres") else "nobody"
            os.chmod(self.root, 0o755)  # noqa: S103 - the server user must reach pg/
            shutil.chown(self.pg_dir, self.pg_user)
        result = self._pg(
            str(self.pg_bin / "initdb"),
            "-D",
            str(self.pg_dir / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        )
        if result.returncode != 0:
            raise StackError(f"initdb failed:\n{result.stdout}\n{result.stderr}")

    def start_postgres(self) -> None:
        # -F: no fsync; -k: socket in our dir; -h: TCP on loopback only.
        options = f"-k '{self.pg_dir}' -p {self.pg_port} -h {LOOPBACK} -F"
        result = self._pg(
            str(self.pg_bin / "pg_ctl"),
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            str(self.pg_dir / "data"),
            "-l",
            str(self.pg_dir / "postgres.log"),
            "-o",
            options,
            timeout=90,
        )
        if result.returncode != 0:
            raise StackError(f"pg_ctl start failed: {result.stderr} (see {self.pg_dir})")

    def stop_postgres(self, mode: str = "fast") -> None:
        result = self._pg(
            str(self.pg_bin / "pg_ctl"), "stop", "-w", "-D", str(self.pg_dir / "data"), "-m", mode
        )
        if result.returncode != 0:
            raise StackError(f"pg_ctl stop failed: {result.stderr}")

    def postmaster_pid(self) -> int | None:
        pid_file = self.pg_dir / "data" / "postmaster.pid"
        try:
            return int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def _create_database(self) -> None:
        with psycopg.connect(
            host=LOOPBACK, port=self.pg_port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE bifrost")

    def sql(self, query: str, params: tuple | list = ()) -> list[tuple]:
        """Read this stack's database directly (fast polling; table names from the ORM)."""
        with psycopg.connect(
            host=LOOPBACK, port=self.pg_port, user="postgres", dbname="bifrost", connect_timeout=3
        ) as conn:
            return conn.execute(query, params).fetchall()  # type: ignore[arg-type]

    # --- Redis -------------------------------------------------------------------
