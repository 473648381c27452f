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

        from bifrost.accounts import audit
        from bifrost.accounts.models import AccessLogEntry
        from bifrost.core import viewer_cache

        # A kept page that an outsider reads is still logged on every serve.
        viewer_cache.register_repeated_write(
            audit.REPEATED_WRITE,
            tables=frozenset({AccessLogEntry._meta.db_table}),
            write=audit.record_again,
        )

        from bifrost.accounts.dashboards import selectors as dashboard
        from bifrost.accounts.dashboards.panels import register_panel
        from bifrost.accounts.models import Role
        from bifrost.accounts.privacy import selectors as privacy
        from bifrost.accounts.privacy import services as erasure
        from bifrost.core import personal_data

        personal_data.register(
            "accounts",
            label=_("Account"),
            description=_(
                "Your account, e-mail addresses, organisations and roles, the invitations "
                "you sent or received, the access-log rows your reads caused, and whether "
                "you use two-factor authentication (never its secrets)."
            ),
            collect=privacy.personal_data,
            erase=erasure.erase,
        )
        # The accounts app's own dashboard panels (the other apps add theirs).
        register_panel(
            key="news",
            roles=[Role.SMV_OWNER],
            order=30,
            template="accounts/dashboards/dashboard_news.html",
            load=dashboard.dashboard_news,
        )
        register_panel(
            key="failed_exports",
            roles=[Role.FACILITATOR],
            order=40,
            template="core/exports/dashboard_failed.html",
            load=dashboard.dashboard_failed_exports,
        )
        register_panel(
            key="invitations",
            roles=[Role.FACILITATOR],
            order=50,
            template="accounts/dashboards/dashboard_invitations.html",
            load=dashboard.dashboard_invitations,
        )
