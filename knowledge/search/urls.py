from django.urls import path

from knowledge.search import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
