from django.urls import path

from knowledge.self_assessment import views

urlpatterns = [
    path("hvilken-raadgiverrolle/", views.role_self_assessment, name="self_assessment"),
]
