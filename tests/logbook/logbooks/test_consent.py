"""Consent and settings: the company decides who reads, can withdraw at once, and
keeps its staff list to itself."""

from django.urls import reverse

from logbook.models import Logbook
from tests import factories


def _consent(client, logbook, **values):
    data = {"consent-submit": "1"}
    for name, on in values.items():
        if on:
            data[f"consent-{name}"] = "on"
    return client.post(reverse("logbook:consent", args=[logbook.pk]), data)


def test_defaults_advisor_yes_researchers_no(logbook):
    fresh = Logbook.objects.get(pk=logbook.pk)
    assert fresh.share_with_advisor is True
    assert fresh.share_with_researchers is False


def test_page_explains_both_choices(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:consent", args=[logbook.pk]))
    assert response.status_code == 200
    form = response.context["consent_form"]
    assert form.fields["share_with_advisor"].help_text
    assert form.fields["share_with_researchers"].help_text
    assert form.initial == {"share_with_advisor": True, "share_with_researchers": False}


def test_withdrawing_advisor_consent_applies_at_once(client, logbook, entry, case, owner):
    url = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    client.force_login(case.advisor)
    assert client.get(url).status_code == 200
    client.force_login(owner)
    response = _consent(client, logbook, share_with_advisor=False, share_with_researchers=False)
    assert response.status_code == 302
    logbook.refresh_from_db()
    assert logbook.share_with_advisor is False
    assert logbook.consent_updated_by == owner
    assert logbook.consent_updated_at is not None
    client.force_login(case.advisor)
    assert client.get(url).status_code == 404


def test_giving_researchers_consent_lets_facilitators_read(client, logbook, entry, owner):
    facilitator = factories.facilitator()
    url = reverse("logbook:detail", args=[logbook.pk])
    client.force_login(facilitator)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    _consent(client, logbook, share_with_advisor=True, share_with_researchers=True)
    client.force_login(facilitator)
    assert client.get(url).status_code == 200


def test_settings_save_staff_list_and_reminder_switch(client, logbook, owner):
    client.force_login(owner)
    response = client.post(
        reverse("logbook:consent", args=[logbook.pk]),
        {"settings-submit": "1", "settings-staff_names": " Karen  Jensen \n\nBo\n"},
    )
    assert response.status_code == 302
    logbook.refresh_from_db()
    assert logbook.staff_names == "Karen Jensen\nBo"
    assert logbook.reminders_enabled is False
    # The consent was not touched by the settings form.
    assert logbook.share_with_advisor is True


def test_staff_list_is_never_shown_to_readers_outside(client, logbook, entry, case):
    logbook.staff_names = "Hemmelig Navnesen"
    logbook.share_with_researchers = True
    logbook.save()
    for user in (case.advisor, factories.facilitator()):
        client.force_login(user)
        for url in (
            reverse("logbook:detail", args=[logbook.pk]),
            reverse("logbook:entry_detail", args=[logbook.pk, entry.pk]),
            reverse("logbook:landing"),
        ):
            assert "Hemmelig Navnesen" not in client.get(url).text
        assert client.get(reverse("logbook:consent", args=[logbook.pk])).status_code == 404


def test_logbook_page_states_sharing_for_company_and_readers(client, logbook, owner, case):
    client.force_login(owner)
    text = client.get(reverse("logbook:detail", args=[logbook.pk])).text
    assert reverse("logbook:consent", args=[logbook.pk]) in text
    client.force_login(case.advisor)
    text = client.get(reverse("logbook:detail", args=[logbook.pk])).text
    assert reverse("logbook:consent", args=[logbook.pk]) not in text
