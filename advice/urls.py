"""Advice on request: one `include` per concept, all under the "advice:" namespace."""

from django.urls import include, path

app_name = "advice"
urlpatterns = [
    path("", include("advice.catalogue.urls")),
    path("", include("advice.requests.urls")),
    path("", include("advice.courses.urls")),
    path("", include("advice.editor.urls")),
    path("", include("advice.overview.urls")),
]
