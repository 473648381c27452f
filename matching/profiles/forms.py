"""Forms for the company and advisor profiles (validation only; services write)."""

from django import forms
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from knowledge.models import Section
from matching.models import AdvisorRole, Challenge, Competence, MeetingFormat

MONTH_CHOICES = [(str(number), name) for number, name in MONTHS.items()]
RANK_CHOICES = [("", _("Not relevant"))] + [(str(n), f"{n}.") for n in range(1, 7)]

#: The four advisor roles in plain words (the knowledge pages say more).
ROLE_EXPLANATIONS = {
    AdvisorRole.PRODUCT_SELLER: _(
        "Brings a ready-made course or product and delivers it. A short, well-defined task."
    ),
    AdvisorRole.EXPERT: _(
        "Solves a specific problem with expert knowledge. You get an answer; the contact "
        "lasts as long as the problem."
    ),
    AdvisorRole.VALUABLE_RESOURCE: _(
        "Gets to know your company and helps with several issues over a longer time."
    ),
    AdvisorRole.TRUSTED_ADVISOR: _(
        "A lasting partner who works closely with the management on your terms and helps "
        "you build your own skills."
    ),
}


def role_page_url(role: str) -> str:
    return reverse("knowledge:page", kwargs={"section": Section.ADVISOR_ROLE, "slug": role})


def challenge_page_url(challenge: str) -> str:
    return reverse("knowledge:page", kwargs={"section": Section.METHOD, "slug": challenge})


