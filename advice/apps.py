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
