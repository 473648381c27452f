"""Reads for readiness checks, critical situations and change logics (fixed query counts)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from knowledge.models import Page
from logbook.insights import readiness
from logbook.models import ChangeLogic, CriticalSituation, Entry, Logbook, ReadinessCheck
from matching.models import Challenge, CompanyProfile


def readiness_history(logbook: Logbook) -> list[ReadinessCheck]:
    """All checks, oldest first (the chart's order). One query."""
    return list(ReadinessCheck.objects.filter(logbook=logbook).order_by("taken_on", "pk"))


@dataclass(frozen=True)
class ReadinessRow:
    check: ReadinessCheck
    scores: list[int | None]  # in STATEMENTS order
    average: float | None


def readiness_rows(checks: list[ReadinessCheck]) -> list[ReadinessRow]:
    """The table alternative to the chart: one row per check (no queries)."""
    return [
        ReadinessRow(
            check=check,
            scores=[(check.scores or {}).get(key) for key in readiness.STATEMENT_KEYS],
            average=readiness.average(check.scores or {}),
        )
        for check in checks
    ]


def critical_situations(logbook: Logbook) -> list[CriticalSituation]:
    return list(CriticalSituation.objects.filter(logbook=logbook).order_by("-occurred_on", "-pk"))


def critical_situation(logbook: Logbook, pk: int) -> CriticalSituation | None:
    return CriticalSituation.objects.filter(logbook=logbook, pk=pk).first()


def initiatives(logbook: Logbook) -> list[Entry]:
    """The logbook's initiatives (not deleted) with their change logic, newest first.
    One query (the change logic is joined)."""
    return list(
        Entry.objects.filter(logbook=logbook, kind=Entry.Kind.INITIATIVE, deleted_at__isnull=True)
        .select_related("change_logic")
        .order_by("-entry_date", "-pk")
    )


def initiative(logbook: Logbook, entry_pk: int) -> Entry | None:
    """A live initiative of the logbook with its change logic and knowledge pages."""
    return (
        Entry.objects.filter(
            logbook=logbook,
            pk=entry_pk,
            kind=Entry.Kind.INITIATIVE,
            deleted_at__isnull=True,
        )
        .select_related("change_logic")
        .prefetch_related(
            Prefetch("knowledge_pages", queryset=Page.objects.order_by("section", "order"))
        )
        .first()
    )


def existing_change_logic(entry: Entry) -> ChangeLogic | None:
    try:
        return entry.change_logic
    except ChangeLogic.DoesNotExist:
        return None


def top_challenge(logbook: Logbook) -> str:
    """The company's most important challenge from its profile in the programme, or ''."""
    profile = (
        CompanyProfile.objects.filter(programme=logbook.programme, company=logbook.company)
        .only("challenges")
        .first()
    )
    if profile is None:
        return ""
    valid = set(Challenge.values)
    for value in profile.challenges or []:
        if value in valid:
            return value
    return ""


def knowledge_lines(entry: Entry) -> str:
    """The entry's linked knowledge pages as a Markdown list of links."""
    return "\n".join(
        f"- [{page.title}]({page.get_absolute_url()})" for page in entry.knowledge_pages.all()
    )


def change_logic_initial(entry: Entry, logbook: Logbook) -> dict:
    """The form's starting values: the saved change logic, else a prefill from the entries."""
    logic = existing_change_logic(entry)
    if logic is not None:
        return {
            "challenge": logic.challenge,
            "challenge_text": logic.challenge_text,
            "expected_results": logic.expected_results,
            "knowledge_and_tools": logic.knowledge_and_tools,
        }
    return {
        "challenge": top_challenge(logbook),
        "challenge_text": "",
        "expected_results": entry.expected_effect,
        "knowledge_and_tools": knowledge_lines(entry),
    }


@dataclass
class ChangeLogicFlow:
    """What the flow of blocks shows: challenge → initiative → results → knowledge and tools."""

    entry: Entry
    saved: bool
    challenge: str
    challenge_label: str
    challenge_page: Page | None
    challenge_text: str
    expected_results: str
    knowledge_and_tools: str
    pages: list[Page] = field(default_factory=list)
    updated_at: object = None


def change_logic_flow(entry: Entry, logbook: Logbook) -> ChangeLogicFlow:
    """The change logic of ``entry`` (prefilled when none is saved yet)."""
    logic = existing_change_logic(entry)
    values = change_logic_initial(entry, logbook)
    challenge = values["challenge"]
    page = None
    if challenge:
        page = Page.objects.published().filter(slug=challenge).first()
    return ChangeLogicFlow(
        entry=entry,
        saved=logic is not None,
        challenge=challenge,
        challenge_label=str(dict(Challenge.choices).get(challenge, "")),
        challenge_page=page,
        challenge_text=values["challenge_text"],
        expected_results=values["expected_results"],
        knowledge_and_tools=values["knowledge_and_tools"],
        pages=list(entry.knowledge_pages.all()),
        updated_at=logic.updated_at if logic else None,
    )
