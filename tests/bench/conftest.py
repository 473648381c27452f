"""Nothing in tests/bench is a test: keep pytest from collecting or importing it.

The benchmark files are not named test_*.py either, so `make test` never picks
them up; this also covers `pytest tests/bench` or a path given by mistake.
"""

collect_ignore_glob = ["*.py"]
