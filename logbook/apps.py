from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class LogbookConfig(AppConfig):
    name = "logbook"
    verbose_name = _("Logbook")

    def ready(self) -> None:
        # Imported here, once the models are loaded: each registers something.
        from bifrost.core import personal_data
        from bifrost.core.exports import kinds as export_kinds
        from bifrost.core.notifications.kinds import register_kind
        from bifrost.core.search import indexes as search_indexes
        from knowledge.approvals.flags import register_flagger
        from logbook.access import rules  # noqa: F401 — the logbook permissions
        from logbook.case_pages import flags as case_page_flags
        from logbook.case_pages import rules as case_page_rules  # noqa: F401
        from logbook.comments import notifications as comment_notifications
        from logbook.comments import rules as comment_rules  # noqa: F401
        from logbook.dashboards import panels as dashboard_panels
        from logbook.entries import index as entry_index
        from logbook.entries import selectors as entry_selectors
        from logbook.exports import notifications as export_notifications
        from logbook.exports import pdf  # the logbook PDF export kind
        from logbook.exports import rules as export_rules
        from logbook.exports import selectors as export_selectors
        from logbook.logbooks import notifications as logbook_notifications
        from logbook.logbooks.case_link import case_logbook_link
        from logbook.logbooks.receivers import logbook_for_enrolment
        from logbook.models import Entry
        from logbook.privacy import rules as privacy_rules
        from logbook.privacy import selectors as privacy
        from logbook.privacy import services as erasure
        from matching.cases import dashboard
        from matching.cases import links as case_links
        from programme.models import Enrolment

        # Enrolling a company makes its logbook (programme may not import logbook).
        post_save.connect(
            logbook_for_enrolment, sender=Enrolment, dispatch_uid="logbook_for_enrolment"
        )
        # The embedded mode's Danish search index follows every write of an entry.
        post_save.connect(entry_index.entry_saved, sender=Entry, dispatch_uid="entry_search")
        post_delete.connect(entry_index.entry_deleted, sender=Entry, dispatch_uid="entry_search")
        search_indexes.register("logbook entries", entry_index.rebuild)
        # A column on the advisor's case dashboard (matching may not import logbook).
        dashboard.register_column(
            key="logbook_entries",
            label=_("Logbook entries since last meeting"),
            compute=entry_selectors.entries_since_last_meeting,
        )
        # The case page links to the company's logbook, for who may read it.
        case_links.register_link(key="logbook", resolve=case_logbook_link)
        # The dashboards' panels, and unread entries on the advisor's cases (accounts
        # and matching may not import logbook).
        dashboard_panels.register()
        # Failed logbook PDFs are listed (on the facilitator's dashboard) to whoever
        # may read the logbook.
        export_kinds.listed(
            pdf.LOGBOOK_PDF.name,
            visible=export_rules.logbook_exports_visible,
            describe=export_selectors.describe_logbook_export,
            related=("logbook__company", "logbook__programme"),
        )
        # The logbook's kinds of notification (the core shows them on the settings page).
        register_kind(
            comment_notifications.COMMENT_ADDED, _("A new comment or reply on a logbook entry")
        )
        register_kind(
            logbook_notifications.ADVISOR_ACCESS_WITHDRAWN,
            _("A company stops sharing its logbook with you"),
        )
        register_kind(export_notifications.EXPORT_READY, _("A PDF you asked for is ready"))
        # A case page's text is checked against the company's staff list and for CPR
        # numbers (the knowledge site may not read the staff list itself).
        register_flagger(case_page_flags.logbook_flags)
        export_kinds.on_done(pdf.LOGBOOK_PDF.name, export_notifications.export_ready)
        # The logbook's section of a person's data download, and its erase step.
        personal_data.register(
            "logbook",
            label=_("Logbook"),
            description=_(
                "What you wrote in a company's logbook: entries with their text, comments, "
                "drafts, the versions you saved, readiness checks, critical situations and "
                "consent changes. Only from logbooks you can still read; for the others "
                "the file says how many, not what."
            ),
            collect=lambda user: privacy.personal_data(
                user, readable=privacy_rules.logbooks_still_readable(user)
            ),
            erase=erasure.erase,
        )
