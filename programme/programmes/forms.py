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


class EnrolmentsForm(forms.Form):
    """Enrol several organisations at once: companies and advisory units listed apart.

    Every company and advisory unit is a valid choice, the enrolled ones too, so a
    page opened before someone else enrolled one still submits (enrolling is
    idempotent); the page shows the enrolled ones ticked and disabled.
    """

    companies = forms.ModelMultipleChoiceField(
        label=_("Companies"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    advisory_units = forms.ModelMultipleChoiceField(
        label=_("Advisory units"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrolled_ids = set(
            programme.enrolments.filter(left_at__isnull=True).values_list(
                "organisation_id", flat=True
            )
        )
        kinds = {
            "companies": Organisation.Kind.COMPANY,
            "advisory_units": Organisation.Kind.ADVISORY_UNIT,
        }
        for name, kind in kinds.items():
            self.fields[name].queryset = Organisation.objects.filter(kind=kind).order_by("name")

    def groups(self) -> list[dict]:
        """Per kind: the field and its organisations, each marked enrolled or not."""
        chosen = {
            str(v) for name in ("companies", "advisory_units") for v in self[name].value() or []
        }
        result = []
        for name in ("companies", "advisory_units"):
            field = self[name]
            options = [
                {
                    "organisation": organisation,
                    "enrolled": organisation.pk in self.enrolled_ids,
                    "checked": str(organisation.pk) in chosen,
                    "id": f"id_{name}_{organisation.pk}",
                }
                for organisation in field.field.queryset
            ]
            result.append({"field": field, "options": options})
        return result

    def clean(self):
        cleaned = super().clean()
        cleaned["organisations"] = [
            *(cleaned.get("companies") or []),
            *(cleaned.get("advisory_units") or []),
        ]
        if not self.errors and not cleaned["organisations"]:
            raise forms.ValidationError(_("Choose at least one company or advisory unit."))
        return cleaned
