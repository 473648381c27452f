"""Forms of the recommendations workshop. They parse and validate; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.models import Recommendation


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your recommendation")}
        help_texts = {
            "text": _("What should a bridge-building advisor do to help a company retain staff?")
        }


class RecommendationEditForm(forms.ModelForm):
    """The facilitator's change of wording (before the recommendation is published)."""

    class Meta:
        model = Recommendation
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("Wording")}
        help_texts = {
            "text": _(
                "Improve the wording without changing what it says: the participants "
                "endorsed this recommendation. The earlier wording is kept and shown."
            )
        }


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Recommendation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, source: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Recommendation.objects.filter(meeting_id=source.meeting_id, merged_into__isnull=True)
            .exclude(pk=source.pk)
            .order_by("created_at", "pk")
        )
        self.fields["target"].label_from_instance = lambda rec: rec.text
