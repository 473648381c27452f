"""The facilitator's matching page and the match run pages (namespace `matching`)."""

from django.urls import path

from matching.runs import views

urlpatterns = [
    path("programmes/<int:pk>/", views.programme_matching, name="programme"),
    path("programmes/<int:pk>/weights/", views.weights, name="weights"),
    path("programmes/<int:pk>/rules/new/", views.rule_add, name="rule_add"),
    path("programmes/<int:pk>/runs/new/", views.run_create, name="run_create"),
    path("rules/<int:pk>/remove/", views.rule_remove, name="rule_remove"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/override/", views.run_override, name="run_override"),
    path("runs/<int:pk>/swap/", views.run_swap, name="run_swap"),
    path("runs/<int:pk>/confirm/", views.run_confirm, name="run_confirm"),
    path("runs/<int:pk>/discard/", views.run_discard, name="run_discard"),
    path("runs/<int:pk>/export.csv", views.run_export, {"fmt": "csv"}, name="run_csv"),
    path("runs/<int:pk>/export.xlsx", views.run_export, {"fmt": "xlsx"}, name="run_xlsx"),
]
