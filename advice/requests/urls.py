"""The request flow's pages (namespace `advice`)."""

from django.urls import path

from advice.requests import queue_views, views

urlpatterns = [
    path("request/", views.request_start, name="request_start"),
    path("request/sign-up/", views.leader_signup, name="leader_signup"),
    path("requests/", views.my_requests, name="my_requests"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("requests/<int:pk>/delete/", views.request_delete, name="request_delete"),
    path("requests/<int:pk>/reinvite/", views.request_reinvite, name="request_reinvite"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/redirect/", views.request_redirect, name="request_redirect"),
    path("requests/<int:pk>/accept/", queue_views.request_accept, name="request_accept"),
    path("requests/<int:pk>/decline/", queue_views.request_decline, name="request_decline"),
    path("confirm/<str:token>/", views.request_confirm, name="request_confirm"),
    path("providers/<slug:slug>/queue/", queue_views.provider_queue, name="provider_queue"),
    path(
        "providers/<slug:slug>/capacity/",
        queue_views.provider_capacity,
        name="provider_capacity",
    ),
    path(
        "providers/<slug:slug>/capacity/<int:pk>/delete/",
        queue_views.provider_capacity_delete,
        name="provider_capacity_delete",
    ),
]
