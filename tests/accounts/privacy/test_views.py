"""The two pages of a person's own data: downloading it and deleting the account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from logbook.models import EntryComment
from tests.accounts.privacy.markers import (
    ADVISOR_NOTE,
    ADVISOR_TEXT,
    COLLEAGUE_TEXT,
    OWNER_TEXT,
    TOTP_SECRET,
    entry_by,
)

pytestmark = pytest.mark.django_db

DATA = reverse("accounts:personal_data")
DELETE = reverse("accounts:account_delete")
SECTIONS = {"core", "accounts", "knowledge", "programme", "matching", "logbook", "advice"}


def _download(client) -> dict:
    response = client.post(DATA)
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.mark.parametrize("url", [DATA, DELETE])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.post(url)["Location"].startswith(reverse("account_login"))


def test_the_page_says_what_the_download_holds(client, owner, english):
    client.force_login(owner)
    html = client.get(DATA).text
    assert "Download my data (JSON)" in html
    for label in ("Account", "Programme and meetings", "Matching and cases", "Logbook"):
        assert label in html


def test_the_download_is_a_json_attachment_nobody_stores(client, owner):
    """Browser-free: the headers a browser or proxy would act on."""
    client.force_login(owner)
    response = client.post(DATA)
    assert response["Content-Type"] == "application/json"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="bifrost-persondata-{day}.json"'
    )
    assert "no-store" in response["Cache-Control"]


def test_the_download_has_every_apps_section_and_the_persons_own_things(client, owner, owner_world):
    client.force_login(owner)
    data = _download(client)
    assert data["format"] == "bifrost-personal-data"
    assert set(data["sections"]) == SECTIONS
    sections = data["sections"]
    assert sections["accounts"]["account"]["email"] == owner.email
    assert sections["accounts"]["two_factor"] == {"enabled": True, "methods": ["totp"]}
    entries = sections["logbook"]["entries_authored"]
    assert [e["body"] for e in entries] == [OWNER_TEXT]
    assert sections["logbook"]["drafts"][0]["data"] == {"title": "OWNER-DRAFT"}
    assert sections["programme"]["reminder_settings"]["meeting_day_before"] is False
    assert [g["title"] for g in sections["matching"]["goals_created"]] == ["OWNER-GOAL"]
    assert sections["knowledge"]["role_self_assessments"][0]["scores"] == {"r": 50}


def test_the_download_holds_nothing_other_people_wrote_and_no_secret(client, owner, owner_world):
    client.force_login(owner)
    text = client.post(DATA).content.decode()
    for foreign in (COLLEAGUE_TEXT, ADVISOR_TEXT, ADVISOR_NOTE, "COLLEAGUE-ASSUMPTION"):
        assert foreign not in text
    assert "COLLEAGUE-REC" not in text  # the person backed it: its id only
    assert TOTP_SECRET not in text
    assert "feed-token-secret" not in text and "token" not in text


def test_the_download_runs_the_same_queries_for_1_and_20_entries(
    client, owner, owner_world, logbook, enrolled_advisor
):
    """Every provider reads in a fixed number of queries, whatever the person wrote."""
    client.force_login(owner)
    client.post(DATA)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as one:
        client.post(DATA)
    for n in range(19):
        entry = entry_by(logbook, owner, f"more {n}")
        EntryComment.objects.create(entry=entry, author=owner, text=f"comment {n}")
    with CaptureQueriesContext(connection) as twenty:
        data = _download(client)
    assert len(data["sections"]["logbook"]["entries_authored"]) == 20
    assert len(twenty) == len(one)


def test_each_person_gets_their_own_data(client, owner, colleague, owner_world):
    client.force_login(colleague)
    data = _download(client)
    assert data["sections"]["accounts"]["account"]["email"] == colleague.email
    bodies = [e["body"] for e in data["sections"]["logbook"]["entries_authored"]]
    assert bodies == [COLLEAGUE_TEXT]


# --- Deleting the account ---------------------------------------------------------------


def _confirm(user, password, **changes):
    return {"email": user.email, "password": password, **changes}


def test_the_confirmation_page_explains_and_asks_twice(client, owner, english):
    client.force_login(owner)
    html = client.get(DELETE).text
    assert "Former user" in html
    assert 'name="email"' in html and 'name="password"' in html


def test_an_empty_confirmation_says_what_is_missing(client, owner, english):
    client.force_login(owner)
    response = client.post(DELETE, {})
    assert response.status_code == 200
    assert "Type your e-mail address to confirm." in response.text
    assert "Enter your password to confirm." in response.text
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_the_typed_address_must_be_the_accounts(client, owner, password, english):
    client.force_login(owner)
    response = client.post(DELETE, _confirm(owner, password, email="someone@else.test"))
    assert "This is not the e-mail address of your account." in response.text
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_the_password_must_be_right(client, owner, english):
    client.force_login(owner)
    response = client.post(DELETE, _confirm(owner, "not-the-password"))
    assert response.status_code == 200
    assert "Incorrect password." in response.text
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_deleting_logs_out_and_says_so_on_the_front_page(client, owner, password, english):
    client.force_login(owner)
    response = client.post(DELETE, _confirm(owner, password), follow=True)
    assert response.redirect_chain[-1][0] == reverse("front_page")
    assert "Your account has been deleted." in response.text
    assert not response.wsgi_request.user.is_authenticated
    assert not get_user_model().objects.filter(email=owner.email).exists()
    assert client.get(reverse("dashboard")).status_code == 302  # logged out


def test_the_address_is_compared_without_case(client, owner, password):
    client.force_login(owner)
    client.post(DELETE, _confirm(owner, password, email=owner.email.upper()))
    assert not get_user_model().objects.filter(pk=owner.pk).exists()


def test_an_advisor_with_an_active_case_is_refused(
    client, enrolled_advisor, case, password, english
):
    client.force_login(enrolled_advisor)
    page = client.get(DELETE).text
    assert "You are the advisor of 1 active case." in page
    response = client.post(DELETE, _confirm(enrolled_advisor, password))
    assert response.status_code == 200
    assert "Ask the facilitators to hand it over to another advisor first" in response.text
    assert get_user_model().objects.filter(pk=enrolled_advisor.pk).exists()
    assert response.wsgi_request.user.is_authenticated
