from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    """Advice on request: an offer round's catalogue of providers, the requests a
    workplace's two local parties make together, the providers' queues and courses."""

    name = "advice"
    verbose_name = _("Advice on request")
