"""The repository's shape, checked on every run (issue 10's "done means"):

- no Python module is over 400 lines, except migrations, demo data and the initial
  knowledge content (prose kept whole for translators and editors);
- no module under tests/ imports a test module or a conftest: shared fixtures live
  in tests/fixtures/ (loaded by `pytest_plugins` in tests/conftest.py) or in a
  folder's conftest.py, shared helpers in plain modules (helpers.py, builders.py).
"""

import ast
import os
import subprocess
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
NOT_OURS = {".git", ".venv", ".tools", "node_modules", "__pycache__", "staticfiles", "media"}

# Long by nature, not by design: prose content as data.
EXEMPT = {"knowledge/initial_content.py"}

# Modules still over the limit and waiting for their split (none now). Each entry is
# checked to still be over the limit, so the set is emptied as they are split.
PENDING_SPLIT: set[str] = set()


def python_files() -> list[PurePosixPath]:
    """The repository's Python files, relative to its root: git's tracked and
    not-ignored ones, or (outside a git checkout) every .py file but tool folders."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "*.py"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        paths = {PurePosixPath(name) for name in listed.split("\0") if name}
    except (OSError, subprocess.CalledProcessError):
        paths = set()
        for directory, subdirs, files in os.walk(ROOT):
            subdirs[:] = [name for name in subdirs if name not in NOT_OURS]
            relative = PurePosixPath(Path(directory).relative_to(ROOT).as_posix())
            paths.update(relative / name for name in files if name.endswith(".py"))
    return sorted(path for path in paths if (ROOT / path).is_file())


def is_exempt(path: PurePosixPath) -> bool:
    """Migrations, demo data (demo.py, demo_*.py, demo packages), initial content."""
    folders = path.parts[:-1]
    return (
        "migrations" in folders
        or path.name == "demo.py"
        or fnmatch(path.name, "demo_*.py")
        or any(folder == "demo" or folder.startswith("demo_") for folder in folders)
        or str(path) in EXEMPT
    )


def line_count(path: PurePosixPath) -> int:
    return len((ROOT / path).read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_400_lines():
    too_long = [
        f"{path}: {lines} lines"
        for path in python_files()
        if not is_exempt(path)
        and str(path) not in PENDING_SPLIT
        and (lines := line_count(path)) > MAX_LINES
    ]
    assert not too_long, (
        f"Python modules over {MAX_LINES} lines (split them into well-named pieces):\n"
        + "\n".join(too_long)
    )


def test_the_pending_splits_are_still_pending():
    """An entry of PENDING_SPLIT that was split (or shrank) is removed from the set."""
    done = [
        path
        for path in sorted(PENDING_SPLIT)
        if not (ROOT / path).is_file() or line_count(PurePosixPath(path)) <= MAX_LINES
    ]
    assert not done, f"Split already; remove from PENDING_SPLIT: {', '.join(done)}"


def test_the_exemptions_are_the_ones_meant():
    assert is_exempt(PurePosixPath("logbook/migrations/0001_initial.py"))
    assert is_exempt(PurePosixPath("logbook/demo.py"))
    assert is_exempt(PurePosixPath("matching/demo_cases.py"))
    assert is_exempt(PurePosixPath("matching/demo/cases.py"))
    assert is_exempt(PurePosixPath("knowledge/initial_content.py"))
    assert not is_exempt(PurePosixPath("tests/logbook/test_demo.py"))
    assert not is_exempt(PurePosixPath("knowledge/demography.py"))
    assert not is_exempt(PurePosixPath("programme/models.py"))


# --- tests import no test modules and no conftests ----------------------------------


def is_test_module_or_conftest(dotted: str) -> bool:
    return any(part == "conftest" or part.startswith("test_") for part in dotted.split("."))


def forbidden_imports(source: str) -> list[str]:
    """The imports (and pytest_plugins entries) of `source` that name a test module or
    a conftest: `tests.x.test_y`, `tests.x.conftest`, relative or bare forms alike."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names = [module, *(f"{module.rstrip('.')}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytest_plugins"
            for target in node.targets
        ):
            names = [
                value.value
                for value in ast.walk(node.value)
                if isinstance(value, ast.Constant) and isinstance(value.value, str)
            ]
        else:
            continue
        found += [
            f"line {node.lineno}: {name}"
            for name in names
            if is_test_module_or_conftest(name.lstrip("."))
        ]
    return found


def test_no_test_module_or_conftest_is_imported():
    offenders = []
    for path in python_files():
        if path.parts[0] != "tests":
            continue
        for problem in forbidden_imports((ROOT / path).read_text(encoding="utf-8")):
            offenders.append(f"{path} {problem}")
    assert not offenders, (
        "Imports of a test module or a conftest (put shared fixtures in tests/fixtures/, "
        "shared helpers in a plain module):\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize(
    "source",
    [
        "from tests.programme.conftest import owner",
        "from tests.logbook import conftest",
        "import tests.logbook.test_views",
        "from tests.matching.runs.test_runs import run_page",
        "from tests.logbook import test_views as views",
        "from .test_views import helper",
        "from . import conftest",
        "from conftest import owner",
        "from test_views import *",
        'pytest_plugins = ["tests.fixtures.accounts", "tests.logbook.conftest"]',
    ],
)
def test_the_import_check_catches_each_form(source):
    assert forbidden_imports(source)


@pytest.mark.parametrize(
    "source",
    [
        "from tests import factories",
        "from tests.matching.builders import make_case",
        "from tests.programme.exercises.helpers import exercise_meeting",
        "from django.test import override_settings",
        "from django.test.utils import CaptureQueriesContext",
        'pytest_plugins = ["tests.fixtures.accounts"]',
    ],
)
def test_the_import_check_lets_helpers_and_fixture_modules_through(source):
    assert not forbidden_imports(source)
