"""allauth's own e-mails (password reset, address verification) go through the outbox."""

import re

import pytest
from django.urls import reverse

from bifrost.core import outbox, queue
from bifrost.core.models import OutboxEmail

pytestmark = pytest.mark.django_db


def test_a_password_reset_mail_is_written_to_the_outbox_and_sent_after_the_commit(
    client, smv_owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": smv_owner.email})
        assert response.status_code == 302
        assert mailoutbox == []  # written, not yet sent: that waits for the commit
        row = OutboxEmail.objects.get()
        assert row.to == [smv_owner.email]
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.SENT
    assert [m.to for m in mailoutbox] == [[smv_owner.email]]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    # Greeted and signed by the site's name, not the request's host.
    assert "SMV-brobygger" in mailoutbox[0].body
    assert "testserver" not in mailoutbox[0].body.replace(link.group(0), "")
    # Sent: the outbox no longer holds the link for someone with access to it to use.
    assert row.body == outbox.REMOVED_BODY
    assert link.group(0) not in row.body
    # The link in the mail works: it opens the form for a new password.
    followed = client.get(link.group(0).replace("http://testserver", ""), follow=True)
    assert followed.status_code == 200
    assert "password1" in followed.content.decode()


def test_a_password_reset_asked_for_while_the_broker_is_down_is_sent_by_the_sweeper(
    client, smv_owner, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    class DownTask:
        def delay(self, *args, **kwargs):
            raise ConnectionError("redis down")

    monkeypatch.setattr(queue, "task", lambda name: DownTask())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": smv_owner.email})
    assert response.status_code == 302  # the person is told to check their mail, no error
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.PENDING
    assert mailoutbox == []
    monkeypatch.undo()
    assert outbox.sweep() == 1
    assert [m.to for m in mailoutbox] == [[smv_owner.email]]


def test_an_unknown_address_gets_no_outbox_row(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "ukendt@example.test"})
    assert response.status_code == 302
    assert not OutboxEmail.objects.exists()
