from django.urls import include, path

app_name = "knowledge"
# The reading pages first (most requests are for them); their "<section>/" matches
# only the site's sections. The recommendations list owns its section's address.
urlpatterns = [
    path("", include("knowledge.recommendations.urls")),
    path("", include("knowledge.pages.urls")),
    path("", include("knowledge.search.urls")),
    path("", include("knowledge.self_assessment.urls")),
    path("", include("knowledge.editor.urls")),
    path("", include("knowledge.approvals.urls")),
]
