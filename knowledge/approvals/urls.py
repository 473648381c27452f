from django.urls import path

from knowledge.approvals import views

urlpatterns = [
    path("approvals/", views.approval_list, name="case_approvals"),
    path("approvals/<int:pk>/", views.approval_detail, name="case_approval"),
    path("approvals/<int:pk>/send/", views.approval_send, name="case_approval_send"),
    path("approvals/<int:pk>/approve/", views.approval_approve, name="case_approval_approve"),
    path("approvals/<int:pk>/withdraw/", views.approval_withdraw, name="case_approval_withdraw"),
    path("approvals/<int:pk>/suggest/", views.approval_suggest, name="case_approval_suggest"),
]
