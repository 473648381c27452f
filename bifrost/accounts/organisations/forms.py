from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation


class CVRField(forms.CharField):
    """People often type CVR numbers as "1234 5678"; spaces are not part of it."""

    def to_python(self, value):
        return super().to_python(value).replace(" ", "")


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "cvr", "industry", "size_band", "region"]
        help_texts = {
            "cvr": _("Companies only: 8 digits, e.g. 12345674."),
        }
        field_classes = {"cvr": CVRField}
        widgets = {"cvr": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})}


class OrganisationEditForm(OrganisationForm):
    """The same fields without the kind: the members' roles depend on it (a company's
    people are SMV owners), so an organisation keeps the kind it was created with."""

    class Meta(OrganisationForm.Meta):
        fields = ["name", "cvr", "industry", "size_band", "region"]
