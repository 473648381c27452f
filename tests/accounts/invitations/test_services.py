"""Invitation services: one working link per person, e-mail queued after commit."""

import pytest
from django.core import mail

from bifrost.accounts.invitations import services
from bifrost.accounts.models import Role
from bifrost.core import outbox
from bifrost.core.models import OutboxEmail
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_a_new_invitation_replaces_the_old_link(facilitator, new_password):
    company = OrganisationFactory()
    _old, old_token = services.invitation_create(
        organisation=company, email="a@example.test", role=Role.SMV_OWNER, invited_by=facilitator
    )
    services.invitation_create(
        organisation=company, email="a@example.test", role=Role.SMV_OWNER, invited_by=facilitator
    )
    with pytest.raises(services.InvitationError):
        services.invitation_accept(token=old_token, password=new_password, full_name="A")


def test_invitation_email_is_sent_through_the_celery_task_after_commit(
    facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            organisation=OrganisationFactory(),
            email="koe@example.test",
            role=Role.SMV_OWNER,
            invited_by=facilitator,
        )
    # Nothing is sent before the transaction commits.
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    # The link reached the invitee; the outbox keeps no usable copy of it.
    row = OutboxEmail.objects.get()
    assert row.status == OutboxEmail.Status.SENT
    assert row.body == outbox.REMOVED_BODY


def test_invitation_subject_is_not_html_escaped(facilitator, django_capture_on_commit_callbacks):
    company = OrganisationFactory(name="Hansen & Søn's ApS")
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            organisation=company,
            email="s@example.test",
            role=Role.SMV_OWNER,
            invited_by=facilitator,
        )
    assert "Hansen & Søn's ApS" in mail.outbox[0].subject
