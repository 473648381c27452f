"""The comment and reply forms of every thread (the text is all a person types)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.core.threads.models import TEXT_MAX_LENGTH

_REQUIRED = _("Write something before you send it.")


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _REQUIRED},
    )


class ReplyForm(CommentForm):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _REQUIRED},
    )
