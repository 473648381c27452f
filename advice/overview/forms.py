"""The overview's filter (GET): state, provider, theme. An unknown value is reported
on the form and the list is shown unfiltered by it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advice.overview import selectors


class OverviewFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    provider = forms.ChoiceField(label=_("Provider"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = selectors.filter_choices()
        everything = [("", _("All"))]
        self.fields["state"].choices = everything + choices["states"]
        self.fields["provider"].choices = everything + choices["providers"]
        self.fields["theme"].choices = everything + choices["themes"]

    def filters(self) -> selectors.Filters:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return selectors.Filters(**{name: data.get(name) or "" for name in self.fields})
