"""Forms of the meeting exercises. They parse and validate; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.exercise_selectors import EVALUATION_QUESTIONS, SCALE, SCALE_LABELS
from programme.models import Assumption, Dilemma, Principle, Recommendation, Scenario

NO_NAMES = _("Do not name employees or write health details.")


# --- Meeting 1: prejudice game ------------------------------------------------------------

PROMPTS = {
    Assumption.Side.SMVS: _("What I think advisors are like"),
    Assumption.Side.ADVISORS: _("What I think SMVs are like"),
}
SIDE_CHOICES = {
    Assumption.Side.SMVS: _("As a company: what I think advisors are like"),
    Assumption.Side.ADVISORS: _("As an advisor: what I think SMVs are like"),
}


class AssumptionForm(forms.Form):
    side = forms.ChoiceField(label=_("I write as"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Your assumption"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One assumption per entry; short and honest is best."),
    )
    anonymous = forms.BooleanField(
        label=_("Post anonymously"),
        required=False,
        help_text=_("Nobody, the facilitators included, sees your name on an anonymous entry."),
    )

    def __init__(self, *args, sides: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.sides = sides
        self.fields["side"].choices = [(side, SIDE_CHOICES[side]) for side in sides]
        if len(sides) == 1:
            # Only one side: no choice to make, the prompt says what to write about.
            del self.fields["side"]
            self.fields["text"].label = PROMPTS[sides[0]]

    def clean(self):
        cleaned = super().clean()
        if len(self.sides) == 1:
            cleaned["side"] = self.sides[0]
        return cleaned


class AssumptionReviewForm(forms.ModelForm):
    class Meta:
        model = Assumption
        fields = ["status", "note"]
        labels = {"note": _("Short note (optional)")}


# --- Meetings 2 and 4: dilemma workshop ----------------------------------------------------


class DilemmaChoiceForm(forms.Form):
    company = forms.ModelChoiceField(
        label=_("Company"), queryset=Organisation.objects.none(), empty_label=None
    )
    dilemma = forms.ModelChoiceField(
        label=_("Dilemma"), queryset=Dilemma.objects.none(), empty_label=_("Choose…")
    )
    concrete_description = forms.CharField(
        label=_("How does the dilemma look in your company?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=NO_NAMES,
    )

    def __init__(self, *args, companies: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = companies
        self.fields["dilemma"].queryset = Dilemma.objects.order_by("position", "pk")
        self.fields["company"].queryset = Organisation.objects.filter(
            pk__in=[c.pk for c in companies]
        ).order_by("name")
        if len(companies) == 1:
            del self.fields["company"]

    def clean(self):
        cleaned = super().clean()
        if len(self.companies) == 1:
            cleaned["company"] = self.companies[0]
        return cleaned


class DilemmaForm(forms.ModelForm):
    class Meta:
        model = Dilemma
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ScenarioForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["title", "script", "played_at", "outcome", "adjustments"]
        widgets = {
            "script": forms.Textarea(attrs={"rows": 6}),
            "played_at": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "adjustments": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "script": _("Roles, setting and the turning point the actors play."),
            "adjustments": _("What was changed so the play felt like the company's reality."),
        }


# --- Meeting 5: recommendations ------------------------------------------------------------


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your recommendation")}
        help_texts = {
            "text": _("What should a bridge-building advisor do to help a company retain staff?")
        }


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Recommendation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, source: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Recommendation.objects.filter(meeting_id=source.meeting_id, merged_into__isnull=True)
            .exclude(pk=source.pk)
            .order_by("created_at", "pk")
        )
        self.fields["target"].label_from_instance = lambda rec: rec.text


# --- Meeting 6: evaluation ----------------------------------------------------------------


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
