"""Blank forms rendered once: the HTML of an unbound form, kept per process.

Crispy renders every field through several templates (the field's wrapper, the
label, the widget and its attributes), which made the pages with collapsed "add"
forms (the case page, the entry form) spend most of their time there, though a
blank form renders the same HTML every time. `render` keeps that HTML under a key
made of everything the rendering reads: the form's class, prefix and ids, the
active language, and per field its label, help text, flags, widget (class,
attributes, format), choices and value. A form whose input it cannot know (bound,
with errors, editing a saved object, a helper, free text as its value) is simply
rendered. The key is a hash, so no value is held as text; the kept HTML holds only
what a blank form shows (labels, choices, dates), never someone's writing.
"""

import datetime
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.forms import BaseForm, BoundField, ModelChoiceField
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

#: Distinct blank forms kept per process (languages × forms × their choices).
MAX_KEPT = 512

_kept: OrderedDict[str, SafeString] = OrderedDict()
_lock = threading.Lock()


class _Uncacheable(Exception):
    pass


def _plain(value):
    """`value` as a comparable tuple/str tree (lazy strings evaluated)."""
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v)) for k, v in value.items()))
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _value(bound: BoundField):
    value = bound.value()
    if value is None or isinstance(value, bool | int | datetime.date):
        return _plain(value)
    if isinstance(value, str) and (value == "" or hasattr(bound.field, "choices")):
        return value
    if isinstance(value, list | tuple) and hasattr(bound.field, "choices"):
        return _plain(value)
    # Typed or prefilled text: not a blank form's HTML to keep.
    raise _Uncacheable


def _field_key(bound: BoundField) -> tuple:
    field, widget = bound.field, bound.field.widget
    return (
        bound.html_name,
        bound.auto_id,
        _plain(field.label),
        _plain(field.help_text),
        field.required,
        field.disabled,
        field.show_hidden_initial,
        field.localize,
        type(widget).__module__,
        type(widget).__qualname__,
        _plain(widget.attrs),
        _plain(getattr(widget, "format", None)),
        _plain(getattr(widget, "input_type", None)),
        _choices(field),
        _value(bound),
    )


def _choices(field: Any):
    if not hasattr(field, "choices"):
        return None
    # Read once and kept on the field, so rendering shows these very choices: a model
    # choice field would query again on every iteration (through a server-side
    # cursor); its queryset's own result cache is used when a template read it.
    if isinstance(field, ModelChoiceField):
        choice = field.iterator(field).choice
        choices: list[Any] = [("", field.empty_label)] if field.empty_label is not None else []
        choices += [choice(obj) for obj in field.queryset or []]
    else:
        choices = [*field.choices]
    field.choices = choices
    return _plain(choices)


def _form_key(form: BaseForm) -> tuple:
    if form.is_bound or getattr(form, "helper", None) is not None:
        raise _Uncacheable
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk is not None:
        raise _Uncacheable
    return (
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        _plain(form.auto_id),
        _plain(form.label_suffix),
        form.use_required_attribute,
        get_language(),
    )


def _kept_or_rendered(key_of: Callable[[], tuple], render: Callable[[], str]) -> SafeString:
    try:
        key = hashlib.sha256(repr(key_of()).encode()).hexdigest()
    except _Uncacheable:
        return mark_safe(render())  # noqa: S308 (crispy's own output)
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
            return html
    html = mark_safe(render())  # noqa: S308 (crispy's own output)
    with _lock:
        _kept[key] = html
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return html


def render_form(form: BaseForm, render: Callable[[BaseForm], str]) -> SafeString:
    """`render(form)`, kept when `form` is blank (see the module's docstring)."""
    return _kept_or_rendered(
        lambda: (_form_key(form), tuple(_field_key(form[name]) for name in form.fields)),
        lambda: render(form),
    )


def render_field(bound: BoundField, render: Callable[[BoundField], str]) -> SafeString:
    """`render(bound)` of one field of a blank form, kept likewise."""
    return _kept_or_rendered(
        lambda: (_form_key(bound.form), _field_key(bound)), lambda: render(bound)
    )


def forget() -> None:
    """Drop every kept form (tests)."""
    with _lock:
        _kept.clear()
