from django.urls import include, path

urlpatterns = [
    path("", include("bifrost.accounts.dashboards.urls")),
    path("", include("bifrost.accounts.organisations.urls")),
    path("", include("bifrost.accounts.invitations.urls")),
    path("", include("bifrost.accounts.help.urls")),
    path("privacy/", include("bifrost.accounts.privacy.urls")),
]
