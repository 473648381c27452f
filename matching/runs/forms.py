"""Forms for weights, pair rules and match runs (validation only; services write)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation, User
from matching.models import MatchRun, MatchWeights, PairRule


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchWeights
        fields = ["challenge", "industry", "region_format", "role"]
        help_texts = {
            "challenge": _(
                "0–10. How much the advisor's competence in the company's challenges counts."
            ),
            "industry": _("Whether the advisor has worked in the company's industry."),
            "region_format": _("Whether they can meet where and how the company wants."),
            "role": _(
                "0–10. How well the advisor's role profile fits the relation the company wants."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.min_value = 0
            field.max_value = 10
            field.widget.attrs.update(min=0, max=10)
            field.validators.append(_range_validator)

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(name) == 0 for name in self.Meta.fields):
            raise forms.ValidationError(_("At least one weight must be above 0."))
        return cleaned


def _range_validator(value):
    if value is not None and not 0 <= value <= 10:
        raise forms.ValidationError(_("Use a number from 0 to 10."))


class PairRuleForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=Organisation.objects.none())
    advisor = forms.ModelChoiceField(label=_("Advisor"), queryset=User.objects.none())
    kind = forms.ChoiceField(label=_("Rule"), choices=PairRule.Kind.choices)
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("Why (for the other facilitators). No health information."),
    )

    def __init__(self, *args, companies=None, advisors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies
        if advisors is not None:
            self.fields["advisor"].queryset = advisors
        self.fields["advisor"].label_from_instance = lambda user: user.get_full_name()


class RunCreateForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How to match"),
        choices=MatchRun.Mode.choices,
        widget=forms.RadioSelect,
        initial=MatchRun.Mode.MAX_TOTAL,
        help_text=_(
            "Highest total score: the best sum over all pairs. Best weakest pair first: "
            "nobody gets a poor match if it can be avoided, then the best sum."
        ),
    )


class OverrideForm(forms.Form):
    company = forms.IntegerField(widget=forms.HiddenInput)
    advisor = forms.TypedChoiceField(label=_("Advisor"), coerce=int, choices=())

    def __init__(self, *args, advisor_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].choices = [
            (a["id"], f"{a['name']} ({a['unit_name']})") for a in advisor_choices
        ]


class SwapForm(forms.Form):
    company_a = forms.TypedChoiceField(label=_("First company"), coerce=int, choices=())
    company_b = forms.TypedChoiceField(label=_("Second company"), coerce=int, choices=())

    def __init__(self, *args, pairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(p.company_id, p.company.name) for p in pairs]
        self.fields["company_a"].choices = choices
        self.fields["company_b"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("company_a") and cleaned.get("company_a") == cleaned.get("company_b"):
            raise forms.ValidationError(_("Choose two different companies."))
        return cleaned


class ConfirmForm(forms.Form):
    discard_other_drafts = forms.BooleanField(
        label=_("Discard the other draft runs of this programme"), required=False, initial=True
    )
