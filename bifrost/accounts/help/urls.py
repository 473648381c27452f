from django.urls import path

from bifrost.accounts.help import views

urlpatterns = [
    path("help/", views.help_page, name="help"),
]
