"""The request flow's services: the two-party confirmation, withdrawal, reminder and
expiry, and what the e-mails hold."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from advice.models import EventKind, RequestState
from advice.requests import services
from bifrost.core.models import Notification, OutboxEmail
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


def kinds(request) -> list[str]:
    return list(request.events.order_by("at", "pk").values_list("kind", flat=True))


def test_sending_invites_the_representative_by_email_without_the_request_text(sent):
    request = sent.request
    assert request.state == RequestState.AWAITING_REPRESENTATIVE
    assert request.expires_at - request.invited_at == timedelta(days=14)
    mail = OutboxEmail.objects.get(to=["tr@region.example"])
    assert sent.token in mail.body  # until it is sent; then the outbox forgets it
    assert mail.holds_secret
    assert request.situation not in mail.body + mail.subject
    assert request.goals not in mail.body + mail.subject
    assert sent.token not in request.invitation_token_hash
    # The representative has an account: a notification too, naming the workplace only.
    note = Notification.objects.get(recipient=sent.representative)
    assert request.workplace_name in note.title and request.situation not in note.title
    # The provider sees nothing yet.
    assert not Notification.objects.filter(recipient=sent.advisor).exists()
    assert kinds(request) == [EventKind.SUBMITTED]


def test_the_representative_confirms_and_the_request_joins_the_queue(sent):
    request = services.request_confirm(token=sent.token, user=sent.representative)
    assert request.state == RequestState.QUEUED
    assert request.queue_number is not None and request.representative == sent.representative
    assert Notification.objects.filter(recipient=sent.advisor).count() == 1
    assert Notification.objects.filter(recipient=sent.leader).count() == 1
    assert kinds(request) == [EventKind.SUBMITTED, EventKind.CONFIRMED]


def test_confirming_twice_is_harmless(sent):
    first = services.request_confirm(token=sent.token, user=sent.representative)
    again = services.request_confirm(token=sent.token, user=sent.representative)
    assert again.queue_number == first.queue_number
    assert kinds(first).count(EventKind.CONFIRMED) == 1
    assert Notification.objects.filter(recipient=sent.advisor).count() == 1


def test_the_leader_cannot_confirm_for_the_representative(sent):
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token=sent.token, user=sent.leader)
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.AWAITING_REPRESENTATIVE


def test_someone_else_logged_in_cannot_confirm(sent):
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token=sent.token, user=factories.UserFactory())


def test_a_wrong_token_is_refused(sent):
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token="not-the-token", user=sent.representative)


def test_a_draft_must_be_complete_and_name_another_person(db):
    draft = advice.AdviceRequestFactory(situation="", provider=None)
    draft.representative_email = draft.leader.email
    draft.save()
    with pytest.raises(ValidationError) as raised:
        services.request_submit(advice_request=draft, by=draft.leader)
    assert {"situation", "provider", "representative_email"} <= set(raised.value.error_dict)


def test_only_the_leader_sends(db):
    draft = advice.AdviceRequestFactory()
    with pytest.raises(ValidationError):
        services.request_submit(advice_request=draft, by=factories.UserFactory())


def test_an_open_inspectorate_order_is_refused(db):
    draft = advice.AdviceRequestFactory(inspectorate_order="open")
    with pytest.raises(ValidationError) as raised:
        services.request_submit(advice_request=draft, by=draft.leader)
    assert "inspectorate_order" in raised.value.error_dict


def test_the_leader_withdraws_with_a_reason_and_the_link_stops_working(sent):
    with pytest.raises(ValidationError):
        services.request_withdraw(advice_request=sent.request, by=sent.leader, reason=" ")
    request = services.request_withdraw(
        advice_request=sent.request, by=sent.leader, reason="Vi venter til foråret."
    )
    assert request.state == RequestState.WITHDRAWN and request.withdrawn_by == sent.leader
    # The invited representative hears of it.
    assert Notification.objects.filter(
        recipient=sent.representative, kind="advice_request_withdrawn"
    ).exists()
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token=sent.token, user=sent.representative)
    with pytest.raises(ValidationError):
        services.request_withdraw(advice_request=request, by=sent.leader, reason="Igen")


def test_the_representative_withdraws_after_confirming(sent):
    request = services.request_confirm(token=sent.token, user=sent.representative)
    services.request_withdraw(advice_request=request, by=sent.representative, reason="Uenige.")
    request.refresh_from_db()
    assert request.state == RequestState.WITHDRAWN
    assert Notification.objects.filter(
        recipient=sent.advisor, kind="advice_request_withdrawn"
    ).exists()


def test_reinviting_replaces_the_link(sent):
    new_token = services.request_reinvite(advice_request=sent.request, by=sent.leader)
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token=sent.token, user=sent.representative)
    request = services.request_confirm(token=new_token, user=sent.representative)
    assert request.state == RequestState.QUEUED


def test_the_reminder_goes_once_after_five_days(sent):
    now = timezone.now()
    assert services.requests_remind_due(now=now + timedelta(days=4)) == 0
    assert services.requests_remind_due(now=now + timedelta(days=5, minutes=1)) == 1
    assert services.requests_remind_due(now=now + timedelta(days=6)) == 0
    assert services.requests_remind_due(now=now + timedelta(days=7)) == 0
    mails = OutboxEmail.objects.filter(to=["tr@region.example"])
    assert mails.count() == 2  # the invitation and one reminder
    reminder = mails.order_by("-pk").first()
    assert sent.request.situation not in reminder.body
    assert kinds(sent.request).count(EventKind.REMINDED) == 1


def test_unconfirmed_it_expires_after_fourteen_days(sent):
    now = timezone.now()
    assert services.requests_expire_due(now=now + timedelta(days=13)) == 0
    assert services.requests_expire_due(now=now + timedelta(days=14, minutes=1)) == 1
    assert services.requests_expire_due(now=now + timedelta(days=15)) == 0
    sent.request.refresh_from_db()
    assert sent.request.state == RequestState.EXPIRED
    assert Notification.objects.filter(
        recipient=sent.leader, kind="advice_request_expired"
    ).exists()
    with pytest.raises(services.RequestLinkError):
        services.request_confirm(token=sent.token, user=sent.representative)


def test_an_expired_request_is_not_reminded(sent):
    later = timezone.now() + timedelta(days=15)
    services.requests_expire_due(now=later)
    assert services.requests_remind_due(now=later) == 0
