"""Forms of the request flow: the request itself (one page, several sections), the
representative's account, withdrawing, the provider's answer, capacity periods."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from advice.models import (
    EXCLUSION_MESSAGES,
    AdviceRequest,
    Exclusion,
    InspectorateOrder,
    OfferRound,
    Provider,
    ProviderCapacity,
    Theme,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
#: What the form asks about besides the inspectorate order (which has its own question).
ASKED_EXCLUSIONS = [
    (Exclusion.CRISIS_HELP.value, Exclusion.CRISIS_HELP.label),
    (Exclusion.PERSONAL_SUPPORT.value, Exclusion.PERSONAL_SUPPORT.label),
]


class AdviceRequestForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    excluded = forms.MultipleChoiceField(
        label=_("Is what you ask for any of these?"),
        choices=ASKED_EXCLUSIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what applies. The offer does not cover these."),
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "workplace_name",
            "workplace_kind",
            "unit",
            "is_joint",
            "joint_units",
            "region",
            "themes",
            "provider",
            "situation",
            "goals",
            "participants",
            "expected_hours",
            "preferred_timing",
            "inspectorate_order",
            "leader_title",
            "representative_name",
            "representative_email",
            "representative_role",
            "exclusions_confirmed",
        ]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 5}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "joint_units": forms.Textarea(attrs={"rows": 2}),
            "inspectorate_order": forms.RadioSelect,
            "representative_role": forms.RadioSelect,
        }
        help_texts = {
            "situation": _(
                "Describe the workplace's situation in general terms. Do not write about "
                "individual employees' health."
            ),
            "representative_email": _(
                "We e-mail the representative a link to confirm the request within 14 days."
            ),
        }

    def __init__(self, *args, round: OfferRound, **kwargs):  # noqa: A002
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(round=round).order_by(
            "position", "title"
        )
        self.fields["provider"].queryset = Provider.objects.published().order_by("position", "name")
        self.fields["provider"].required = False
        self.fields["exclusions_confirmed"].label = _(
            "We confirm that the request is not for anything the offer excludes"
        )
        if self.instance.pk:
            self.initial["themes"] = list(self.instance.themes.values_list("pk", flat=True))

    def clean_inspectorate_order(self):
        value = self.cleaned_data.get("inspectorate_order")
        if value == InspectorateOrder.OPEN:
            raise forms.ValidationError(EXCLUSION_MESSAGES[Exclusion.INSPECTORATE_ORDER])
        return value

    def clean_excluded(self):
        chosen = self.cleaned_data.get("excluded") or []
        if chosen:
            raise forms.ValidationError([EXCLUSION_MESSAGES[Exclusion(value)] for value in chosen])
        return chosen


class RepresentativeAccountForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("The password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords are not the same."))
        elif one:
            try:
                validate_password(one)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptForm(forms.Form):
    start_date = forms.DateField(label=_("Start date"), widget=DATE_INPUT)


class RedirectForm(forms.Form):
    provider = forms.ModelChoiceField(label=_("Another provider"), queryset=Provider.objects.none())

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers


class CapacityForm(forms.ModelForm):
    class Meta:
        model = ProviderCapacity
        fields = ["starts_on", "ends_on", "courses"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned
