"""A kind of notification of the tests' own, registered for the test and removed after."""

import pytest

from bifrost.core.notifications import kinds


@pytest.fixture
def test_kind():
    """The key of a registered kind with the default mode (digest)."""
    kind = kinds.register_kind("test_kind", "Something happened")
    yield kind.key
    kinds._kinds.pop(kind.key, None)
