"""The forms of a page, read from its HTML.

A helper of test_form_fuzz.py (not a test module). `read_forms` finds every
`<form method="post">` of a page with its fields (names, types, options and what
is chosen, length and range limits), and the targets of page scripts (`hx-post`,
`data-...-url`) with the fields of the form they sit in, so the fuzz test knows
each view's fields without knowing its form class.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

CHOICE_KINDS = {"select", "radio", "checkbox"}


@dataclass
class Field:
    name: str
    kind: str  # an <input> type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)  # selected options, checked boxes
    multiple: bool = False
    maxlength: int | None = None
    minimum: str | None = None
    maximum: str | None = None


@dataclass
class Form:
    """A form a page shows: where it posts (a path) and its fields by name."""

    action: str
    fields: dict[str, Field] = field(default_factory=dict)
    multipart: bool = False

    def add(self, item: Field) -> None:
        known = self.fields.get(item.name)
        if known is None:
            self.fields[item.name] = item
            return
        # Radio buttons and checkboxes of one name are one field with options.
        known.options += [option for option in item.options if option not in known.options]
        known.chosen += item.chosen
        known.multiple = known.multiple or item.kind == "checkbox"


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _FormReader(HTMLParser):
    """Collects the post forms of a page; also the targets of page scripts (an
    element's `data-...-url`, `hx-post`), which post the fields of the form they sit in."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self.data_ids: dict[str, list[str]] = {}  # data-...-id attribute → values
        self.form: Form | None = None
        self.select: Field | None = None
        self.option: dict | None = None
        self.textarea: Field | None = None

    def _path(self, url: str | None) -> str:
        return urlsplit(urljoin(self.page, url or "")).path

    def _script_targets(self, attrs: dict) -> list[str]:
        return [
            self._path(value)
            for name, value in attrs.items()
            if value and (name == "hx-post" or (name.startswith("data-") and name.endswith("-url")))
        ]

    def handle_starttag(self, tag, attr_list):
        attrs = {name: value or "" for name, value in attr_list}
        for name, value in attrs.items():
            if name.startswith("data-") and name.endswith("-id"):
                self.data_ids.setdefault(name, []).append(value)
        if tag == "form":
            self._start_form(attrs)
            return
        for target in self._script_targets(attrs):
            # A script posts the fields of the form the element sits in (if any).
            self.forms.append(Form(target, self.form.fields if self.form else {}))
        if self.form is not None:
            self._field_tag(tag, attrs)

    def _field_tag(self, tag: str, attrs: dict) -> None:
        if tag in ("input", "button"):
            self._input(tag, attrs)
        elif tag == "select" and attrs.get("name"):
            self.select = Field(attrs["name"], "select", multiple="multiple" in attrs)
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "text": "", "selected": "selected" in attrs}
            if "value" in attrs:
                self.select.options.append(attrs["value"])
                if "selected" in attrs:
                    self.select.chosen.append(attrs["value"])
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = Field(attrs["name"], "textarea", maxlength=_int(attrs.get("maxlength")))

    def _start_form(self, attrs: dict) -> None:
        if attrs.get("method", "get").lower() != "post":
            self.form = None
            return
        multipart = attrs.get("enctype", "") == "multipart/form-data"
        self.form = Form(action=self._path(attrs.get("action")), multipart=multipart)
        self.forms.append(self.form)
        for target in self._script_targets(attrs):
            if target != self.form.action:
                self.forms.append(Form(action=target, fields=self.form.fields))

    def _input(self, tag: str, attrs: dict) -> None:
        name = attrs.get("name")
        kind = attrs.get("type", "submit" if tag == "button" else "text").lower()
        if not name or name == "csrfmiddlewaretoken" or kind in ("reset", "image"):
            return
        value = attrs.get("value", "")
        if kind in ("checkbox", "radio", "submit"):
            chosen = [value or "on"] if "checked" in attrs else []
            self.form.add(Field(name, kind, value, options=[value or "on"], chosen=chosen))
        else:
            self.form.add(
                Field(
                    name,
                    kind,
                    value,
                    maxlength=_int(attrs.get("maxlength")),
                    minimum=attrs.get("min"),
                    maximum=attrs.get("max"),
                )
            )

    def handle_data(self, data):
        if self.option is not None and self.option["value"] is None:
            self.option["text"] += data
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag):
        if tag == "option" and self.option is not None:
            if self.option["value"] is None and self.select is not None:
                self.select.options.append(self.option["text"].strip())
                if self.option["selected"]:
                    self.select.chosen.append(self.option["text"].strip())
            self.option = None
        elif tag == "select" and self.select is not None:
            if self.form is not None:
                self.form.add(self.select)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            if self.form is not None:
                self.form.add(self.textarea)
            self.textarea = None
        elif tag == "form":
            self.form = None


def read_forms(page: str, html: str) -> tuple[list[Form], dict[str, list[str]]]:
    """The post forms (and script targets) of the page at path `page`, and the values
    of its `data-...-id` attributes."""
    reader = _FormReader(page)
    reader.feed(html)
    reader.close()
    for form in reader.forms:
        if any(item.kind == "file" for item in form.fields.values()):
            form.multipart = True
    return reader.forms, reader.data_ids
