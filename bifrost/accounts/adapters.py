from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.core.validators import MaxLengthValidator


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # People join by invitation from a facilitator, never by open sign-up.
        return False

    def clean_email(self, email: str) -> str:
        """allauth's e-mail field takes Django's 320 characters, but its address
        column holds 254 (`ACCOUNT_EMAIL_MAX_LENGTH`): a longer address is refused
        on the form, not by the database (a 500 on "add e-mail address")."""
        email = super().clean_email(email)
        MaxLengthValidator(app_settings.EMAIL_MAX_LENGTH)(email)
        return email
