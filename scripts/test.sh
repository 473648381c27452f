#!/usr/bin/env bash
# Run the whole pytest suite against real PostgreSQL and Redis.
#
# Uses DATABASE_URL / REDIS_URL when they answer (defaults: local servers).
# When one does not answer, a throwaway server is started in a temp dir on a
# free port and removed again on exit, so a fresh machine with only the
# server packages installed can run the suite without any setup.
#
# Extra arguments and $PYTEST_ARGS are passed to pytest. pytest's exit code
# is propagated unchanged (including 5, "no tests collected"). A run without
# them (the whole suite) then runs the tests marked `both_backends` a second
# time on SQLite (see the end of this file).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
HELPER=scripts/testenv.py

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bifrost}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"

say() { printf 'test.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ -x "$PY" ] || die "No virtualenv at .venv: run 'make install' first."

# --- cleanup of whatever this script started --------------------------------
PG_TMP=""       # temp dir of a throwaway PostgreSQL cluster
PG_USER=""      # unprivileged user running it (only when we are root)
REDIS_TMP=""    # temp dir of a throwaway Redis

as_pg_user() {
    # initdb and postgres refuse to run as root; run them as $PG_USER then.
    # cd first: the target user may not be allowed to read the current dir.
    if [ -n "$PG_USER" ]; then
        (cd "$PG_TMP" && runuser -u "$PG_USER" -- "$@")
    else
        (cd "$PG_TMP" && "$@")
    fi
}

# shellcheck disable=SC2317  # only called from the EXIT trap
cleanup() {
    set +e
    if [ -n "$PG_TMP" ]; then
        if [ -f "$PG_TMP/data/postmaster.pid" ]; then
            as_pg_user "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate -s >/dev/null 2>&1
        fi
        rm -rf "$PG_TMP"
    fi
    if [ -n "$REDIS_TMP" ]; then
        if [ -f "$REDIS_TMP/redis.pid" ]; then
            pid="$(cat "$REDIS_TMP/redis.pid")"
            kill "$pid" 2>/dev/null
            # Wait (max ~5 s) so no redis-server outlives the test run.
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null
        fi
        rm -rf "$REDIS_TMP"
    fi
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap always runs.
trap 'exit 130' INT
trap 'exit 143' TERM

make_tmp() {
    # As root, the dir must be reachable by the unprivileged server user, so
    # use /tmp (world-traversable) rather than a possibly private $TMPDIR.
    if [ "$(id -u)" -eq 0 ]; then mktemp -d /tmp/bifrost-test.XXXXXX; else mktemp -d; fi
}

redact() { "$PY" "$HELPER" redact "$1"; }

# --- PostgreSQL --------------------------------------------------------------
find_pg_bin() {
    # Server binaries: pg_config's bindir (on Debian it may name a dir that
    # holds only client tools), else the newest /usr/lib/postgresql/*/bin,
    # else initdb/pg_ctl on PATH.
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir 2>/dev/null || true)"
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"; return 0
        fi
    fi
    # shellcheck disable=SC2012  # fixed, space-free paths; sort -V needs a list
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"; return 0
    fi
    return 1
}

start_throwaway_postgres() {
    PG_BIN="$(find_pg_bin)" || die "PostgreSQL is not reachable at $(redact "$DATABASE_URL") and no PostgreSQL server is installed: install PostgreSQL 15+ (e.g. apt-get install postgresql) or set DATABASE_URL."

    PG_TMP="$(make_tmp)"
    if [ "$(id -u)" -eq 0 ]; then
        if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
        command -v runuser >/dev/null 2>&1 || die "Running as root needs runuser (util-linux) to start a throwaway PostgreSQL as $PG_USER."
        chown "$PG_USER" "$PG_TMP"
    fi
    local port
    port="$("$PY" "$HELPER" free-port)"
    say "PostgreSQL not reachable at $(redact "$DATABASE_URL"); starting a throwaway PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') server on 127.0.0.1:$port"

    as_pg_user "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C >"$PG_TMP/initdb.log" 2>&1 \
        || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed (log above)."; }
    # -F: no fsync; -k: socket in our temp dir (the system socket dir may be
    # missing or not writable); -h: TCP on loopback only.
    as_pg_user "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" \
        -o "-k '$PG_TMP' -p $port -h 127.0.0.1 -F" >/dev/null \
        || { cat "$PG_TMP/postgres.log" >&2; die "Could not start the throwaway PostgreSQL (log above)."; }

    DATABASE_URL="postgres://postgres@127.0.0.1:$port/bifrost"
    "$PY" "$HELPER" pg-check "$DATABASE_URL" \
        || { cat "$PG_TMP/postgres.log" >&2; die "The throwaway PostgreSQL does not accept connections (log above)."; }
}

