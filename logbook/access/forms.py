"""The access log's filter: one person, a period (GET, so a filtered view is a link)."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AccessLogFilterForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=DATE_INPUT,
        error_messages={"invalid": _("Enter a valid date, e.g. 2027-06-01.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=DATE_INPUT,
        error_messages={"invalid": _("Enter a valid date, e.g. 2027-06-30.")},
    )

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Everyone")), *people]
        self.fields["person"].error_messages["invalid_choice"] = _("Choose a person from the list.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to",
                _("The end date is before the start date. Choose an end on or after the start."),
            )
        return cleaned

    def filters(self) -> dict:
        """The valid filters for the selector (none when the form is not valid)."""
        if not self.is_valid():
            return {}
        return {
            "person": self.cleaned_data.get("person"),
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
        }
