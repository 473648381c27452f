"""The self-assessment form: one 1–5 rating per statement, and the consent box."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from knowledge.self_assessment import scoring

RATING_CHOICES = [
    (1, _("1 – disagree completely")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – agree completely")),
]


class SelfAssessmentForm(forms.Form):
    save_answers = forms.BooleanField(
        label=_("Save my answers in my profile"),
        required=False,
        help_text=_(
            "Your answers are used only by you and, if you are an advisor, "
            "by the matching in your programme."
        ),
    )

    def __init__(self, *args, can_save: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for index, item in enumerate(scoring.statements()):
            english = translation.get_language() == "en" and item.get("statement_en")
            self.fields[f"s{index}"] = forms.TypedChoiceField(
                label=english or item["statement"],
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Choose a number from 1 to 5.")},
            )
        if not can_save:
            del self.fields["save_answers"]
        else:
            # Put the consent checkbox last.
            self.fields["save_answers"] = self.fields.pop("save_answers")

    def answers(self) -> dict[int, int]:
        return {index: self.cleaned_data[f"s{index}"] for index in range(len(scoring.statements()))}
