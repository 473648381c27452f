import pytest


@pytest.fixture
def new_password() -> str:
    """A password the invitee chooses that passes the password rules."""
    return "en-lang-og-sikker-adgangskode"
