"""Template context the knowledge site adds to every page (the site's sections in
the navigation, whether to offer the editor). It lives here so `bifrost` never
imports `knowledge`."""

from django.utils.functional import SimpleLazyObject

from knowledge.editor.rules import may_edit
from knowledge.models import SECTION_ORDER


def sections(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "knowledge_sections": SECTION_ORDER,
        # Asked only when a template shows the navigation's editor link.
        "nav_is_knowledge_editor": SimpleLazyObject(lambda: may_edit(user)),
    }
