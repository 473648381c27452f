"""Invitations: a facilitator invites, the invitee follows a one-time link and is in."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.invitations import services
from bifrost.accounts.models import Invitation, Membership, Role, User, hash_token
from tests.factories import AdvisoryUnitFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=False)


def _link_from_outbox() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+/invitations/accept/\S+/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return urlparse(match.group(0)).path


def _invite(client, facilitator, organisation, email="ny.person@example.test"):
    client.force_login(facilitator)
    response = client.post(
        reverse("invitation_create", args=[organisation.pk]),
        {"email": email, "role": Role.SMV_OWNER},
    )
    return response


def test_facilitator_invites_and_invitee_sets_password_and_is_in(
    client, facilitator, django_capture_on_commit_callbacks, new_password
):
    company = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, facilitator, company)
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.to == ["ny.person@example.test"]
    assert company.name in message.subject
    link = _link_from_outbox()

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert company.name in page.text

    response = client.post(
        link, {"full_name": "Nina Ny", "password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    user = User.objects.get(email="ny.person@example.test")
    assert user.check_password(new_password)
    assert Membership.objects.filter(user=user, organisation=company, role=Role.SMV_OWNER).exists()
    assert user.emailaddress_set.get().verified
    # The new person is logged in and sees their own dashboard.
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.templates[0].name == "accounts/dashboards/smv_owner.html"


def test_the_email_link_token_is_not_stored_in_clear(
    client, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, facilitator, OrganisationFactory())
    token = _link_from_outbox().rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert invitation.token_hash == hash_token(token)


def test_reused_link_gives_a_clear_message(
    client, facilitator, django_capture_on_commit_callbacks, new_password
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, facilitator, OrganisationFactory())
    link = _link_from_outbox()
    client.logout()
    data = {"full_name": "Nina Ny", "password1": new_password, "password2": new_password}
    assert client.post(link, data).status_code == 302
    client.logout()

    again = client.get(link)
    assert again.status_code == 410
    assert "already been used" in again.text or "allerede brugt" in again.text
    assert client.post(link, data).status_code == 410
    assert User.objects.filter(email="ny.person@example.test").count() == 1


def test_expired_link_gives_a_clear_message(
    client, facilitator, django_capture_on_commit_callbacks, new_password
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, facilitator, OrganisationFactory())
    link = _link_from_outbox()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.get(link)
    assert response.status_code == 410
    assert "expired" in response.text or "udløbet" in response.text
    response = client.post(
        link, {"full_name": "Sen", "password1": new_password, "password2": new_password}
    )
    assert response.status_code == 410
    assert not User.objects.filter(email="ny.person@example.test").exists()


def test_unknown_token_gives_a_clear_message(client):
    response = client.get(reverse("invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 410
    assert "not valid" in response.text or "ikke gyldigt" in response.text


def test_weak_password_is_refused_and_the_typed_name_is_kept(client, facilitator, new_password):
    _invitation, token = services.invitation_create(
        organisation=OrganisationFactory(),
        email="svag@example.test",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )
    link = reverse("invitation_accept", args=[token])
    response = client.post(link, {"full_name": "Sara Svag", "password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'value="Sara Svag"' in response.text
    mismatch = client.post(
        link, {"full_name": "Sara Svag", "password1": new_password, "password2": new_password + "x"}
    )
    assert "password2" in mismatch.context["form"].errors
    assert not User.objects.filter(email="svag@example.test").exists()


def test_invitation_role_must_fit_the_organisation(client, facilitator):
    unit = AdvisoryUnitFactory()
    client.force_login(facilitator)
    response = client.post(
        reverse("invitation_create", args=[unit.pk]),
        {"email": "x@example.test", "role": Role.SMV_OWNER},
    )
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_invalid_email_keeps_the_form_with_a_message(client, facilitator):
    company = OrganisationFactory()
    client.force_login(facilitator)
    response = client.post(
        reverse("invitation_create", args=[company.pk]),
        {"email": "ikke-en-adresse", "role": Role.SMV_OWNER},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'value="ikke-en-adresse"' in response.text


def test_existing_member_cannot_be_invited_again(client, facilitator, smv_owner):
    company = smv_owner.memberships.get().organisation
    client.force_login(facilitator)
    response = client.post(
        reverse("invitation_create", args=[company.pk]),
        {"email": smv_owner.email.upper(), "role": Role.SMV_OWNER},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() or response.context["form"].errors
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("role_fixture", ["smv_owner", "advisor"])
def test_only_facilitators_can_invite_and_others_get_404(client, request, role_fixture):
    user = request.getfixturevalue(role_fixture)
    company = OrganisationFactory()
    client.force_login(user)
    assert client.get(reverse("invitation_create", args=[company.pk])).status_code == 404
    response = client.post(
        reverse("invitation_create", args=[company.pk]),
        {"email": "x@example.test", "role": Role.SMV_OWNER},
    )
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_invite_page_requires_login(client):
    company = OrganisationFactory()
    response = client.get(reverse("invitation_create", args=[company.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_existing_user_accepts_while_logged_in(client, facilitator):
    person = UserFactory(email="kendt@example.test")
    unit = AdvisoryUnitFactory()
    _invitation, token = services.invitation_create(
        organisation=unit, email=person.email, role=Role.ADVISOR, invited_by=facilitator
    )
    link = reverse("invitation_accept", args=[token])
    anonymous = client.get(link)
    assert anonymous.context["account_exists"] is True
    client.force_login(person)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert Membership.objects.filter(user=person, organisation=unit, role=Role.ADVISOR).exists()


def test_logged_in_as_someone_else_cannot_take_the_invitation(client, facilitator, smv_owner):
    _invitation, token = services.invitation_create(
        organisation=OrganisationFactory(),
        email="rigtig@example.test",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )
    client.force_login(smv_owner)
    response = client.post(reverse("invitation_accept", args=[token]))
    assert response.status_code == 410
    assert Membership.objects.filter(user=smv_owner).count() == 1


def test_facilitator_withdraws_an_invitation_after_confirming(client, facilitator):
    invitation, token = services.invitation_create(
        organisation=OrganisationFactory(),
        email="fortryd@example.test",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )
    client.force_login(facilitator)
    url = reverse("invitation_revoke", args=[invitation.pk])
    assert client.get(url).status_code == 200  # confirmation page changes nothing
    invitation.refresh_from_db()
    assert not invitation.is_expired
    assert client.post(url).status_code == 302
    client.logout()
    assert client.get(reverse("invitation_accept", args=[token])).status_code == 410


def test_accept_page_is_never_cached_and_subject_is_plain_text(client, facilitator):
    company = OrganisationFactory(name="Hansen & Søn's ApS")
    _invitation, token = services.invitation_create(
        organisation=company,
        email="plain@example.test",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )
    response = client.get(reverse("invitation_accept", args=[token]))
    assert "no-store" in response["Cache-Control"]
