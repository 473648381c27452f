"""PDF/CSV/XLSX/JSON exports and the research dataset (included by logbook/urls.py)."""

from django.urls import path

from logbook.exports import views

urlpatterns = [
    path("<int:pk>/export/", views.export_page, name="export"),
    path(
        "<int:pk>/export/<int:export_pk>/status/",
        views.export_status,
        name="export_status",
    ),
    path(
        "<int:pk>/export/<int:export_pk>/download/",
        views.export_download,
        name="export_download",
    ),
    path("<int:pk>/export/csv/", views.export_table, {"fmt": "csv"}, name="export_csv"),
    path("<int:pk>/export/xlsx/", views.export_table, {"fmt": "xlsx"}, name="export_xlsx"),
    path("<int:pk>/export/json/", views.export_json, name="export_json"),
    path(
        "research/programme/<int:pk>/dataset.csv",
        views.research_dataset,
        {"fmt": "csv"},
        name="research_dataset",
    ),
    path(
        "research/programme/<int:pk>/dataset.xlsx",
        views.research_dataset,
        {"fmt": "xlsx"},
        name="research_dataset_xlsx",
    ),
]
