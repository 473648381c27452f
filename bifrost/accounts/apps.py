from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Concepts whose rules.py registers permissions (django-rules discovers only an
# app-level rules.py, which here holds the role predicates).
RULES = ["bifrost.accounts.organisations.rules", "bifrost.accounts.invitations.rules"]


class AccountsConfig(AppConfig):
    name = "bifrost.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        for module in RULES:
            import_module(module)
