from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching and cases")

    def ready(self) -> None:
        # Each concept's access rules register their permissions when imported
        # (django-rules only discovers an app-level rules.py by itself).
        from bifrost.core import personal_data
        from matching.cases import rules as case_rules  # noqa: F401
        from matching.privacy import rules as privacy_rules
        from matching.privacy import selectors as privacy
        from matching.privacy import services as erasure
        from matching.profiles import rules as profile_rules  # noqa: F401
        from matching.runs import rules as run_rules  # noqa: F401

        personal_data.register(
            "matching",
            label=_("Matching and cases"),
            description=_(
                "Your advisor profiles, the cases you advise, your own advisor notes, and "
                "the goals, tasks and company meetings you wrote on cases you can still open."
            ),
            collect=lambda user: privacy.personal_data(
                user, visible=privacy_rules.cases_still_visible(user)
            ),
            erase=erasure.erase,
            refuse=privacy.deletion_refusals,
        )
