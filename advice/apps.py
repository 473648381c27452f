from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    """Advice on request: an offer round's catalogue of providers, the requests a
    workplace's two local parties make together, the providers' queues and courses."""

    name = "advice"
    verbose_name = _("Advice on request")

    def ready(self) -> None:
        # Concepts whose rules.py registers permissions (django-rules finds only an
        # app-level rules.py).
        for module in ("advice.editor.rules", "advice.overview.rules"):
            import_module(module)
        # The concepts' access rules register their permissions when imported.
        from advice.dashboards import panels as dashboard_panels
        from advice.requests import notifications, privacy
        from advice.requests import rules as request_rules  # noqa: F401
        from advice.requests import tasks as request_tasks  # noqa: F401
        from bifrost.core import personal_data

        notifications.register()
        dashboard_panels.register()
        personal_data.register(
            "advice",
            label=_("Advice on request"),
            description=_(
                "The course requests you made as a leader or confirmed as a representative, "
                "with the courses they became."
            ),
            collect=privacy.personal_data,
            erase=privacy.erase,
        )
