"""The reminder settings page: everything on by default, saved per person, 404 without a role."""

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from django.urls import reverse

from programme.models import Reminder, ReminderSettings
from tests import factories
from tests.programme.reminders.helpers import WEEK

URL = "programme:reminder_settings"


FLAGS = ("meeting_week_before", "meeting_day_before", "preparation_due")


@pytest.mark.django_db
def test_settings_page_shows_everything_on_by_default(client, smv_owner):
    client.force_login(smv_owner)
    response = client.get(reverse(URL))
    assert response.status_code == 200
    form = response.context["form"]
    assert {name: form[name].value() for name in FLAGS} == dict.fromkeys(FLAGS, True)
    for name in FLAGS:
        assert form.fields[name].label == ReminderSettings._meta.get_field(name).verbose_name
    html = response.content.decode()
    assert html.count(" checked") == 3
    assert "<fieldset" in html and "<legend" in html
    assert html.count('<label class="form-check-label" for="id_') == 3
    assert not ReminderSettings.objects.filter(user=smv_owner).exists()  # GET writes nothing


@pytest.mark.django_db
def test_settings_post_saves_redirects_and_the_sweeper_obeys(client, world, sweep):
    client.force_login(world.owner)
    response = client.post(
        reverse(URL), {"meeting_day_before": "on", "preparation_due": "on"}, follow=True
    )
    assert response.redirect_chain == [(reverse(URL), 302)]
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    saved = ReminderSettings.objects.get(user=world.owner)
    assert (saved.meeting_week_before, saved.meeting_day_before, saved.preparation_due) == (
        False,
        True,
        True,
    )
    form = response.context["form"]
    assert form["meeting_week_before"].value() is False
    assert form["meeting_day_before"].value() is True

    assert sweep(world.m1_week_due) == 1
    owner_row = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=WEEK)
    assert owner_row.skip_reason == "turned off by the recipient"
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]


@pytest.mark.django_db
def test_settings_post_with_everything_off_and_on_again(client, advisor):
    client.force_login(advisor)
    assert client.post(reverse(URL), {}).status_code == 302
    saved = ReminderSettings.objects.get(user=advisor)
    assert not any(getattr(saved, name) for name in FLAGS)
    assert client.post(reverse(URL), dict.fromkeys(FLAGS, "on")).status_code == 302
    saved.refresh_from_db()
    assert all(getattr(saved, name) for name in FLAGS)
    assert ReminderSettings.objects.filter(user=advisor).count() == 1


@pytest.mark.django_db
def test_settings_page_is_404_without_a_role(client):
    nobody = factories.UserFactory()
    client.force_login(nobody)
    assert client.get(reverse(URL)).status_code == 404
    assert client.post(reverse(URL), {}).status_code == 404
    assert not ReminderSettings.objects.exists()


@pytest.mark.django_db
def test_settings_page_redirects_anonymous_to_login(client):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
    response = client.post(reverse(URL), {})
    assert response.status_code == 302
    assert not ReminderSettings.objects.exists()
