"""Transparent company–advisor scores: pure functions, no database queries.

Four criteria, each a *fit* from 0 to 1:

``challenge``
    The company's challenges, weighted by rank (with ``n`` ranked challenges the
    most important counts ``n``, the next ``n - 1``, …, the last 1), against
    the advisor's competence in each (none = 0, some = 0.5, strong = 1).
    A company that ranked no challenge gets a neutral 0.5.
``industry``
    1 when the company's industry is among the advisor's industries, else 0.
``region_format``
    Formats clash (one side on site only, the other video only): 0.
    Both sides accept video and at least one of them wants video only: the
    meetings are held by video, so the region does not matter: 1.
    Otherwise meetings may be on site: 1 when the advisor covers the company's
    region; 0.5 when not but both sides also accept video ("either" on both
    sides); 0 when not and one side wants on site only.
``role``
    The advisor's role-profile percentage (0–100) for the company's preferred
    advisor role, divided by 100. No preference: a neutral 0.5.

``score = round(100 × Σ weight·fit / Σ weight)``, an integer 0–100. The
breakdown gives per criterion the points it contributed (on the same 0–100
scale, so the points add up to the score, give or take rounding), the most it
could contribute, its weight, its fit and the facts used; :func:`reasons` turns
a stored breakdown into sentences in the current language, split at the source
into the match's *strengths* and its *weak points*. The pair (the company's
people and the advisor: their pages and e-mails) is shown the strengths only;
the facilitator, who weighs the match, sees both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from matching.models import AdvisorRole, Challenge

CRITERIA = ("challenge", "industry", "region_format", "role")
COMPETENCE_FIT = {"none": 0.0, "some": 0.5, "strong": 1.0}
NEUTRAL = 0.5

VIDEO = "video"
ON_SITE = "on_site"
EITHER = "either"


@dataclass(frozen=True)
class CompanyFacts:
    challenges: Sequence[str] = ()
    industry: str = ""
    region: str = ""
    meeting_format: str = EITHER
    preferred_role: str = ""


@dataclass(frozen=True)
class AdvisorFacts:
    competences: Mapping[str, str] = field(default_factory=dict)
    industries: Sequence[str] = ()
    regions: Sequence[str] = ()
    meeting_format: str = EITHER
    role_scores: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    score: int
    breakdown: dict


def _accepts_video(fmt: str) -> bool:
    return fmt in (VIDEO, EITHER)


def _accepts_on_site(fmt: str) -> bool:
    return fmt in (ON_SITE, EITHER)


def challenge_fit(company: CompanyFacts, advisor: AdvisorFacts) -> tuple[float, dict]:
    ranked = list(company.challenges)
    if not ranked:
        return NEUTRAL, {"ranked": [], "top": "", "top_competence": "", "strong": []}
    n = len(ranked)
    total = sum(range(1, n + 1))
    earned = 0.0
    for index, challenge in enumerate(ranked):
        earned += (n - index) * COMPETENCE_FIT.get(advisor.competences.get(challenge, "none"), 0)
    facts = {
        "ranked": ranked,
        "top": ranked[0],
        "top_competence": advisor.competences.get(ranked[0], "none"),
        "strong": [c for c in ranked[1:] if advisor.competences.get(c) == "strong"],
    }
    return earned / total, facts


def industry_fit(company: CompanyFacts, advisor: AdvisorFacts) -> tuple[float, dict]:
    match = bool(company.industry) and company.industry in advisor.industries
    return (1.0 if match else 0.0), {"industry": company.industry, "match": match}


def region_format_fit(company: CompanyFacts, advisor: AdvisorFacts) -> tuple[float, dict]:
    c, a = company.meeting_format, advisor.meeting_format
    facts = {"region": company.region, "company_format": c, "advisor_format": a}
    video_ok = _accepts_video(c) and _accepts_video(a)
    on_site_ok = _accepts_on_site(c) and _accepts_on_site(a)
    if not video_ok and not on_site_ok:
        return 0.0, {**facts, "case": "format_clash"}
    if video_ok and (VIDEO in (c, a)):
        return 1.0, {**facts, "case": "video"}
    if company.region and company.region in advisor.regions:
        return 1.0, {**facts, "case": "region_covered"}
    if video_ok:
        return NEUTRAL, {**facts, "case": "region_not_covered_video"}
    return 0.0, {**facts, "case": "region_not_covered"}


def role_fit(company: CompanyFacts, advisor: AdvisorFacts) -> tuple[float, dict]:
    if not company.preferred_role:
        return NEUTRAL, {"role": "", "percent": None}
    try:
        percent = int(advisor.role_scores.get(company.preferred_role, 0))
    except (TypeError, ValueError):
        percent = 0
    percent = max(0, min(100, percent))
    return percent / 100, {"role": company.preferred_role, "percent": percent}


FITS = {
    "challenge": challenge_fit,
    "industry": industry_fit,
    "region_format": region_format_fit,
    "role": role_fit,
}


def check_weights(weights: Mapping[str, int]) -> None:
    if any(weights.get(name, 0) < 0 for name in CRITERIA):
        raise ValueError("weights must be 0 or more")
    if sum(weights.get(name, 0) for name in CRITERIA) <= 0:
        raise ValueError("at least one weight must be above 0")


def score(company: CompanyFacts, advisor: AdvisorFacts, weights: Mapping[str, int]) -> Result:
    """The pair's score 0–100 and its breakdown (see the module docstring)."""
    check_weights(weights)
    total_weight = sum(weights.get(name, 0) for name in CRITERIA)
    weighted = 0.0
    breakdown: dict = {}
    for name in CRITERIA:
        fit, facts = FITS[name](company, advisor)
        weight = weights.get(name, 0)
        weighted += weight * fit
        breakdown[name] = {
            "fit": round(fit, 4),
            "weight": weight,
            "points": round(100 * weight * fit / total_weight, 1),
            "max": round(100 * weight / total_weight, 1),
            **facts,
        }
    return Result(score=round(100 * weighted / total_weight), breakdown=breakdown)


