from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path
from django.views.generic import RedirectView

from bifrost import views as core_views
from knowledge.pages import views as knowledge_views
from knowledge.pages.sitemaps import SITEMAPS

# The admin login goes through allauth, so its rate limits cover /admin/ too.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", knowledge_views.front_page, name="front_page"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_view,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    # The public knowledge pages early: the resolver pays for every pattern tried.
    path("knowledge/", include("knowledge.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("bifrost.accounts.urls")),
    path("notifications/", include("bifrost.core.notifications.urls")),
    path("programme/", include("programme.urls")),
    path("matching/", include("matching.urls")),
    path("logbook/", include("logbook.urls")),
    path("advice/", include("advice.urls")),
]

# Uploaded files are private (agenda material, exports): they are served only
# through views that check permissions, never from MEDIA_URL.

# Browsers ask for /favicon.ico regardless of the <link rel="icon">.
urlpatterns += [
    path(
        "favicon.ico",
        RedirectView.as_view(url=settings.STATIC_URL + "favicon.svg", permanent=True),
    )
]

# The error pages (bifrost/core/errors.py). A database outage answers 503 with
# Retry-After instead of a 500; allauth's rate limits look up handler429 here.
handler400 = "bifrost.core.errors.bad_request"
handler403 = "bifrost.core.errors.permission_denied"
handler404 = "bifrost.core.errors.page_not_found"
handler429 = "bifrost.core.errors.too_many_requests"
handler500 = "bifrost.core.errors.server_error"
