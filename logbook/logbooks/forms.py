"""The company's consent (who may read the logbook) and its settings."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentForm(forms.Form):
    share_with_advisor = forms.BooleanField(
        label=_("Our advisor may read the logbook"),
        required=False,
        help_text=_(
            "The advisor of our case can read the entries and comment on them, and sees how "
            "many entries we wrote since the last meeting. Every time they look, it is "
            "recorded in the list of who has looked at our logbook."
        ),
    )
    share_with_researchers = forms.BooleanField(
        label=_("The researchers may read the logbook"),
        required=False,
        help_text=_(
            "The programme's facilitators, who are also researchers, can read the entries "
            "and use them in the research without company or person names. Every time "
            "they look, it is recorded."
        ),
    )


class SettingsForm(forms.Form):
    staff_names = forms.CharField(
        label=_("Staff list (one name per line)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Only used to warn you when an entry names one of your employees. It is never "
            "shown to the advisor or the researchers."
        ),
    )
    reminders_enabled = forms.BooleanField(
        label=_("Remind us when nothing was written in the 14 days before a meeting"),
        required=False,
    )
