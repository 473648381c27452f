from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Concepts whose rules.py registers permissions (django-rules discovers only an
# app-level rules.py).
RULES = ["knowledge.editor.rules", "knowledge.self_assessment.rules", "knowledge.approvals.rules"]


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("SMV-brobygger knowledge site")

    def ready(self) -> None:
        for module in RULES:
            import_module(module)

        from django.db.models.signals import post_delete

        from bifrost.core import personal_data
        from bifrost.core.notifications.kinds import register_kind
        from bifrost.core.search import indexes as search_indexes
        from knowledge.approvals import notifications
        from knowledge.models import Page
        from knowledge.privacy import selectors as privacy
        from knowledge.privacy import services as erasure
        from knowledge.search import index as search_index

        # The Danish search index of the pages: a deleted page leaves the SQLite
        # index; `rebuild_search_index` and `demo_data` can write it anew.
        post_delete.connect(
            search_index.page_deleted, sender=Page, dispatch_uid="knowledge_page_search"
        )
        search_indexes.register("knowledge pages", search_index.rebuild)

        personal_data.register(
            "knowledge",
            label=_("Knowledge site"),
            description=_(
                "Your saved answers to the advisor-role self-assessment, the page "
                "revisions you made as an editor, and your approvals of and suggestions "
                "for case pages."
            ),
            collect=privacy.personal_data,
            erase=erasure.erase,
        )
        # Case pages (two keys): asked, answered, published or taken down.
        register_kind(notifications.APPROVAL_REQUESTED, _("A case page waits for your approval"))
        register_kind(
            notifications.APPROVAL_ANSWERED,
            _("A company or an advisor answers about a case page you drafted"),
        )
        register_kind(
            notifications.CASE_PAGE_PUBLISHED,
            _("A case page you approved is published or taken down"),
        )
