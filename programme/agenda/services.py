"""Writes for agendas: items with their files, their order, and notes taken live."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.models import AgendaItem, Meeting


def _next_position(meeting: Meeting) -> int:
    current = meeting.agenda_items.aggregate(top=Max("position"))["top"]
    return 0 if current is None else current + 1


@transaction.atomic
def agenda_item_save(
    *, meeting: Meeting, item: AgendaItem | None = None, **fields: Any
) -> AgendaItem:
    if item is None:
        item = AgendaItem(meeting=meeting, position=_next_position(meeting))
    # The stored name, not the instance's: a ModelForm has already put its upload (or
    # the cleared value) on the instance it was given.
    stored = AgendaItem.objects.filter(pk=item.pk).values_list("material", flat=True)
    old_file = (stored.first() or "") if item.pk else ""
    for key, value in fields.items():
        if key == "material" and value is False:
            value = ""  # the form's "clear" box was ticked: no file any more
        setattr(item, key, value)
    item.full_clean()
    item.save()
    if old_file and old_file != (item.material.name if item.material else ""):
        _delete_file_on_commit(old_file)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    return item


def _delete_file_on_commit(name: str) -> None:
    # Only once the database change is committed: a rollback keeps the file.
    transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    meeting = item.meeting
    if item.material and item.material.name:
        _delete_file_on_commit(item.material.name)
    item.delete()
    _renumber(meeting, list(meeting.agenda_items.order_by("position", "pk")))


def _renumber(meeting: Meeting, items: list[AgendaItem]) -> None:
    for index, item in enumerate(items):
        item.position = index
    AgendaItem.objects.bulk_update(items, ["position"])
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())


def _locked_items(meeting: Meeting) -> list[AgendaItem]:
    # Lock the agenda so two editors reordering at once cannot interleave.
    return list(
        AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("position", "pk")
    )


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> None:
    """Put the items in the given order (from drag and drop)."""
    items = {item.pk: item for item in _locked_items(meeting)}
    if set(ordered_ids) != set(items):
        raise ValidationError(_("The agenda changed meanwhile. Reload the page and try again."))
    _renumber(meeting, [items[pk] for pk in ordered_ids])


@transaction.atomic
def agenda_move(*, item: AgendaItem, offset: int) -> None:
    """Move an item up (-1) or down (+1): the keyboard alternative to dragging."""
    items = _locked_items(item.meeting)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(item.meeting, items)


@transaction.atomic
def agenda_item_notes(*, item: AgendaItem, notes: str) -> AgendaItem:
    """The facilitator's notes on the current item, taken in the run view."""
    item.notes = notes
    item.save(update_fields=["notes"])
    return item
