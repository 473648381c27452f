"""Forms of the evaluation. They parse and validate; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS, SCALE, SCALE_LABELS
from programme.models import Principle


class EvaluationForm(forms.Form):
    free_text = forms.CharField(
        label=_("Anything else you want to tell us?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(value, f"{value} – {SCALE_LABELS[value]}") for value in SCALE]
        questions = {
            key: forms.TypedChoiceField(
                label=text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a value from 1 to 5.")},
            )
            for key, text in EVALUATION_QUESTIONS
        }
        # Questions first, the free text last.
        self.fields = {**questions, "free_text": self.fields["free_text"]}

    def answers(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key, _text in EVALUATION_QUESTIONS}


class PrincipleForm(forms.ModelForm):
    class Meta:
        model = Principle
        fields = ["kind", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
