"""Forms of a case page's approval. They parse and validate; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ApproveForm(forms.Form):
    """The hash of the text the person read: approving another text is refused."""

    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your suggested change"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Say what should change, e.g. how your company is named, a sentence to leave out "
            "or a detail that is not right. The facilitator changes the text and sends it "
            "to you again."
        ),
    )
