"""The reminder settings page also holds one e-mail choice per notification kind."""

import pytest
from django.urls import reverse

from bifrost.core.notifications import kinds, selectors

pytestmark = pytest.mark.django_db

URL = "programme:reminder_settings"


def _form_data(**modes):
    data = {"meeting_week_before": "on", "meeting_day_before": "on", "preparation_due": "on"}
    for kind in kinds.all_kinds():
        data[f"notification__{kind.key}"] = modes.get(kind.key, kind.default_mode)
    return data


def test_the_page_shows_one_select_per_kind_with_the_defaults(client, owner):
    client.force_login(owner)
    page = client.get(reverse(URL)).text
    for kind in kinds.all_kinds():
        assert f'name="notification__{kind.key}"' in page
    assert "I en daglig oversigt" in page  # the default, digest


def test_saving_modes(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse(URL), _form_data(logbook_comment="immediate", minutes_published="off")
    )
    assert response.status_code == 302
    modes = selectors.modes_of(owner)
    assert modes["logbook_comment"] == "immediate"
    assert modes["minutes_published"] == "off"
    assert modes["case_goal_added"] == "digest"
    page = client.get(reverse(URL)).text
    assert '<option value="immediate" selected>' in page


def test_an_unknown_mode_is_refused_with_the_form_again(client, owner):
    client.force_login(owner)
    response = client.post(reverse(URL), _form_data(logbook_comment="hourly"))
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["notification__logbook_comment"]
    assert selectors.modes_of(owner)["logbook_comment"] == "digest"
