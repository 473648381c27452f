from django.urls import path, register_converter

from knowledge.models import Section
from knowledge.pages import views


class SectionConverter:
    """Only the site's sections: the reading pages can then be tried first (a
    published page is the most asked-for address, and Django's resolver pays for
    every pattern tried before the one that matches) without "<section>/"
    catching the other concepts' addresses ("search/", "editor/", …)."""

    regex = "|".join(sorted((s.value for s in Section), key=len, reverse=True))

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


register_converter(SectionConverter, "section")

# The front page ("/", name "front_page") is routed by bifrost/urls.py.
urlpatterns = [
    path("", views.landing, name="landing"),
    path("<section:section>/", views.section, name="section"),
    path("<section:section>/pdf/", views.section_pdf, name="section_pdf"),
    path("<section:section>/<slug:slug>/", views.page, name="page"),
]
