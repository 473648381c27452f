from allauth.account.forms import ReauthenticateForm
from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(ReauthenticateForm):
    """Deleting an account is confirmed twice: the person types their e-mail address
    and their password again. The password goes through allauth's reauthentication
    check, so failed attempts count against the same rate limit as failed logins."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Type the address you log in with, to confirm."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Type your e-mail address to confirm."),
            "invalid": _("Enter a valid e-mail address, e.g. name@company.dk."),
        },
    )

    field_order = ["email", "password"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].error_messages["required"] = _("Enter your password to confirm.")
        self.order_fields(self.field_order)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("This is not the e-mail address of your account."), code="email_mismatch"
            )
        return email
