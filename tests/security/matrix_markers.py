"""Content that must not reach the wrong person (the leak markers and the pages that
prove them), and the known findings where the code and the rules disagree."""

from dataclasses import dataclass, field

from tests.security.matrix_roles import (
    ADVISOR_A,
    ADVISOR_OTHER,
    FACILITATOR,
    FACILITATORS,
    OWNER_A,
    OWNER_B,
    UNIT_COLLEAGUE,
    Answer,
)


# --- Content that must not reach the wrong person ------------------------------------
@dataclass(frozen=True)
class Proof:
    """A page on which a reader sees the marker: proof that the world holds it, so
    that its absence elsewhere means something."""

    key: str
    role: str
    subject: str = "A"
    query: str = ""


@dataclass(frozen=True)
class Marker:
    """A secret-looking string the world writes into one kind of content, and the
    roles that may see it. No other role's response (any status) may contain it."""

    text: str
    readers: tuple[str, ...]
    where: str
    proof: Proof
    only_on: tuple[str, ...] = ()  # fnmatch patterns of the keys it is checked on; () all


# The facilitator looking at B is the same person as the one looking at A, so the
# readers of A's logbook include that role too.
MARKERS: dict[str, Marker] = {
    "a_logbook": Marker(
        "MATRIX-SECRET-A-LOGBOOK-4471",
        (OWNER_A, ADVISOR_A, *FACILITATORS),
        "A's entries, versions, comments, change logic, readiness and critical situations",
        Proof("logbook:entry_detail", OWNER_A),
    ),
    "b_logbook": Marker(
        "MATRIX-SECRET-B-LOGBOOK-9032",
        (OWNER_B, ADVISOR_OTHER),
        "B's entries and critical situations (B does not share with the researchers)",
        Proof("logbook:entry_detail", OWNER_B, subject="B"),
    ),
    "a_deleted": Marker(
        "MATRIX-SECRET-A-DELETED-2210",
        (OWNER_A,),
        "an entry A deleted (restorable by the company for 30 days)",
        Proof("logbook:entries_deleted", OWNER_A),
    ),
    "a_draft": Marker(
        "MATRIX-SECRET-A-DRAFT-6618",
        (OWNER_A,),
        "the SMV owner's autosaved, unsaved draft",
        Proof("logbook:entry_create", OWNER_A, query="?draft=restore"),
    ),
    "a_staff_list": Marker(
        "MATRIX-SECRET-A-STAFF-LIST-5150",
        (OWNER_A,),
        "A's staff list for the privacy guard (never shown outside the company)",
        Proof("logbook:consent", OWNER_A),
    ),
    "a_case": Marker(
        "MATRIX-SECRET-A-CASE-3307",
        (OWNER_A, ADVISOR_A, *FACILITATORS),
        "a company meeting recorded on A's case",
        Proof("matching:case_detail", OWNER_A),
    ),
    "a_private_note": Marker(
        "MATRIX-SECRET-A-PRIVATE-NOTE-8124",
        (ADVISOR_A,),
        "A's advisor's own note on the case",
        Proof("matching:case_detail", ADVISOR_A),
    ),
    "a_shared_note": Marker(
        "MATRIX-SECRET-A-UNIT-NOTE-1985",
        (ADVISOR_A, UNIT_COLLEAGUE),
        "A's advisor's note shared with their advisory unit",
        Proof("matching:case_dashboard", UNIT_COLLEAGUE),
    ),
    # "When `anonymous` is set no page shows who wrote it, the facilitator's pages
    # included" (programme/models.py Assumption). The author is another member of A
    # whose name is rightly shown elsewhere (the member list, attendance), so the name
    # is looked for on the prejudice game's pages only.
    "anonymous_author": Marker(
        "MATRIX-SECRET-ANONYMOUS-AUTHOR-3391",
        (),
        "the name of the author of an anonymous assumption",
        Proof("organisation_detail", FACILITATOR),
        only_on=("programme:exercise_assumptions", "programme:assumption*"),
    ),
    # A case page drafted for the knowledge site: the company, its advisor and the
    # facilitators (its editors) read it before it is published; nobody else.
    "a_case_page": Marker(
        "MATRIX-SECRET-A-CASE-PAGE-6402",
        (OWNER_A, ADVISOR_A, *FACILITATORS),
        "the text of A's case page draft, sent for approval",
        Proof("knowledge:case_approval", OWNER_A),
    ),
    "b_case_page": Marker(
        "MATRIX-SECRET-B-CASE-PAGE-2870",
        (OWNER_B, ADVISOR_OTHER, *FACILITATORS),
        "the text of B's case page draft, sent for approval",
        Proof("knowledge:case_approval", OWNER_B, subject="B"),
    ),
    "b_shared_note": Marker(
        "MATRIX-SECRET-B-UNIT-NOTE-7741",
        (ADVISOR_OTHER,),
        "B's advisor's note shared with their (other) unit",
        Proof("matching:case_detail", ADVISOR_OTHER, subject="B"),
    ),
}


# --- Where the code disagrees with the rules -----------------------------------------
@dataclass(frozen=True)
class Finding:
    """Checks (URL key × role × method) where the code answers other than the rules.

    `urls` are fnmatch patterns over MATRIX keys; `where_expected` narrows them to
    the checks whose declared answer is one of these (empty: any). `actual` is
    today's answer (None: any answer but a 500). `leaks` names markers the finding
    lets through. A finding that no check needs any more fails the test, so a fix
    removes its entry.
    """

    reason: str
    roles: tuple[str, ...]
    urls: tuple[str, ...] = ("*",)
    methods: tuple[str, ...] = ("GET", "POST")
    where_expected: tuple[Answer, ...] = ()
    actual: Answer | None = None
    leaks: tuple[str, ...] = field(default=())


KNOWN_FINDINGS: dict[str, Finding] = {
    # Empty: the superuser shortcut (F1) is closed in User.has_perm, so programme
    # rules decide for the admin account too.
}
