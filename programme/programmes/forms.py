"""Forms for programmes and enrolments. They parse and validate; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models import Programme

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "description", "starts_on", "ends_on"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day must be on or after the first day."))
        return cleaned


class EnrolForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Company or advisory unit"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose…"),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        enrolled = programme.enrolments.filter(left_at__isnull=True).values("organisation")
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(
                kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT]
            )
            .exclude(pk__in=enrolled)
            .order_by("kind", "name")
        )
