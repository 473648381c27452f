"""Sending an invitation again: a new link (the old one stops working), through the
outbox, not twice within minutes, never for a withdrawn or accepted invitation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.invitations import services
from bifrost.accounts.models import Invitation, Role
from bifrost.core.models import OutboxEmail
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _invite(facilitator, email="ny@example.test"):
    invitation, token = services.invitation_create(
        organisation=OrganisationFactory(), email=email, role=Role.SMV_OWNER, invited_by=facilitator
    )
    return invitation, token


def _sent_minutes_ago(invitation, minutes: int) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_resending_gives_a_new_link_and_the_old_one_stops_working(facilitator, new_password):
    invitation, old_token = _invite(facilitator)
    _sent_minutes_ago(invitation, 10)
    invitation, new_token = services.invitation_resend(invitation=invitation)
    assert new_token != old_token
    assert invitation.resend_count == 1
    with pytest.raises(services.InvitationError):
        services.invitation_accept(token=old_token, password=new_password, full_name="Ny")
    user = services.invitation_accept(token=new_token, password=new_password, full_name="Ny")
    assert user.memberships.get().organisation == invitation.organisation


def test_the_new_link_goes_through_the_outbox(facilitator, django_capture_on_commit_callbacks):
    invitation, _token = _invite(facilitator, email="udbakke@example.test")
    _sent_minutes_ago(invitation, 10)
    before = OutboxEmail.objects.filter(to__contains=["udbakke@example.test"]).count()
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = services.invitation_resend(invitation=invitation)
    emails = OutboxEmail.objects.filter(to__contains=["udbakke@example.test"])
    assert emails.count() == before + 1
    assert mail.outbox[-1].to == ["udbakke@example.test"]
    assert token in mail.outbox[-1].body
    # Sent: the outbox row no longer holds the new link.
    assert token not in emails.order_by("-pk").first().body


def test_an_expired_invitation_can_be_sent_again_and_works_for_the_full_period(
    facilitator, settings
):
    invitation, _token = _invite(facilitator)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=20),
        expires_at=timezone.now() - timedelta(days=6),
    )
    invitation.refresh_from_db()
    invitation, _token = services.invitation_resend(invitation=invitation)
    remaining = invitation.expires_at - timezone.now()
    assert remaining > timedelta(days=settings.INVITATION_VALID_DAYS) - timedelta(minutes=1)


def test_withdrawn_and_accepted_invitations_cannot_be_sent_again(
    facilitator, new_password, english
):
    withdrawn, _ = _invite(facilitator, email="trukket@example.test")
    services.invitation_revoke(invitation=withdrawn)
    _sent_minutes_ago(withdrawn, 10)
    with pytest.raises(services.InvitationError, match="withdrawn"):
        services.invitation_resend(invitation=withdrawn)

    accepted, token = _invite(facilitator, email="taget@example.test")
    services.invitation_accept(token=token, password=new_password, full_name="Taget")
    _sent_minutes_ago(accepted, 10)
    with pytest.raises(services.InvitationError, match="accepted"):
        services.invitation_resend(invitation=accepted)


def test_not_twice_within_minutes_and_not_endlessly(facilitator, english):
    invitation, token = _invite(facilitator)
    with pytest.raises(services.InvitationError, match="moment ago"):
        services.invitation_resend(invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.token_hash == Invitation.objects.get(pk=invitation.pk).token_hash
    for _ in range(services.RESEND_LIMIT):
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=timezone.now() - timedelta(hours=1),
            resent_at=timezone.now() - timedelta(hours=1),
        )
        invitation.refresh_from_db()
        services.invitation_resend(invitation=invitation)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Invitation.objects.filter(pk=invitation.pk).update(resent_at=an_hour_ago)
    invitation.refresh_from_db()
    with pytest.raises(services.InvitationError, match="times"):
        services.invitation_resend(invitation=invitation)


def test_after_a_newer_invitation_only_the_newer_link_can_be_sent_again(facilitator):
    """A newer invitation to the same person withdraws the older one: sending the old
    link again is refused (it could revive a link the facilitator replaced)."""
    first, _ = _invite(facilitator, email="to@example.test")
    second, _ = services.invitation_create(
        organisation=first.organisation,
        email="to@example.test",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )
    first.refresh_from_db()
    assert first.is_revoked
    _sent_minutes_ago(first, 10)
    _sent_minutes_ago(second, 10)
    with pytest.raises(services.InvitationError):
        services.invitation_resend(invitation=first)
    resent, _ = services.invitation_resend(invitation=second)
    assert not resent.is_expired and resent.resend_count == 1


# --- The view -------------------------------------------------------------------------


def test_facilitator_sends_again_from_the_organisation_page(client, facilitator, english):
    invitation, _ = _invite(facilitator, email="knap@example.test")
    _sent_minutes_ago(invitation, 10)
    client.force_login(facilitator)
    page = client.get(reverse("organisation_detail", args=[invitation.organisation_id]))
    assert reverse("invitation_resend", args=[invitation.pk]) in page.text
    response = client.post(reverse("invitation_resend", args=[invitation.pk]), follow=True)
    assert "An invitation was sent to knap@example.test" in response.text
    assert "Sent again once" in response.text


def test_too_soon_is_a_message_not_an_error(client, facilitator, english):
    invitation, _ = _invite(facilitator, email="straks@example.test")
    client.force_login(facilitator)
    response = client.post(reverse("invitation_resend", args=[invitation.pk]), follow=True)
    assert response.status_code == 200
    assert "was sent a moment ago" in response.text
    invitation.refresh_from_db()
    assert invitation.resend_count == 0


def test_withdrawn_invitation_has_no_send_again_button(client, facilitator, english):
    invitation, _ = _invite(facilitator, email="vaek@example.test")
    services.invitation_revoke(invitation=invitation)
    client.force_login(facilitator)
    page = client.get(reverse("organisation_detail", args=[invitation.organisation_id]))
    assert "Withdrawn" in page.text
    assert reverse("invitation_resend", args=[invitation.pk]) not in page.text


def test_only_facilitators_send_again_and_only_by_post(client, facilitator, smv_owner):
    invitation, _ = _invite(facilitator)
    _sent_minutes_ago(invitation, 10)
    url = reverse("invitation_resend", args=[invitation.pk])
    client.force_login(smv_owner)
    assert client.post(url).status_code == 404
    client.force_login(facilitator)
    assert client.get(url).status_code == 405
    invitation.refresh_from_db()
    assert invitation.resend_count == 0
