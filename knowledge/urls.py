from django.urls import include, path

app_name = "knowledge"
# The reading pages come last: "<slug:section>/" would catch the others' addresses.
urlpatterns = [
    path("", include("knowledge.search.urls")),
    path("", include("knowledge.self_assessment.urls")),
    path("", include("knowledge.editor.urls")),
    path("", include("knowledge.approvals.urls")),
    path("", include("knowledge.recommendations.urls")),
    path("", include("knowledge.pages.urls")),
]
