"""Forms of the prejudice game. They parse and validate; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.models import Assumption

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
