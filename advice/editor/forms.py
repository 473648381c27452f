"""The offer editor's forms: what a facilitator typed, checked before the service runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advice.editor import selectors
from advice.models import (
    ContactPerson,
    CourseModelStep,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderTheme,
    Theme,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MARKDOWN = forms.Textarea(attrs={"rows": 6})


class RoundForm(forms.ModelForm):
    class Meta:
        model = OfferRound
        fields = ["name", "slug", "accepts_from", "ends_on", "introduction", "rules_text"]
        widgets = {
            "accepts_from": DATE,
            "ends_on": DATE,
            "introduction": MARKDOWN,
            "rules_text": MARKDOWN,
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("accepts_from"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["title", "slug", "introduction"]
        widgets = {"introduction": MARKDOWN}


class ProviderForm(forms.ModelForm):
    class Meta:
        model = Provider
        fields = ["organisation", "name", "slug", "summary", "approach", "website", "position"]
        widgets = {"approach": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.free_advisory_units(self.instance)
        self.fields["organisation"].help_text = _(
            "The advisory unit whose members handle the requests addressed to this provider."
        )


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "job_title", "email", "phone", "position"]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            raise forms.ValidationError(_("Give an e-mail address or a phone number."))
        return data


class StepForm(forms.ModelForm):
    class Meta:
        model = CourseModelStep
        fields = ["position", "title", "duration", "offset_days", "description", "is_follow_up"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class AngleForm(forms.ModelForm):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none())

    class Meta:
        model = ProviderTheme
        fields = ["theme", "headline", "angle"]
        widgets = {"angle": MARKDOWN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = selectors.themes_for_angles()
        self.fields["theme"].label_from_instance = lambda t: f"{t.round.name}: {t.title}"
        if self.instance.pk:
            self.fields["theme"].disabled = True

    def validate_unique(self):
        """Saving an angle for a theme the provider already has updates that angle."""


class CapacityForm(forms.ModelForm):
    class Meta:
        model = ProviderCapacity
        fields = ["starts_on", "ends_on", "courses"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data
