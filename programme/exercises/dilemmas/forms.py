"""Forms of the dilemma workshop. They parse and validate; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models import Dilemma, Scenario

NO_NAMES = _("Do not name employees or write health details.")


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
