"""A course's pages (namespace `advice`)."""

from django.urls import path

from advice.courses import views

urlpatterns = [
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/follow-up/", views.course_follow_up, name="course_follow_up"),
    path("courses/<int:pk>/files/", views.course_file_upload, name="course_file_upload"),
    path("courses/<int:pk>/complete/", views.course_complete, name="course_complete"),
    path("course-steps/<int:pk>/toggle/", views.course_step_toggle, name="course_step_toggle"),
    path("course-files/<int:pk>/", views.course_file_download, name="course_file_download"),
]
