"""The public catalogue (namespace `advice`)."""

from django.urls import path

from advice.catalogue import views

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
    path("providers/", views.providers, name="providers"),
    path("providers/<slug:slug>/", views.provider, name="provider"),
]
