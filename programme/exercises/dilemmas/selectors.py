"""Reads for the dilemma workshop (meetings 2 and 4)."""

from django.db.models import Prefetch

from programme.models import Dilemma, DilemmaChoice, Programme, Scenario


def dilemma_catalogue() -> list[Dilemma]:
    return list(Dilemma.objects.order_by("position", "pk"))


def dilemma_choices(programme: Programme) -> list[DilemmaChoice]:
    """Every company's chosen dilemmas in the programme's workshops, with their plays.
    Two queries."""
    return list(
        DilemmaChoice.objects.filter(meeting__programme=programme)
        .select_related("company", "dilemma", "meeting")
        .prefetch_related(
            Prefetch(
                "scenarios",
                queryset=Scenario.objects.select_related("meeting").order_by("pk"),
            )
        )
        .order_by("meeting__number", "company__name", "dilemma__position", "pk")
    )


def dilemma_choice(pk: int, *, programme_id: int | None = None) -> DilemmaChoice | None:
    """A chosen dilemma; with `programme_id`, only one of that programme's."""
    choices = DilemmaChoice.objects.select_related("company", "dilemma", "meeting")
    if programme_id is not None:
        choices = choices.filter(meeting__programme_id=programme_id)
    return choices.filter(pk=pk).first()
