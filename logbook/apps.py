from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _entries_since_last_meeting(cases):
    from logbook import selectors

    return selectors.entries_since_last_meeting(cases)


class LogbookConfig(AppConfig):
    name = "logbook"
    verbose_name = _("Logbook")

    def ready(self) -> None:
        from matching.cases import dashboard

        dashboard.register_column(
            key="logbook_entries",
            label=_("Logbook entries since last meeting"),
            compute=_entries_since_last_meeting,
        )
