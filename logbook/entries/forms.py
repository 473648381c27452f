"""Forms of logbook entries: the entry (any kind), its autosaved draft, a comment and
the filters of the logbook page. The entry's fields come from `entries.schema`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from logbook.entries import privacy, schema, selectors
from logbook.models import Entry, Logbook

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CONFIRM = "confirm_not_cpr"


class CprConfirmation(forms.Form):
    """A form whose texts are not saved with a CPR-number pattern unless the writer
    ticks "I have checked: this is not a CPR number".

    The tick box is a hidden field until the submitted texts hold such a pattern;
    then the form is refused with the error on the box, which shows with what was
    typed, and ticking it lets the same texts through. Subclasses name their texts
    in `privacy_fields` (or override `text_for_privacy_check`); those fields get
    `data-privacy-check` for the live warnings (`static/js/privacy-guard.js`).
    The tick is not in `cleaned_data`, so services never see it.
    """

    privacy_fields: tuple[str, ...] = ()

    confirm_not_cpr = forms.BooleanField(
        label=_("I have checked: this is not a CPR number. Save anyway."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONFIRM] = self.fields.pop(CONFIRM)  # the last field
        for name in self.privacy_fields:
            self.fields[name].widget.attrs["data-privacy-check"] = ""
        self.cpr_found = self.is_bound and privacy.contains_cpr(self.text_for_privacy_check())
        if not self.cpr_found:
            self.fields[CONFIRM].widget = forms.HiddenInput()

    def text_for_privacy_check(self) -> str:
        """The form's texts as typed (works before and after cleaning)."""
        return "\n".join(
            str(self.data.get(self.add_prefix(name)) or "") for name in self.privacy_fields
        )

    def clean(self):
        cleaned = super().clean()
        confirmed = cleaned.pop(CONFIRM, False)
        if self.cpr_found and not confirmed:
            self.add_error(
                CONFIRM,
                _(
                    "The text seems to contain a CPR number. Remove it, or tick the box if "
                    "you have checked that it is not one."
                ),
            )
        return cleaned


def _kinds(*kinds) -> dict:
    """Widget attributes telling logbook-entry.js which kinds show the field."""
    return {"data-kinds": " ".join(kinds)}


