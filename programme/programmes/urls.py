from django.urls import path

from programme.programmes import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("new/", views.programme_create, name="programme_create"),
    path("<int:pk>/", views.programme_detail, name="programme_detail"),
    path("<int:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("<int:pk>/enrolments/", views.enrolments, name="enrolments"),
    path("enrolments/<int:pk>/end/", views.enrolment_end, name="enrolment_end"),
]
