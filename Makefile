# BIFROST developer entry points. On a fresh machine with Python 3.12+:
#   make run    demo site on http://127.0.0.1:8000 (SQLite, no services needed)
#   make test   whole test suite against real PostgreSQL and Redis
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv must never try to download a Python: only the package registry is reachable.
export UV_PYTHON_DOWNLOADS := never
# Pin the environment to ./.venv even if the caller set UV_PROJECT_ENVIRONMENT:
# every recipe below calls .venv/bin/... directly.
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/.venv
# Passed through to scripts/test.sh, e.g. `make test PYTEST_ARGS="-x -k login"`.
export PYTEST_ARGS

VENV := .venv

# First working interpreter that is 3.12 or newer. It is run, not only looked
# up, because a pyenv shim can exist for a version that is not active; the
# real executable path is handed to uv. Override: `make PYTHON=/path/to/python`.
PYTHON := $(shell for p in python3.12 python3.13 python3.14 python3; do \
	"$$p" -c 'import sys; assert sys.version_info >= (3, 12); print(sys.executable)' 2>/dev/null \
	&& break; done)

# A uv on PATH is used as is; otherwise one is installed into ./.tools.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)

.PHONY: help install run test bench lint format contracts types backup restore

help: ## Show this help
	@echo "BIFROST make targets:"
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'
	@echo "Test options: make test PYTEST_ARGS='-x -k something'"

.tools/bin/uv:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (none of python3.12, python3.13, python3.14, python3 on PATH is): install it, or run make PYTHON=/path/to/python3.12." >&2; exit 1; }
	@echo "uv not found on PATH: installing it into .tools/ ..."
	@"$(PYTHON)" -m venv .tools || { rm -rf .tools; echo "Could not create .tools/ with '$(PYTHON) -m venv': install the venv module (Debian: apt-get install python3-venv) or install uv yourself." >&2; exit 1; }
	@.tools/bin/pip install --quiet --disable-pip-version-check uv

install: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv) ## Create/refresh .venv from uv.lock (dev tools included)
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (none of python3.12, python3.13, python3.14, python3 on PATH is): install it, or run make PYTHON=/path/to/python3.12." >&2; exit 1; }
	$(UV) sync --frozen --python "$(PYTHON)"

# Embedded mode: without DATABASE_URL/REDIS_URL the settings use the SQLite
# file db.sqlite3 and run Celery tasks eagerly, so nothing else has to run.
run: install ## Run the demo site with demo data on http://127.0.0.1:8000
	@unset DATABASE_URL REDIS_URL; set -e; \
	$(VENV)/bin/python manage.py migrate --noinput; \
	if command -v msgfmt >/dev/null 2>&1; then \
		$(VENV)/bin/python manage.py compilemessages --ignore=$(VENV) --ignore=.tools --verbosity 0; \
	fi; \
	$(VENV)/bin/python manage.py demo_data; \
	echo; \
	echo "=================================================================="; \
	echo " BIFROST demo is starting at  http://127.0.0.1:8000"; \
	echo; \
	echo " Demo logins (password for all: bifrost-demo)"; \
	echo "   facilitator@bifrost.example"; \
	for i in 1 2 3 4 5 6; do \
		printf '   smv%s@bifrost.example       advisor%s@bifrost.example\n' "$$i" "$$i"; \
	done; \
	echo " Advice providers (advisors of the demo catalogue):"; \
	echo "   fyrtaarn1@bifrost.example  fyrtaarn2@bifrost.example  havoern1@bifrost.example"; \
	echo "   regnbue1@bifrost.example   regnbue2@bifrost.example"; \
	echo " Workplaces requesting advice (leader, employee or safety representative):"; \
	echo "   leder1..leder8@bifrost.example  tr1..tr8@bifrost.example"; \
	echo; \
	echo " Stop with Ctrl+C."; \
	echo "=================================================================="; \
	echo; \
	exec $(VENV)/bin/python manage.py runserver 127.0.0.1:8000

# The last two lines: known vulnerabilities in every locked package (dev tools
# included) according to PyPI's advisory service. --strict fails when a package
# cannot be looked up, so an unreachable service never passes as "no known
# vulnerabilities". An advisory without a fixed version: add
# `--ignore-vuln <ID>` with the reason in docs/operations.md. Without a reachable
# service scripts/audit.sh says "AUDIT NOT RUN" (AUDIT_REQUIRED=1 makes that fail).
test: install ## Lint, import contracts, types, then the whole test suite (PostgreSQL + Redis, throwaway ones if needed)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MAKE) --no-print-directory contracts types
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-nginx.sh
	bash scripts/test.sh
	UV="$(UV)" bash scripts/audit.sh

# Needs PostgreSQL and Redis on this machine (DATABASE_URL/REDIS_URL as for the
# benchmarks, tests/bench/README.md); writes bench-report.md. BENCH_ARGS="--quick".
bench: install ## Run every benchmark and write one Markdown report (bench-report.md)
	$(VENV)/bin/python tests/bench/run_all.py $(BENCH_ARGS)

# The typed layers: the core (whole folder) and every other services and selectors module
# (the core's own are left out of the list, or mypy sees them twice).
TYPED := bifrost/core $(shell git ls-files '*services.py' '*selectors.py' ':!:tests/*' ':!:bifrost/core/*' ':!:*/migrations/*' 2>/dev/null)

contracts: ## Check the import contracts (app direction, layers) with import-linter
	$(VENV)/bin/lint-imports --no-cache

types: ## Type-check the core, services and selectors with mypy (django-stubs)
	$(VENV)/bin/mypy $(TYPED)

lint: install ## Check code style with ruff (no changes)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: install ## Fix import order and reformat with ruff
	$(VENV)/bin/ruff check --select I --fix .
	$(VENV)/bin/ruff format .

# Backups (scripts/backup.py, docs/operations.md): the database named by DATABASE_URL
# and MEDIA_ROOT, from the same environment variables as the site.
backup: install ## Write one archive (database + MEDIA_ROOT + checksums) to backups/ or BACKUP_DIR
	$(VENV)/bin/python scripts/backup.py backup $(if $(BACKUP_DIR),--output-dir "$(BACKUP_DIR)")

restore: install ## Restore ARCHIVE=backups/bifrost-....tar into an empty database and MEDIA_ROOT
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=backups/bifrost-YYYYmmdd-HHMMSS.tar [FORCE=1]" >&2; exit 2; }
	$(VENV)/bin/python scripts/backup.py restore "$(ARCHIVE)" $(if $(FORCE),--force)
