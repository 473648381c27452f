"""The permission matrix's roles, the groups of roles named after the rules that let
them in, and the helpers that make a row (see matrix.py)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Answer = int | str
LOGIN = "login"

# --- Roles --------------------------------------------------------------------------
# The world (world.py) has two enrolled companies, A and B. Each role looks at the
# objects of one company, its *subject*: A, except where noted.
ANONYMOUS = "anonymous"
OWNER_A = "owner_a"  # SMV owner of company A
OWNER_B = "owner_b"  # SMV owner of company B, looking at A's objects
ADVISOR_A = "advisor_a"  # A's advisor (a confirmed case; A shares its logbook with them)
ADVISOR_OTHER = "advisor_other"  # advisor of company B, in another advisory unit
UNIT_COLLEAGUE = "unit_colleague"  # in A's advisor's unit, not on A's case
# Consent is a property of a logbook, not of a person: the programme's facilitator
# looks at company A (its logbook shares with the researchers) and, as a second
# role, the same person looks at company B (its logbook does not).
FACILITATOR = "facilitator"
FACILITATOR_NO_CONSENT = "facilitator_no_consent"  # subject B
FACILITATOR_OTHER = "facilitator_other"  # facilitator of another programme
STAFF = "staff"  # is_staff, no programme role (the technical admin site)
SUPERUSER = "superuser"  # what `createsuperuser` makes for /admin/ (README)

ROLES: tuple[str, ...] = (
    ANONYMOUS,
    OWNER_A,
    OWNER_B,
    ADVISOR_A,
    ADVISOR_OTHER,
    UNIT_COLLEAGUE,
    FACILITATOR,
    FACILITATOR_NO_CONSENT,
    FACILITATOR_OTHER,
    STAFF,
    SUPERUSER,
)
SUBJECT: Mapping[str, str] = {FACILITATOR_NO_CONSENT: "B"}


def subject_of(role: str) -> str:
    return SUBJECT.get(role, "A")


# --- Groups of roles, named after the rule that lets them in -------------------------
# `is_facilitator` (bifrost/accounts/rules.py) is a platform-wide role: no rule ties a
# facilitator to the programmes they run (Programme.created_by is the only link), so
# the rules let a facilitator of another programme manage this one and read the
# logbooks that consent to research in it. The matrix follows the declared rules;
# whether the domain wants facilitators scoped to their programmes is an open
# question (issue 11 names "facilitator of another programme" as a role of its own).
FACILITATORS = (FACILITATOR, FACILITATOR_NO_CONSENT, FACILITATOR_OTHER)
# Members of actively enrolled organisations (`programme.selectors.is_participant`):
# both companies and both advisory units are enrolled.
OWNERS = (OWNER_A, OWNER_B)
ADVISORS = (ADVISOR_A, ADVISOR_OTHER, UNIT_COLLEAGUE)
PARTICIPANTS = OWNERS + ADVISORS
# `has_any_role`: the landings, the calendar and reminder settings.
ROLE_HOLDERS = PARTICIPANTS + FACILITATORS
# A's case (`matching.view_case`): the company, the case's advisor, facilitators.
CASE_PARTIES = (OWNER_A, ADVISOR_A)
CASE_VIEWERS = CASE_PARTIES + FACILITATORS
# A's logbook (`logbook.view_logbook`): the company; its advisor while it consents
# (default yes); facilitators while it consents to research. A consents, B does not,
# so the facilitator looking at B is not a reader.
LOGBOOK_READERS = (OWNER_A, ADVISOR_A, FACILITATOR, FACILITATOR_OTHER)
COMPANY_A = (OWNER_A,)


# --- Rows ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    get: Mapping[str, Answer]
    post: Mapping[str, Answer] | None = None  # only for POST-only views


def everyone(answer: Answer) -> dict[str, Answer]:
    return dict.fromkeys(ROLES, answer)


def signed_in(answer: Answer, *, anonymous: Answer = LOGIN) -> dict[str, Answer]:
    return {**everyone(answer), ANONYMOUS: anonymous}


def only(roles: Iterable[str], answer: Answer = 200) -> dict[str, Answer]:
    """A private page: login first; `roles` get `answer`; everybody else 404."""
    return {**signed_in(404), **dict.fromkeys(roles, answer)}


def public(answer: Answer = 200) -> Row:
    return Row(get=everyone(answer))


def page(roles: Iterable[str], answer: Answer = 200) -> Row:
    return Row(get=only(roles, answer))


def post_only(roles: Iterable[str], answer: Answer) -> Row:
    """GET is refused (405) after the login check; an empty POST as in `only`."""
    return Row(get=signed_in(405), post=only(roles, answer))


def allauth(*, anonymous: Answer, signed: Answer) -> Row:
    """allauth's own pages answer the same to every signed-in person."""
    return Row(get=signed_in(signed, anonymous=anonymous))
