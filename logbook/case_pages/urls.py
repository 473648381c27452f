from django.urls import path

from logbook.case_pages import views

urlpatterns = [
    path("<int:pk>/case-page/new/", views.case_page_create, name="case_page_create"),
]
