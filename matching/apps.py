from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching and cases")

    def ready(self) -> None:
        # Each concept's access rules register their permissions when imported
        # (django-rules only discovers an app-level rules.py by itself).
        from matching.cases import rules as case_rules  # noqa: F401
        from matching.profiles import rules as profile_rules  # noqa: F401
        from matching.runs import rules as run_rules  # noqa: F401