# --------------------------------------------------------------------------- #
# Explanations: read back from a stored breakdown, in the current language.
# --------------------------------------------------------------------------- #


def _label(choices, value: str) -> str:
    for key, label in choices:
        if key == value:
            return str(label)
    return value


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Reasons:
    """Why this pair, in sentences: what speaks for the match and what against it.

    Neutral facts (the company ranked no challenge, has no preferred relation)
    count as weak points: they are not reasons for the match, only something
    the facilitator should know."""

    strengths: list[str]
    weak_points: list[str]


#: A sentence with its side: True for a strength, False for a weak point.
Line = tuple[bool, str]
STRENGTH, WEAK = True, False


def reasons(breakdown: Mapping) -> Reasons:
    """Why this pair: plain sentences per criterion that has weight, split in two."""
    strengths: list[str] = []
    weak_points: list[str] = []
    for name, explain_criterion in EXPLAINERS.items():
        facts = breakdown.get(name)
        if facts and facts.get("weight"):
            for is_strength, text in explain_criterion(facts):
                (strengths if is_strength else weak_points).append(text)
    return Reasons(strengths=strengths, weak_points=weak_points)


def strengths(breakdown: Mapping) -> list[str]:
    """Only what speaks for the match: what the pair themselves are shown."""
    return reasons(breakdown).strengths


def explain(breakdown: Mapping) -> list[str]:
    """Every sentence, strengths first (for the facilitator's CSV)."""
    found = reasons(breakdown)
    return [*found.strengths, *found.weak_points]


def score_text(score: int) -> str:
    """A score with its scale: "91 of 100"."""
    return _("%(score)s of 100") % {"score": score}


def _explain_challenge(facts: Mapping) -> list[Line]:
    top = facts.get("top")
    if not top:
        return [(WEAK, _("The company has not ranked its challenges"))]
    name = _lower_first(_label(Challenge.choices, top))
    level = facts.get("top_competence")
    if level == "strong":
        text = _("Strong competence in %(challenge)s, the company's most important challenge")
    elif level == "some":
        text = _("Some competence in %(challenge)s, the company's most important challenge")
    else:
        text = _("No stated competence in %(challenge)s, the company's most important challenge")
    lines: list[Line] = [(level in ("strong", "some"), text % {"challenge": name})]
    strong = [_lower_first(_label(Challenge.choices, c)) for c in facts.get("strong", [])]
    if strong:
        lines.append(
            (STRENGTH, _("Also strong in %(challenges)s") % {"challenges": ", ".join(strong)})
        )
    return lines


def _explain_industry(facts: Mapping) -> list[Line]:
    name = _lower_first(_label(Organisation.Industry.choices, facts.get("industry", "")))
    if facts.get("match"):
        return [(STRENGTH, _("Has worked with companies in %(industry)s") % {"industry": name})]
    return [(WEAK, _("Has not worked with companies in %(industry)s") % {"industry": name})]


def _explain_region_format(facts: Mapping) -> list[Line]:
    region_name = _label(Organisation.Region.choices, facts.get("region", ""))
    texts = {
        "format_clash": (WEAK, _("One side wants to meet on site, the other only by video")),
        "video": (STRENGTH, _("They will meet by video, so the distance does not matter")),
        "region_covered": (STRENGTH, _("Works in %(region)s, where the company is")),
        "region_not_covered_video": (
            WEAK,
            _("Does not work in %(region)s, but both can meet by video"),
        ),
        "region_not_covered": (
            WEAK,
            _("Does not work in %(region)s, where the company wants to meet"),
        ),
    }
    found = texts.get(facts.get("case", ""))
    if not found:
        return []
    side, text = found
    return [(side, text % {"region": region_name} if "%(region)s" in text else text)]


#: From this role-profile percentage on, the role fit speaks for the match.
ROLE_STRENGTH_PERCENT = 50


def _explain_role(facts: Mapping) -> list[Line]:
    if not facts.get("role"):
        return [(WEAK, _("The company has no preferred kind of advisor relation"))]
    percent = facts.get("percent") or 0
    text = _("%(percent)s%% match with the role the company prefers: %(role)s") % {
        "percent": percent,
        "role": _lower_first(_label(AdvisorRole.choices, facts["role"])),
    }
    return [(percent >= ROLE_STRENGTH_PERCENT, text)]


#: One explainer per criterion, in the order of the sentences.
EXPLAINERS: dict[str, Callable[[Mapping], list[Line]]] = {
    "challenge": _explain_challenge,
    "industry": _explain_industry,
    "region_format": _explain_region_format,
    "role": _explain_role,
}


def why(breakdown: Mapping) -> str:
    """Every sentence as one line (for the facilitator's CSV)."""
    return "; ".join(explain(breakdown))
