from django.urls import path

from programme.exports import views

urlpatterns = [
    path("meetings/<int:pk>/agenda.pdf/", views.agenda_pdf_request, name="agenda_pdf"),
    path("exports/<int:pk>/", views.agenda_pdf_status, name="agenda_pdf_status"),
    path("exports/<int:pk>/download/", views.agenda_pdf_download, name="agenda_pdf_download"),
    path(
        "meetings/<int:pk>/exercise/recommendations.pdf",
        views.recommendations_pdf,
        name="recommendations_pdf",
    ),
]
