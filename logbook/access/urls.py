from django.urls import path

from logbook.access import views

urlpatterns = [
    path("<int:pk>/access-log/", views.access_log, name="access_log"),
    path("<int:pk>/access-log.csv", views.access_log_csv, name="access_log_csv"),
    path("<int:pk>/access-log.xlsx", views.access_log_xlsx, name="access_log_xlsx"),
]
