"""Forms for readiness checks, critical situations and change logics."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from logbook.entries.forms import CprConfirmation
from logbook.insights import readiness
from logbook.models import CriticalSituation
from matching.models import Challenge

SCORE_CHOICES = [
    (1, _("1 – not at all")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – fully")),
]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _today():
    return timezone.localdate()


class ReadinessCheckForm(CprConfirmation):
    """Six radio groups (1–5), a date and a note. The template renders each group as a
    fieldset with the statement as legend."""

    privacy_fields = ("note",)

    taken_on = forms.DateField(
        label=_("Date of the check"),
        initial=_today,
        widget=DATE_INPUT,
        error_messages={
            "required": _("Enter the date of the check."),
            "invalid": _("Enter a valid date."),
        },
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What lies behind the scores? Do not name employees or give health details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in readiness.STATEMENTS:
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose a score from 1 to 5."),
                    "invalid_choice": _("Choose a score from 1 to 5."),
                },
            )
        # The date first, the statements, then the note.
        self.order_fields(["taken_on", *readiness.STATEMENT_KEYS, "note"])

    def statement_fields(self):
        return [self[key] for key in readiness.STATEMENT_KEYS]

    def scores(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key in readiness.STATEMENT_KEYS}


class CriticalSituationForm(CprConfirmation):
    privacy_fields = ("what_happened", "what_supported")

    occurred_on = forms.DateField(
        label=_("Date"),
        initial=_today,
        widget=DATE_INPUT,
        error_messages={"required": _("Enter the date."), "invalid": _("Enter a valid date.")},
    )
    trigger = forms.ChoiceField(
        label=_("What triggered it"),
        choices=[("", "---------"), *CriticalSituation.Trigger.choices],
        error_messages={"required": _("Choose what triggered the situation.")},
    )
    what_happened = forms.CharField(
        label=_("What happened"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Describe the situation at work, not the person."),
        error_messages={"required": _("Describe briefly what happened.")},
    )
    what_supported = forms.CharField(
        label=_("What supported (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What helped in the situation: management, colleagues, a changed task…"),
    )


class ChangeLogicForm(CprConfirmation):
    privacy_fields = ("challenge_text", "expected_results", "knowledge_and_tools")

    challenge = forms.ChoiceField(
        label=_("Challenge"),
        choices=[("", _("– not chosen –")), *Challenge.choices],
        required=False,
    )
    challenge_text = forms.CharField(
        label=_("The challenge in our words"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expected_results = forms.CharField(
        label=_("Expected results"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    knowledge_and_tools = forms.CharField(
        label=_("Knowledge and tools (references)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One reference a line; Markdown links are allowed."),
    )
