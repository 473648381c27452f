from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching and cases")

    def ready(self) -> None:
        # Each concept's access rules register their permissions when imported
        # (django-rules only discovers an app-level rules.py by itself).
        from bifrost.core import personal_data
        from bifrost.core.models import NotificationMode
        from bifrost.core.notifications.kinds import register_kind
        from matching.cases import notifications
        from matching.cases import rules as case_rules  # noqa: F401
        from matching.cases import tasks as case_tasks  # noqa: F401
        from matching.dashboards import panels as dashboard_panels
        from matching.goal_comments import notifications as goal_comment_notifications
        from matching.goal_comments import rules as goal_comment_rules  # noqa: F401
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
                "the goals, comments on goals, tasks and company meetings you wrote on "
                "cases you can still open."
            ),
            collect=lambda user: privacy.personal_data(
                user, visible=privacy_rules.cases_still_visible(user)
            ),
            erase=erasure.erase,
            refuse=privacy.deletion_refusals,
        )
        register_kind(notifications.TASK_ASSIGNED, _("A task is assigned to you on a case"))
        register_kind(notifications.TASK_DUE, _("A task of yours is due tomorrow"))
        register_kind(notifications.GOAL_ADDED, _("A development goal is added to your case"))
        register_kind(
            goal_comment_notifications.GOAL_COMMENT,
            _("A new comment or reply on a development goal of your case"),
        )
        # The match already has its own e-mail (who, and why): by default no second one.
        register_kind(
            notifications.MATCH_CONFIRMED,
            _("A match is confirmed"),
            default_mode=NotificationMode.OFF,
        )
        # The dashboards' panels (accounts may not import matching).
        dashboard_panels.register()
