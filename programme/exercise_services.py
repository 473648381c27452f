"""Writes for the meeting exercises. Keyword-only functions, each one atomic.

Meeting 1 — prejudice game (assumptions about the other side, reviewed after the talk);
2 and 4 — dilemma workshop (catalogue → company's concrete dilemma → dilemma play);
5 — recommendations (propose, comment, endorse, merge duplicates, publish);
6 — evaluation questionnaire, and the agreed principles and tools.

Who may call what is checked in the views with django-rules (programme/rules.py);
the services check the workflow: the right meeting, the right side, an open form.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from programme.exercise_selectors import (
    DILEMMA_WORKSHOPS,
    EVALUATION,
    EVALUATION_QUESTIONS,
    PREJUDICE_GAME,
    RECOMMENDATIONS,
    SCALE,
    participant_sides,
    user_enrolled_companies,
)
from programme.models import (
    Assumption,
    Dilemma,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    ExerciseState,
    Meeting,
    Principle,
    Recommendation,
    RecommendationComment,
    Scenario,
)

# Example dilemmas for the workshop catalogue: fictional and generic, no real people.
EXAMPLE_DILEMMAS = [
    (
        "Medarbejderen der skjuler sit stress",
        "En dygtig medarbejder siger, at alt går fint. Kollegerne har dog lagt mærke til, at "
        "hun arbejder sent, glemmer aftaler og ikke længere spiser med til frokost. Hvornår "
        "og hvordan tager lederen snakken uden at træde ind i privatlivet?",
    ),
    (
        "Kollegaen der dækker over",
        "En kollega har i flere måneder stille og roligt overtaget opgaver fra en makker, "
        "der har det svært. Nu er kollegaen selv ved at køre træt, men vil ikke „sladre“. "
        "Hvad gør lederen, når problemet først bliver synligt så sent?",
    ),
    (
        "Nedsat tid midt i travlheden",
        "En medarbejder på vej tilbage efter en sygemelding beder om færre timer i de "
        "måneder, hvor virksomheden har allermest travlt. Hvordan vejes hensynet til "
        "medarbejderen mod kundernes frister og resten af teamet?",
    ),
    (
        "Hvor meget skal teamet vide?",
        "En medarbejder vender tilbage efter en stresssygemelding og ønsker ikke, at "
        "kollegerne får noget at vide. Teamet undrer sig over de ændrede opgaver og "
        "arbejdstider. Hvad kan og bør lederen sige, og til hvem?",
    ),
    (
        "Lederen der selv er presset",
        "Ejerlederen skal støtte en medarbejder under pres, men er selv hårdt spændt for "
        "og har ingen at sparre med. Hvem støtter lederen, og hvornår giver det mening at "
        "hente en ekstern rådgiver ind?",
    ),
]


def _require_number(meeting: Meeting, *numbers: int) -> None:
    if meeting.number not in numbers:
        raise ValidationError(_("This exercise does not belong to this meeting."))


def _state_for_update(meeting: Meeting) -> ExerciseState:
    ExerciseState.objects.get_or_create(meeting=meeting)
    return ExerciseState.objects.select_for_update().get(meeting=meeting)


def _clean_text(text: str, *, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("Write something first.")})
    return text


# --- Meeting 1: prejudice game ----------------------------------------------------------


@transaction.atomic
def assumption_add(
    *, meeting: Meeting, author, side: str, text: str, anonymous: bool
) -> Assumption:
    """A participant writes down an assumption about the other side."""
    _require_number(meeting, PREJUDICE_GAME)
    if side not in participant_sides(author, meeting.programme):
        raise ValidationError({"side": _("You can only write from your own side.")})
    assumption = Assumption(
        meeting=meeting,
        author=author,
        side=side,
        text=_clean_text(text, field="text"),
        anonymous=anonymous,
    )
    assumption.full_clean()
    assumption.save()
    return assumption


@transaction.atomic
def assumption_review(*, assumption: Assumption, status: str, note: str) -> Assumption:
    """The facilitator records whether the assumption held after the discussion."""
    assumption.status = status
    assumption.note = (note or "").strip()
    assumption.full_clean()
    assumption.save(update_fields=["status", "note"])
    return assumption


@transaction.atomic
def assumption_remove(*, assumption: Assumption) -> None:
    """Moderation: the facilitator takes an unsuitable entry off the board."""
    assumption.delete()


@transaction.atomic
def assumptions_reveal(*, meeting: Meeting, revealed: bool) -> ExerciseState:
    """Show every participant the full, grouped board (or hide it again)."""
    _require_number(meeting, PREJUDICE_GAME)
    state = _state_for_update(meeting)
    state.assumptions_revealed_at = timezone.now() if revealed else None
    state.save(update_fields=["assumptions_revealed_at"])
    return state


# --- Meetings 2 and 4: dilemma workshop ---------------------------------------------------


@transaction.atomic
def dilemma_seed_catalogue() -> int:
    """Add the example dilemmas that are not in the catalogue yet. Safe to run again.
    Returns how many were added."""
    existing = set(Dilemma.objects.values_list("title", flat=True))
    start = (Dilemma.objects.aggregate(top=Max("position"))["top"] or 0) + 1
    new = [
        Dilemma(title=title, description=description, position=start + i)
        for i, (title, description) in enumerate(
            (t, d) for t, d in EXAMPLE_DILEMMAS if t not in existing
        )
    ]
    Dilemma.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def dilemma_add(*, title: str, description: str) -> Dilemma:
    top = Dilemma.objects.aggregate(top=Max("position"))["top"] or 0
    dilemma = Dilemma(
        title=(title or "").strip(),
        description=_clean_text(description, field="description"),
        position=top + 1,
    )
    dilemma.full_clean()
    dilemma.save()
    return dilemma


@transaction.atomic
def dilemma_choose(
    *,
    meeting: Meeting,
    company: Organisation,
    dilemma: Dilemma,
    concrete_description: str,
    user,
) -> tuple[DilemmaChoice, bool]:
    """A company picks a dilemma and says how it looks in their workplace. Picking the
    same dilemma again at the same meeting updates the description.
    Returns (choice, created)."""
    _require_number(meeting, *DILEMMA_WORKSHOPS)
    if company not in user_enrolled_companies(user, meeting.programme):
        raise ValidationError({"company": _("You can only choose for your own company.")})
    text = _clean_text(concrete_description, field="concrete_description")
    choice, created = DilemmaChoice.objects.select_for_update().get_or_create(
        meeting=meeting,
        company=company,
        dilemma=dilemma,
        defaults={"concrete_description": text, "chosen_by": user},
    )
    if not created:
        choice.concrete_description = text
        choice.chosen_by = user
    choice.full_clean(validate_constraints=False)
    choice.save()
    return choice, created


@transaction.atomic
def scenario_save(
    *,
    meeting: Meeting,
    user,
    title: str,
    script: str,
    played_at: date | None = None,
    outcome: str = "",
    adjustments: str = "",
    choice: DilemmaChoice | None = None,
    scenario: Scenario | None = None,
) -> Scenario:
    """Create a dilemma play from a chosen dilemma, or record how it was played and
    adjusted. The play belongs to the workshop meeting where it is played."""
    _require_number(meeting, *DILEMMA_WORKSHOPS)
    if scenario is None:
        if choice is None or choice.meeting.programme_id != meeting.programme_id:
            raise ValidationError(_("Choose one of the programme's dilemmas."))
        scenario = Scenario(choice=choice, meeting=meeting, created_by=user)
    scenario.title = (title or "").strip()
    scenario.script = (script or "").strip()
    scenario.played_at = played_at
    scenario.outcome = (outcome or "").strip()
    scenario.adjustments = (adjustments or "").strip()
    scenario.full_clean()
    scenario.save()
    return scenario


# --- Meeting 5: recommendations ---------------------------------------------------------


@transaction.atomic
def recommendation_propose(*, meeting: Meeting, author, text: str) -> Recommendation:
    _require_number(meeting, RECOMMENDATIONS)
    recommendation = Recommendation(
        meeting=meeting, author=author, text=_clean_text(text, field="text")
    )
    recommendation.full_clean()
    recommendation.save()
    return recommendation


@transaction.atomic
def recommendation_comment(
    *, recommendation: Recommendation, author, text: str
) -> RecommendationComment:
    if recommendation.is_merged:
        raise ValidationError(
            {"text": _("This recommendation was merged into another; comment on that one.")}
        )
    comment = RecommendationComment(
        recommendation=recommendation, author=author, text=_clean_text(text, field="text")
    )
    comment.full_clean()
    comment.save()
    return comment


def _locked(*recommendations: Recommendation) -> dict[int, Recommendation]:
    """Lock the rows in id order (no deadlock between two merges) and re-read them."""
    rows = Recommendation.objects.select_for_update().filter(pk__in=[r.pk for r in recommendations])
    return {row.pk: row for row in rows.order_by("pk")}


@transaction.atomic
def recommendation_endorse_toggle(*, recommendation: Recommendation, user) -> bool:
    """Back a recommendation, or take the backing back. One endorsement per person:
    the row lock serialises clicks, the unique constraint backs it up.
    Returns True if the person now endorses it."""
    current = _locked(recommendation)[recommendation.pk]
    if current.is_merged:
        raise ValidationError(_("This recommendation was merged into another one."))
    deleted, _details = Endorsement.objects.filter(recommendation=current, user=user).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Endorsement.objects.create(recommendation=current, user=user)
    except IntegrityError:
        pass  # a parallel click already endorsed it
    return True


@transaction.atomic
def recommendation_merge(*, source: Recommendation, target: Recommendation) -> Recommendation:
    """Merge a duplicate (source) into target: source's endorsements move to target,
    except from people who already endorse target (nobody counts twice); recommendations
    merged into source earlier now point at target; source is marked merged and taken
    out of the published set."""
    if source.pk == target.pk:
        raise ValidationError(_("A recommendation cannot be merged into itself."))
    rows = _locked(source, target)
    source, target = rows[source.pk], rows[target.pk]
    if source.meeting_id != target.meeting_id:
        raise ValidationError(_("Both recommendations must belong to the same meeting."))
    if source.is_merged or target.is_merged:
        raise ValidationError(_("One of the recommendations has already been merged."))
    already = Endorsement.objects.filter(recommendation=target).values("user_id")
    Endorsement.objects.filter(recommendation=source).exclude(user_id__in=already).update(
        recommendation=target
    )
    Endorsement.objects.filter(recommendation=source).delete()
    Recommendation.objects.filter(merged_into=source).update(merged_into=target)
    # The discussion follows the merged text, so nothing anyone wrote disappears.
    RecommendationComment.objects.filter(recommendation=source).update(recommendation=target)
    source.merged_into = target
    source.published_at = None
    source.save(update_fields=["merged_into", "published_at"])
    return target


@transaction.atomic
def recommendation_publish(*, recommendation: Recommendation, published: bool) -> Recommendation:
    """Put a recommendation into the final, published set (or take it out)."""
    current = _locked(recommendation)[recommendation.pk]
    if current.is_merged and published:
        raise ValidationError(_("A merged recommendation cannot be published."))
    current.published_at = (current.published_at or timezone.now()) if published else None
    current.save(update_fields=["published_at"])
    return current


# --- Meeting 6: evaluation, principles and tools -------------------------------------------


@transaction.atomic
def evaluation_submit(
    *, meeting: Meeting, respondent, answers: dict[str, int], free_text: str = ""
) -> EvaluationResponse:
    """Save a person's questionnaire. One response per person, which they can change
    until the facilitator closes the evaluation."""
    _require_number(meeting, EVALUATION)
    state = _state_for_update(meeting)
    if state.evaluation_closed_at is not None:
        raise ValidationError(_("The evaluation is closed; answers can no longer be changed."))
    keys = [key for key, _text in EVALUATION_QUESTIONS]
    cleaned = {}
    for key in keys:
        try:
            value = int(answers.get(key))
        except (TypeError, ValueError):
            value = None
        if value not in SCALE:
            raise ValidationError({key: _("Choose a value from 1 to 5.")})
        cleaned[key] = value
    response, _created = EvaluationResponse.objects.update_or_create(
        meeting=meeting,
        respondent=respondent,
        defaults={"answers": cleaned, "free_text": (free_text or "").strip()},
    )
    return response


@transaction.atomic
def evaluation_close(*, meeting: Meeting, closed: bool) -> ExerciseState:
    _require_number(meeting, EVALUATION)
    state = _state_for_update(meeting)
    state.evaluation_closed_at = timezone.now() if closed else None
    state.save(update_fields=["evaluation_closed_at"])
    return state


@transaction.atomic
def principle_add(*, meeting: Meeting, user, kind: str, title: str, description: str) -> Principle:
    """Record a principle or tool the participants agreed on."""
    _require_number(meeting, EVALUATION)
    top = Principle.objects.filter(meeting=meeting).aggregate(top=Max("position"))["top"] or 0
    principle = Principle(
        meeting=meeting,
        kind=kind,
        title=(title or "").strip(),
        description=(description or "").strip(),
        position=top + 1,
        created_by=user,
    )
    principle.full_clean()
    principle.save()
    return principle


@transaction.atomic
def principle_delete(*, principle: Principle) -> None:
    principle.delete()
