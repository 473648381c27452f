"""Template context shared by every page."""

from django.conf import settings

from bifrost.accounts.models import Role
from bifrost.accounts.selectors import primary_role, roles_of


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    return {
        "nav_roles": roles,
        "nav_primary_role": primary_role(user) if user is not None else None,
        "nav_is_facilitator": Role.FACILITATOR in roles,
        "nav_is_advisor": Role.ADVISOR in roles,
        "nav_is_smv_owner": Role.SMV_OWNER in roles,
        "SITE_URL": settings.SITE_URL,
    }
