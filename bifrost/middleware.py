"""Project middleware: language choice, rule answers kept per GET, facilitator 2FA,
no-store for private pages."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from bifrost.accounts.models import Role
from bifrost.accounts.selectors import has_totp, roles_of
from bifrost.core.http import language_of
from bifrost.core.rules import answers_kept


class DanishFirstLocaleMiddleware:
    """Danish unless the person chose English with the language switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the
    programme is Danish, so only an explicit choice (the cookie) changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request)
        request.LANGUAGE_CODE = language
        # override() restores whatever was active before (not the default), so a
        # caller's own translation.override() survives the request.
        with translation.override(language):
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class FacilitatorTwoFactorMiddleware:
    """Sends a facilitator without TOTP to set it up before anything else.

    allauth offers TOTP to everyone but has no setting that forces it for a role.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.BIFROST_REQUIRE_FACILITATOR_2FA and self._must_set_up(request):
            messages.warning(
                request,
                _("Facilitators must use two-factor authentication. Set it up to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up(request) -> bool:
        user = request.user
        # Staff see everything in /admin/: they need a second factor as much.
        needs_it = user.is_authenticated and (
            user.is_staff or user.is_superuser or Role.FACILITATOR in roles_of(user)
        )
        if not needs_it:
            return False
        allowed = (
            reverse("mfa_index"),
            "/accounts/",
            reverse("set_language"),
            reverse("healthz"),
            settings.STATIC_URL,
        )
        if request.path.startswith(allowed):
            return False
        return not has_totp(user)


class NoStoreForAuthenticatedMiddleware:
    """Pages seen by a logged-in person are never stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Sets "no-cache, no-store, must-revalidate, private".
            add_never_cache_headers(response)
            patch_vary_headers(response, ("Cookie",))
        return response


class RuleAnswersPerRequestMiddleware:
    """A GET or HEAD changes nothing, so an access rule asked again about the same
    person and object answers from its first query (`bifrost.core.rules`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with answers_kept():
            return self.get_response(request)
