"""Scoring of "Hvilken rådgiverrolle har du?": statements rated 1–5, averaged per role."""

from dataclasses import dataclass

from knowledge import initial_content

SCALE = range(1, 6)


@dataclass(frozen=True)
class RoleScore:
    role_slug: str
    average: float  # 1.0 – 5.0
    percent: int  # 0 – 100, for the chart


def statements() -> list[dict]:
    return initial_content.SELF_ASSESSMENT


def role_slugs() -> list[str]:
    return [role["slug"] for role in initial_content.ADVISOR_ROLES]


def score(answers: dict[int, int]) -> list[RoleScore]:
    """Average rating per role; roles in their canonical order (1 → 4).

    `answers` maps statement index → rating 1..5; every statement must be answered.
    """
    items = statements()
    if set(answers) != set(range(len(items))):
        raise ValueError("every statement must be answered")
    if any(value not in SCALE for value in answers.values()):
        raise ValueError("ratings are 1 to 5")
    totals: dict[str, list[int]] = {slug: [] for slug in role_slugs()}
    for index, item in enumerate(items):
        totals[item["role"]].append(answers[index])
    result = []
    for slug, values in totals.items():
        average = sum(values) / len(values) if values else 1.0
        result.append(RoleScore(slug, round(average, 2), round((average - 1) / 4 * 100)))
    return result


def strongest(scores: list[RoleScore]) -> list[str]:
    """The role(s) with the highest average (ties are all returned)."""
    top = max(s.average for s in scores)
    return [s.role_slug for s in scores if s.average == top]
