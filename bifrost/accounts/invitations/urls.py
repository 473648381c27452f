from django.urls import path

from bifrost.accounts.invitations import views

urlpatterns = [
    path("organisations/<int:pk>/invite/", views.invitation_create, name="invitation_create"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
