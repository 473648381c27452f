"""The matching landing page, profiles and drop-outs (namespace `matching`)."""

from django.urls import path

from matching.profiles import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path(
        "programmes/<int:pk>/companies/<int:company_pk>/profile/",
        views.company_profile,
        name="company_profile",
    ),
    path("programmes/<int:pk>/advisor-profile/", views.advisor_profile, name="advisor_profile"),
    path("advisor-profiles/<int:pk>/withdraw/", views.advisor_withdraw, name="advisor_withdraw"),
]
