from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class LogbookConfig(AppConfig):
    name = "logbook"
    verbose_name = _("Logbook")

    def ready(self) -> None:
        # Imported here, once the models are loaded: each registers something.
        from logbook.access import rules  # noqa: F401 — the logbook permissions
        from logbook.entries import selectors as entry_selectors
        from logbook.exports import pdf  # noqa: F401 — the logbook PDF export kind
        from logbook.logbooks.receivers import logbook_for_enrolment
        from matching.cases import dashboard
        from programme.models import Enrolment

        # Enrolling a company makes its logbook (programme may not import logbook).
        post_save.connect(
            logbook_for_enrolment, sender=Enrolment, dispatch_uid="logbook_for_enrolment"
        )
        # A column on the advisor's case dashboard (matching may not import logbook).
        dashboard.register_column(
            key="logbook_entries",
            label=_("Logbook entries since last meeting"),
            compute=entry_selectors.entries_since_last_meeting,
        )
