"""The section's filters: plain GET selects that work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.models import Kind
from knowledge.recommendations import selectors


class PracticeFilterForm(forms.Form):
    principle = forms.ModelChoiceField(
        label=_("Principle"),
        queryset=selectors.seven_principles(),
        required=False,
        to_field_name="slug",
        empty_label=_("All principles"),
    )
    phase = forms.ModelChoiceField(
        label=_("Phase"),
        queryset=selectors.three_phases(),
        required=False,
        to_field_name="slug",
        empty_label=_("All phases"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Recommendations, principles and tools")),
            (Kind.RECOMMENDATION.value, _("Recommendations")),
            (Kind.PRINCIPLE.value, _("Principles from practice")),
            (Kind.TOOL.value, _("Tools")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principle"].label_from_instance = lambda p: f"{p.order}. {p.display_title}"
        self.fields["phase"].label_from_instance = lambda p: f"{p.order}. {p.display_title}"
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filters(self) -> dict:
        """The valid filters (an unknown value filters nothing; the form says so)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "principle": data.get("principle"),
            "phase": data.get("phase"),
            "kind": data.get("kind") or "",
        }