class LinesField(forms.CharField):
    """A textarea of one item per line, cleaned to a list of non-empty strings."""

    widget = forms.Textarea

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class EntryForm(CprConfirmation):
    """An entry of any kind; the fields of other kinds are hidden by JS and ignored on save."""

    privacy_fields = (*schema.TEXT_FIELDS, *schema.LINE_FIELDS)

    kind = forms.ChoiceField(label=_("Kind of entry"), choices=Entry.Kind.choices)
    entry_date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown: **bold**, *italic*, lists with “-”. For an initiative: what you will do."
        ),
    )
    for_whom = forms.CharField(
        label=_("For whom"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs=_kinds(Entry.Kind.INITIATIVE)),
        help_text=_("A group or a role, not a person's name."),
    )
    when_text = forms.CharField(
        label=_("When"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=_kinds(Entry.Kind.INITIATIVE)),
    )
    expected_effect = forms.CharField(
        label=_("Expected effect"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3, **_kinds(Entry.Kind.INITIATIVE)}),
    )
    hindrances = LinesField(
        label=_("What hinders"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, **_kinds(Entry.Kind.REFLECTION)}),
        help_text=_("One thing per line."),
    )
    helps = LinesField(
        label=_("What helps"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, **_kinds(Entry.Kind.REFLECTION)}),
        help_text=_("One thing per line."),
    )
    meeting = forms.ModelChoiceField(
        label=_("Prepares for development meeting"),
        queryset=None,
        required=False,
        empty_label=_("No meeting"),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Development goals of our case"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    knowledge_pages = forms.ModelMultipleChoiceField(
        label=_("Principles and phases"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, logbook: Logbook, **kwargs):
        super().__init__(*args, **kwargs)
        self.logbook = logbook
        self.fields["meeting"].queryset = selectors.meetings(logbook)
        self.fields["meeting"].label_from_instance = lambda m: f"{m.title} ({m.starts_at:%d.%m.%Y})"
        self.fields["goals"].queryset = selectors.linkable_goals(logbook)
        self.fields["knowledge_pages"].queryset = selectors.linkable_pages()
        self.fields["knowledge_pages"].label_from_instance = lambda p: (
            f"{p.get_kind_display()}: {p.title}"
        )
        if not self.is_bound and "entry_date" not in self.initial:
            self.initial["entry_date"] = timezone.localdate()

    def entry_data(self) -> schema.EntryData:
        data = self.cleaned_data
        values = {"kind": data["kind"], "entry_date": data["entry_date"]}
        for name in schema.TEXT_FIELDS:
            values[name] = data.get(name, "")
        for name in (*schema.LINE_FIELDS, *schema.LINK_FIELDS):
            values[name] = list(data.get(name) or [])
        values[schema.MEETING_FIELD] = data.get(schema.MEETING_FIELD)
        return schema.EntryData(**values)

    def text_for_privacy_check(self) -> str:
        """Everything written in the form, for the privacy guard (works on unclean data too)."""
        source = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        parts = []
        for name in schema.TEXT_FIELDS:
            parts.append(str(source.get(name) or self.data.get(name) or ""))
        for name in schema.LINE_FIELDS:
            value = source.get(name)
            parts.append("\n".join(value) if value else str(self.data.get(name) or ""))
        return "\n".join(parts)


def initial_from_entry(entry: Entry) -> dict:
    initial = {
        name: getattr(entry, name) for name in ("kind", "entry_date", *schema.WRITTEN_FIELDS)
    }
    initial[schema.MEETING_FIELD] = entry.meeting_id
    for name in schema.LINK_FIELDS:
        initial[name] = [item.pk for item in getattr(entry, name).all()]
    initial["version"] = entry.version
    return initial


# A draft keeps the form's raw content of every field; links as lists of ids.
DRAFT_FIELDS = schema.FIELDS
DRAFT_LIST_FIELDS = schema.LINK_FIELDS
# The largest entry id (a bigint) and version number (an integer) PostgreSQL holds.
MAX_ID = 2**63 - 1
MAX_VERSION = 2**31 - 1


class DraftForm(forms.Form):
    """What autosave and discard read besides the raw content: the entry the draft is
    of (none for a new entry) and the version it started from.

    `str.isdigit` is not enough for these ("²" and "①" are digits to it, not to
    `int`), and a number past the column's size would fail in the query, so they
    are integer fields with bounds. The content itself is stored unvalidated, but
    PostgreSQL's jsonb cannot hold a NUL character, so a draft with one is refused.
    """

    entry = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    version = forms.IntegerField(required=False, min_value=1, max_value=MAX_VERSION)

    def clean(self):
        cleaned = super().clean()
        if any("\x00" in value for name in DRAFT_FIELDS for value in self.data.getlist(name)):
            raise forms.ValidationError(
                _(
                    "The draft was not saved: the text contains a null character, which "
                    "cannot be stored. Remove it (it often comes with pasted text)."
                ),
                code="null_characters",
            )
        return cleaned


def draft_data_from_post(post) -> dict:
    """The form's raw content as JSON for an autosaved draft (unvalidated, bounded)."""
    data = {}
    for name in DRAFT_FIELDS:
        if name in DRAFT_LIST_FIELDS:
            data[name] = [value[:20] for value in post.getlist(name)[:100]]
        else:
            data[name] = str(post.get(name, ""))[:20000]
    return data


def initial_from_draft(data: dict) -> dict:
    initial = {}
    for name in DRAFT_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name in DRAFT_LIST_FIELDS:
            initial[name] = [v for v in value if str(v).isdigit()]
        else:
            initial[name] = value
    return initial


class FilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Entry.Kind.choices]
    )
    meeting = forms.ModelChoiceField(
        label=_("Development meeting"),
        queryset=None,
        required=False,
        empty_label=_("All meetings"),
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: m.title
