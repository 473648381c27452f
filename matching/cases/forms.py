"""Forms for the case page and the case dashboards (validation only; services write)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.models import AdvisorNote, Case, CaseGoal, CaseMeeting, CaseTask, Phase

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Move to phase"), choices=Phase.choices)
    started_on = forms.DateField(
        label=_("From"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leave empty for today."),
    )

    def __init__(self, *args, case: Case, **kwargs):
        kwargs.setdefault("prefix", "phase")
        kwargs.setdefault("initial", {"started_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        # Offer the other phases; the current one is where the case already is.
        self.fields["phase"].choices = [(v, label) for v, label in Phase.choices if v != case.phase]


class GoalForm(forms.ModelForm):
    class Meta:
        model = CaseGoal
        fields = ["title", "description", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "goal")
        super().__init__(*args, **kwargs)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseGoal.Status.choices)


class CaseMeetingForm(forms.ModelForm):
    class Meta:
        model = CaseMeeting
        fields = ["held_on", "participants", "summary", "next_steps"]
        widgets = {
            "held_on": DATE_INPUT,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "participants": _("Names or roles, e.g. the owner, the HR lead, the advisor.")
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "meeting")
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("held_on", timezone.localdate())


class TaskForm(forms.ModelForm):
    class Meta:
        model = CaseTask
        fields = ["title", "owner", "due_on"]
        widgets = {"due_on": DATE_INPUT}

    def __init__(self, *args, owners, **kwargs):
        kwargs.setdefault("prefix", "task")
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].empty_label = _("Nobody yet")
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name()


class MeetingInputForm(forms.Form):
    text = forms.CharField(
        label=_("Input for the development meeting"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you want to bring up, ask about or share with the others."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "input")
        super().__init__(*args, **kwargs)


class NoteForm(forms.ModelForm):
    class Meta:
        model = AdvisorNote
        fields = ["text", "shared_with_unit"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "shared_with_unit": _(
                "Colleagues in your advisory unit then see it on their dashboard. "
                "The company never sees your notes."
            )
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)


class DashboardFilterForm(forms.Form):
    """Filters in the query string; an unknown value is reported, never a 500."""

    phase = forms.ChoiceField(
        label=_("Phase"), required=False, choices=[("", _("All phases")), *Phase.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *Case.Status.choices],
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"), required=False, queryset=None, empty_label=_("All programmes")
    )
    overdue = forms.BooleanField(label=_("Only cases with overdue tasks"), required=False)

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programmes is None:
            del self.fields["programme"]
        else:
            self.fields["programme"].queryset = programmes

    def filters(self) -> dict:
        """The valid filters (an invalid one is left out and shown as an error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        return {
            "phase": data.get("phase") or "",
            "status": data.get("status") or "",
            "programme": data.get("programme"),
            "overdue_only": bool(data.get("overdue")),
        }
