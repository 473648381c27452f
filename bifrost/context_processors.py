"""Template context shared by every page."""

from django.conf import settings

from bifrost.accounts.models import Role
from bifrost.accounts.selectors import primary_role, roles_of


def _section(request) -> str:
    """Which main-navigation entry the current page belongs to (for aria-current)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.namespace == "knowledge" and (match.url_name or "").startswith("editor_"):
        return "knowledge_editor"  # the editor has its own entry, apart from reading
    if match.namespace:
        return match.namespace
    if match.url_name and match.url_name.startswith(("organisation", "invitation_create")):
        return "organisations"
    return match.url_name or ""


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    return {
        "nav_roles": roles,
        "nav_primary_role": primary_role(user) if user is not None else None,
        "nav_is_facilitator": Role.FACILITATOR in roles,
        "nav_is_advisor": Role.ADVISOR in roles,
        "nav_is_smv_owner": Role.SMV_OWNER in roles,
        "nav_section": _section(request),
        "SITE_URL": settings.SITE_URL,
        "SUPPORT_EMAIL": settings.SUPPORT_EMAIL,
    }