# --- Redis -------------------------------------------------------------------
start_throwaway_redis() {
    local redis_server port
    redis_server="$(command -v redis-server || true)"
    [ -n "$redis_server" ] || for c in /usr/bin/redis-server /usr/sbin/redis-server /usr/local/bin/redis-server; do
        if [ -x "$c" ]; then redis_server="$c"; break; fi
    done
    [ -n "$redis_server" ] || die "Redis is not reachable at $(redact "$REDIS_URL") and redis-server is not installed: install Redis 7 (e.g. apt-get install redis-server) or set REDIS_URL."

    REDIS_TMP="$(make_tmp)"
    port="$("$PY" "$HELPER" free-port)"
    say "Redis not reachable at $(redact "$REDIS_URL"); starting a throwaway redis-server on 127.0.0.1:$port"
    # No persistence: the data is scratch and must not touch the disk.
    "$redis_server" --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize yes --pidfile "$REDIS_TMP/redis.pid" --dir "$REDIS_TMP" \
        --logfile "$REDIS_TMP/redis.log" \
        || die "Could not start the throwaway redis-server."

    REDIS_URL="redis://127.0.0.1:$port/0"
    # --daemonize returns before the server listens: poll for up to ~10 s.
    for _ in $(seq 20); do
        "$PY" "$HELPER" redis-check "$REDIS_URL" 2>/dev/null && return 0
        sleep 0.5
    done
    cat "$REDIS_TMP/redis.log" >&2 2>/dev/null || true
    die "The throwaway redis-server does not answer (log above)."
}

# --- main --------------------------------------------------------------------
# (if/then rather than `check || start`: bash ignores set -e inside a
# function called on the left of || and we want its errors to stop us.)
if ! "$PY" "$HELPER" pg-check "$DATABASE_URL" 2>/dev/null; then
    start_throwaway_postgres
fi
# The project database is created if missing, so anything that connects to
# it outside pytest-django's test database (e.g. a spawned worker) works.
"$PY" "$HELPER" pg-ensure-db "$DATABASE_URL" \
    || say "warning: could not create the database named in DATABASE_URL; continuing."
if ! "$PY" "$HELPER" redis-check "$REDIS_URL" 2>/dev/null; then
    start_throwaway_redis
fi

export DATABASE_URL REDIS_URL
export DJANGO_ENV=test

# Not exec: the EXIT trap must still stop the throwaway servers afterwards.
rc=0
# shellcheck disable=SC2086  # PYTEST_ARGS is deliberately word-split
"$PY" -m pytest "$@" ${PYTEST_ARGS:-} || rc=$?
if [ "$rc" -eq 5 ]; then
    say "pytest collected no tests (exit code 5): treating that as a failure."
fi

# --- the same search tests on SQLite -----------------------------------------
# The embedded mode (`make run`) has its own Danish search (FTS5, see
# bifrost/core/search/); the tests marked `both_backends` run again on SQLite so
# that a break in either database fails. Done on a whole-suite run (what CI and
# `make test` do); SQLITE_PASS=1 forces it, SQLITE_PASS=0 skips it.
if [ "${SQLITE_PASS:-}" = 1 ] || { [ "${SQLITE_PASS:-}" != 0 ] && [ "$#" -eq 0 ] && [ -z "${PYTEST_ARGS:-}" ]; }; then
    sqlite_dir="$(mktemp -d)"
    say "the tests marked both_backends again, on SQLite"
    src=0
    DATABASE_URL="sqlite:///$sqlite_dir/test.sqlite3" REDIS_URL="" \
        "$PY" -m pytest -q -m both_backends -p no:cacheprovider || src=$?
    rm -rf "$sqlite_dir"
    if [ "$src" -ne 0 ]; then
        say "the SQLite pass of the both_backends tests failed (exit code $src)."
        [ "$rc" -ne 0 ] || rc="$src"
    fi
fi
exit "$rc"
