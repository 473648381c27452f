from django.urls import path

from knowledge.models import Section
from knowledge.recommendations import views

# Before knowledge.pages' "<section>/": this section's address is its own list.
urlpatterns = [
    path(f"{Section.RECOMMENDATIONS.value}/", views.recommendations, name="recommendations"),
]
