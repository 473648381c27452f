from django.urls import path

from bifrost.accounts.privacy import views

app_name = "accounts"

urlpatterns = [
    path("", views.notice, name="privacy"),
    path("personal-data/", views.personal_data, name="personal_data"),
    path("delete-account/", views.account_delete, name="account_delete"),
]
