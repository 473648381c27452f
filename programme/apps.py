from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme and development meetings")

    def ready(self) -> None:
        # The concept modules that register something when imported: permissions
        # (django-rules), Celery tasks and the agenda export kind. django-rules and
        # Celery only discover an app-level rules.py and tasks.py, so they are named here.
        from bifrost.core import personal_data
        from bifrost.core.exports import kinds as export_kinds
        from bifrost.core.notifications.kinds import register_kind, register_settings_page
        from programme.dashboards import panels as dashboard_panels
        from programme.exercises import notifications as exercise_notifications
        from programme.exercises import rules as exercise_rules  # noqa: F401
        from programme.exercises.dilemmas import rules as dilemma_rules  # noqa: F401
        from programme.exports import agenda as agenda_export
        from programme.exports import rules as export_rules
        from programme.exports import selectors as export_selectors
        from programme.exports import tasks as export_tasks  # noqa: F401
        from programme.meetings import notifications as meeting_notifications
        from programme.meetings import rules as meeting_rules  # noqa: F401
        from programme.privacy import selectors as privacy
        from programme.privacy import services as erasure
        from programme.programmes import rules as programme_rules  # noqa: F401
        from programme.reminders import tasks as reminder_tasks  # noqa: F401

        personal_data.register(
            "programme",
            label=_("Programme and meetings"),
            description=_(
                "Your attendance, the preparation you submitted, your reminder settings and "
                "reminders, whether you have a calendar feed (never its secret link), and "
                "your own contributions to the meeting exercises."
            ),
            collect=privacy.personal_data,
            erase=erasure.erase,
        )
        register_kind(
            meeting_notifications.MINUTES_PUBLISHED, _("Minutes of a meeting are published")
        )
        register_kind(exercise_notifications.EXERCISE_OPENED, _("An exercise or evaluation opens"))
        register_kind(
            exercise_notifications.RECOMMENDATION_REWORDED,
            _("A recommendation you proposed or endorsed is reworded"),
        )
        # People choose their notification e-mails on the reminder settings page.
        register_settings_page("programme:reminder_settings")
        # The dashboards' panels (accounts may not import programme).
        dashboard_panels.register()
        # Failed agenda PDFs are listed (on the facilitator's dashboard) to whoever
        # may see their meeting.
        export_kinds.listed(
            agenda_export.AGENDA_PDF.name,
            visible=export_rules.agenda_exports_visible,
            describe=export_selectors.describe_agenda_export,
            related=("meeting",),
        )
