"""Reason codes of a match run, as text for people.

``MatchRun.unmatched`` stores a code per company left out (the optimiser's
:class:`~matching.runs.problem.Reason` values, or ``no_profile``);
:meth:`~matching.runs.snapshot.Context.exclusion` names why a pair may never be
proposed. The texts are looked up when shown, in the reader's language.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from matching.runs.problem import Reason

NO_PROFILE = "no_profile"

#: Reason codes of ``MatchRun.unmatched`` as text for people.
REASON_TEXT: dict[str, Promise] = {
    NO_PROFILE: gettext_lazy("The company has not filled in its profile."),
    Reason.NO_ALLOWED_ADVISOR: gettext_lazy(
        "No advisor may be matched with this company (conflicts of interest or pair rules)."
    ),
    Reason.NO_CAPACITY: gettext_lazy(
        "The advisors who may take this company have no capacity left."
    ),
    Reason.CAPACITY_TAKEN: gettext_lazy(
        "The advisors who fit this company are needed for other companies; "
        "give an advisor more capacity or choose one by hand."
    ),
    Reason.LOCKED_UNKNOWN_ADVISOR: gettext_lazy("Locked to an advisor who is no longer available."),
    Reason.LOCKED_EXCLUDED: gettext_lazy(
        "Locked to an advisor it may not be matched with (conflict of interest or rule)."
    ),
    Reason.LOCKED_NOT_ALLOWED: gettext_lazy("Locked to an advisor it may not be matched with."),
    Reason.LOCKED_OVER_CAPACITY: gettext_lazy(
        "Locked to an advisor who has more locked companies than capacity."
    ),
}

#: Why a pair may never be proposed (codes of ``Context.exclusion``).
EXCLUSION_TEXT: dict[str, Promise] = {
    "unit_conflict": gettext_lazy(
        "The advisor's unit already serves the company (conflict of interest)."
    ),
    "must_not": gettext_lazy("A pair rule says this company and advisor must not be matched."),
    "unavailable": gettext_lazy("The advisor is not available in this run."),
}


def reason_text(code: str) -> str:
    return str(REASON_TEXT.get(code, code))