class CompanyProfileForm(forms.Form):
    """The guided company profile; ranks per challenge become a ranked list."""

    industry = forms.ChoiceField(
        label=_("Industry"),
        choices=Organisation.Industry.choices,
        help_text=_("The line of business you are in."),
    )
    size_band = forms.ChoiceField(
        label=_("Size"),
        choices=Organisation.SizeBand.choices,
        help_text=_("How many employees you have."),
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=Organisation.Region.choices,
        help_text=_("Where you would meet the advisor."),
    )
    preferred_role = forms.ChoiceField(
        label=_("What kind of advisor relation would you like?"),
        choices=[("", _("No preference"))] + list(AdvisorRole.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    meeting_format = forms.ChoiceField(
        label=_("Do you want to meet on site or by video?"),
        choices=MeetingFormat.choices,
        widget=forms.RadioSelect,
        initial=MeetingFormat.EITHER,
    )
    months_available = forms.MultipleChoiceField(
        label=_("Months in which you have time to work with an advisor"),
        choices=MONTH_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one month.")},
    )
    needs = forms.CharField(
        label=_("What do you need? (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        required=False,
        help_text=_(
            "In a few sentences, in your own words. Do not write names or anything about "
            "a person's health."
        ),
    )
    existing_units = forms.ModelMultipleChoiceField(
        label=_("Advisory units that already serve you"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "We will not match you with an advisor from these units (a conflict of interest)."
        ),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing_units"].queryset = (
            units if units is not None else Organisation.objects.none()
        )
        for challenge in Challenge:
            self.fields[self.rank_field(challenge)] = forms.ChoiceField(
                label=challenge.label, choices=RANK_CHOICES, required=False
            )

    @staticmethod
    def rank_field(challenge: str) -> str:
        return f"rank_{challenge.replace('-', '_')}"

    def challenge_rows(self):
        return [
            (challenge, self[self.rank_field(challenge)], challenge_page_url(challenge))
            for challenge in Challenge
        ]

    def role_rows(self):
        return [(role, ROLE_EXPLANATIONS[role], role_page_url(role)) for role in AdvisorRole]

    @classmethod
    def initial_from(cls, profile=None, company=None) -> dict:
        if profile is None:
            initial = {"meeting_format": MeetingFormat.EITHER}
            if company is not None:
                initial.update(
                    industry=company.industry, size_band=company.size_band, region=company.region
                )
            return initial
        initial = {
            "industry": profile.industry,
            "size_band": profile.size_band,
            "region": profile.region,
            "preferred_role": profile.preferred_role,
            "meeting_format": profile.meeting_format,
            "months_available": [str(m) for m in profile.months_available],
            "needs": profile.needs,
            "existing_units": list(profile.existing_units.all()),
        }
        for rank, challenge in enumerate(profile.challenges, 1):
            initial[cls.rank_field(challenge)] = str(rank)
        return initial

    def clean(self):
        cleaned = super().clean()
        ranks = {}
        for challenge in Challenge:
            value = cleaned.get(self.rank_field(challenge))
            if value:
                ranks[challenge.value] = int(value)
        if not ranks:
            raise forms.ValidationError(
                _("Give at least one challenge a rank (1 is the most important).")
            )
        seen: dict[int, list[str]] = {}
        for challenge, rank in ranks.items():
            seen.setdefault(rank, []).append(challenge)
        for rank, challenges in seen.items():
            if len(challenges) > 1:
                for challenge in challenges:
                    self.add_error(
                        self.rank_field(challenge),
                        _("Rank %(rank)s is used for more than one challenge.") % {"rank": rank},
                    )
        cleaned["challenges"] = [c for c, _r in sorted(ranks.items(), key=lambda kv: kv[1])]
        return cleaned

    def profile_data(self) -> dict:
        data = self.cleaned_data
        return {
            "industry": data["industry"],
            "size_band": data["size_band"],
            "region": data["region"],
            "challenges": data["challenges"],
            "preferred_role": data["preferred_role"],
            "meeting_format": data["meeting_format"],
            "months_available": [int(m) for m in data["months_available"]],
            "needs": data["needs"],
        }


class AdvisorProfileForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Advisory unit"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("The unit you advise for in this programme."),
    )
    industries = forms.MultipleChoiceField(
        label=_("Industries you have worked with"),
        choices=Organisation.Industry.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions where you can meet companies on site"),
        choices=Organisation.Region.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    meeting_format = forms.ChoiceField(
        label=_("On site or video"),
        choices=MeetingFormat.choices,
        widget=forms.RadioSelect,
        initial=MeetingFormat.EITHER,
    )
    capacity = forms.IntegerField(
        label=_("How many companies can you take at once?"),
        min_value=0,
        max_value=20,
        initial=1,
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Organisation.objects.none()
        for challenge in Challenge:
            self.fields[self.competence_field(challenge)] = forms.ChoiceField(
                label=challenge.label,
                choices=Competence.choices,
                widget=forms.RadioSelect,
                initial=Competence.NONE,
            )
        for role in AdvisorRole:
            self.fields[self.role_field(role)] = forms.IntegerField(
                label=role.label, min_value=0, max_value=100, initial=0
            )

    @staticmethod
    def competence_field(challenge: str) -> str:
        return f"competence_{challenge.replace('-', '_')}"

    @staticmethod
    def role_field(role: str) -> str:
        return f"role_{role.replace('-', '_')}"

    def competence_fields(self):
        return [self[self.competence_field(c)] for c in Challenge]

    def role_fields(self):
        return [(self[self.role_field(r)], role_page_url(r)) for r in AdvisorRole]

    @classmethod
    def initial_from(cls, profile=None) -> dict:
        if profile is None:
            return {}
        initial = {
            "unit": profile.unit_id,
            "industries": list(profile.industries),
            "regions": list(profile.regions),
            "meeting_format": profile.meeting_format,
            "capacity": profile.capacity,
        }
        for challenge in Challenge:
            initial[cls.competence_field(challenge)] = profile.competences.get(
                challenge, Competence.NONE
            )
        for role in AdvisorRole:
            initial[cls.role_field(role)] = profile.role_scores.get(role, 0)
        return initial

    def profile_data(self) -> dict:
        data = self.cleaned_data
        return {
            "unit": data["unit"],
            "industries": list(data["industries"]),
            "regions": list(data["regions"]),
            "meeting_format": data["meeting_format"],
            "capacity": data["capacity"],
            "competences": {c.value: data[self.competence_field(c)] for c in Challenge},
            "role_scores": {r.value: data[self.role_field(r)] for r in AdvisorRole},
        }
