"""The facilitator's form for drafting a case page from a logbook."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from logbook.case_pages import selectors
from logbook.models import Logbook


class CasePageForm(forms.Form):
    initiative = forms.ModelChoiceField(
        label=_("The change logic to build on"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("An initiative whose change logic the company has described."),
    )
    excerpts = forms.ModelMultipleChoiceField(
        label=_("Logbook excerpts to quote"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Each is quoted in full; remove what is not needed in the editor."),
    )
    company_label = forms.CharField(
        label=_("How the page names the company"),
        max_length=100,
        help_text=_(
            "As the company wants to be named, e.g. “en lokal avis”. The company sees and "
            "approves it with the text."
        ),
    )
    title = forms.CharField(
        label=_("Title of the case page"),
        max_length=200,
        help_text=_("E.g. “Et fælles sprog om stress i en lokal avis”."),
    )

    def __init__(self, *args, logbook: Logbook, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = selectors.initiatives_with_change_logic(logbook)
        self.fields["initiative"].label_from_instance = lambda entry: entry.title
        self.fields["excerpts"].queryset = selectors.excerptable_entries(logbook)
        self.fields["excerpts"].label_from_instance = lambda entry: (
            f"{entry.entry_date:%d.%m.%Y} – {entry.get_kind_display()}: {entry.title} – "
            f"{Truncator(' '.join(entry.body.split())).chars(160)}"
        )
