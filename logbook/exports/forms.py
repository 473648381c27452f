"""The options of a logbook PDF export: the whole logbook or a date range, and the grouping."""

from django import forms
from django.utils.translation import gettext_lazy as _

from logbook.models import LogbookExport


class ExportForm(forms.Form):
    ALL = "all"
    RANGE = "range"

    scope = forms.ChoiceField(
        label=_("What to include"),
        choices=[(ALL, _("The whole logbook")), (RANGE, _("Entries in a date range"))],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to start with the first entry."),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to end with the latest entry."),
    )
    grouping = forms.ChoiceField(
        label=_("Group entries"),
        choices=LogbookExport.Grouping.choices,
        initial=LogbookExport.Grouping.KIND,
        widget=forms.RadioSelect,
        help_text=_("A meeting period runs from one development meeting to the next."),
    )

    def clean(self):
        data = super().clean()
        if data.get("scope") != self.RANGE:
            data["date_from"] = data["date_to"] = None
            return data
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if "date_from" in self.errors or "date_to" in self.errors:
            return data
        if date_from is None and date_to is None:
            raise forms.ValidationError(
                _("Give a start date, an end date or both, or choose the whole logbook.")
            )
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return data
