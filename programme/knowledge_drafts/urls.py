from django.urls import path

from programme.knowledge_drafts import views

urlpatterns = [
    path("meetings/<int:pk>/knowledge-drafts/", views.knowledge_drafts, name="knowledge_drafts"),
]
