from django.urls import path

from knowledge.pages import views

# The front page ("/", name "front_page") is routed by bifrost/urls.py.
# Included last by knowledge/urls.py: "<slug:section>/" would catch the other
# concepts' addresses ("search/", "editor/", …).
urlpatterns = [
    path("", views.landing, name="landing"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/pdf/", views.section_pdf, name="section_pdf"),
    path("<slug:section>/<slug:slug>/", views.page, name="page"),
]
