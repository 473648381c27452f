"""The permission matrix's fixtures and its lines in the terminal summary.

The fixtures live in the fixture module `world.py`. They are re-exported here
rather than listed in `pytest_plugins`: pytest refuses `pytest_plugins` in a
conftest below the rootdir as soon as the folder is collected as part of a
larger run (`pytest tests`, i.e. `make test`), so that would break the suite.
"""

from tests.security.world import REPORT, matrix_report, permission_world  # noqa: F401


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(REPORT, None)
    if lines:
        terminalreporter.section("permission matrix")
        for line in lines:
            terminalreporter.write_line(line)
