"""The fixtures of the permission matrix and the generated posts, and their lines in
the terminal summary.

The fixtures live in the fixture modules `world.py` and `fuzz_client.py`. They are
re-exported here
rather than listed in `pytest_plugins`: pytest refuses `pytest_plugins` in a
conftest below the rootdir as soon as the folder is collected as part of a
larger run (`pytest tests`, i.e. `make test`), so that would break the suite.
"""

from tests.security.fuzz_client import FUZZ_REPORT, fuzz_report  # noqa: F401
from tests.security.world import REPORT, matrix_report, permission_world  # noqa: F401


def pytest_terminal_summary(terminalreporter, config):
    for key, title in ((REPORT, "permission matrix"), (FUZZ_REPORT, "generated posts")):
        lines = config.stash.get(key, None)
        if lines:
            terminalreporter.section(title)
            for line in lines:
                terminalreporter.write_line(line)
