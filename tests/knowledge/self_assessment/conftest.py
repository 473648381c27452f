import pytest

from knowledge.self_assessment import scoring


@pytest.fixture
def answers_favouring():
    """answers_favouring(role_slug): rate that role's statements 5, all others 1."""

    def favouring(role_slug: str) -> dict[int, int]:
        return {
            index: 5 if item["role"] == role_slug else 1
            for index, item in enumerate(scoring.statements())
        }

    return favouring
