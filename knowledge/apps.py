from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Concepts whose rules.py registers permissions (django-rules discovers only an
# app-level rules.py).
RULES = ["knowledge.editor.rules", "knowledge.self_assessment.rules"]


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("SMV-brobygger knowledge site")

    def ready(self) -> None:
        for module in RULES:
            import_module(module)

        from bifrost.core import personal_data
        from knowledge.privacy import selectors as privacy
        from knowledge.privacy import services as erasure

        personal_data.register(
            "knowledge",
            label=_("Knowledge site"),
            description=_(
                "Your saved answers to the advisor-role self-assessment and the page "
                "revisions you made as an editor."
            ),
            collect=privacy.personal_data,
            erase=erasure.erase,
        )
