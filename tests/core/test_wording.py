"""The Danish pages say things the way a Danish reader expects (issue 15): allauth's
texts in our words, counts with the right plural, one name for one place, and a
withdrawn invitation called withdrawn. The UI is Danish by default, so these tests
read the pages as a visitor does, without the `english` fixture."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.invitations import services as invitation_services
from logbook.models import Entry
from matching.models import Case
from tests import factories
from tests.matching.factories import AdvisorProfileFactory, CaseFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_logging_in_says_so_in_plain_danish(client, password):
    user = factories.smv_owner()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": password}, follow=True
    )
    texts = _messages(response)
    assert any(text.startswith("Du er logget ind som") for text in texts), texts
    assert "succesfuldt" not in response.text


def test_password_reset_page_and_mail_say_adgangskode(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = factories.smv_owner()
    page = client.get(reverse("account_reset_password"))
    assert "Nulstil adgangskode" in page.text
    visible = re.sub(r"<[^>]+>", " ", page.text.split("<main", 1)[1])
    assert "password" not in visible.lower()
    with django_capture_on_commit_callbacks(execute=True):  # sent from the outbox
        client.post(reverse("account_reset_password"), {"email": user.email})
    subjects = [mail.subject for mail in mailoutbox]
    assert subjects == ["[BIFROST] Nulstil din adgangskode"]
    assert "Password" not in mailoutbox[0].body


def test_account_page_spells_verified(client):
    user = factories.smv_owner()
    client.force_login(user)
    page = client.get(reverse("account_email"))
    assert "Bekræftet" in page.text
    assert "Bekæftet" not in page.text


def test_a_withdrawn_invitation_is_not_called_expired(client, facilitator):
    company = factories.OrganisationFactory()
    withdrawn = factories.InvitationFactory(organisation=company, invited_by=facilitator)
    expired = factories.InvitationFactory(
        organisation=company, invited_by=facilitator, expires_at=timezone.now() - timedelta(days=1)
    )
    invitation_services.invitation_revoke(invitation=withdrawn)
    client.force_login(facilitator)
    rows = {
        row.split("</td>")[0].rsplit(">", 1)[-1]: row
        for row in client.get(reverse("organisation_detail", args=[company.pk])).text.split("<tr>")
    }
    assert "<td>Trukket tilbage</td>" in rows[withdrawn.email]
    assert "<td>Udløbet</td>" in rows[expired.email]
    with pytest.raises(invitation_services.InvitationError, match="trukket tilbage"):
        invitation_services.invitation_check_usable(withdrawn)


@pytest.mark.parametrize(("cases", "expected"), [(1, "1 sag er lukket"), (2, "2 sager er lukket")])
def test_closed_cases_are_counted_with_the_right_plural(
    client, programme, facilitator, unit, cases, expected
):
    profile = AdvisorProfileFactory(unit=unit, programme=programme)
    for _ in range(cases):
        company = factories.OrganisationFactory()
        programme.enrolments.create(organisation=company)
        CaseFactory(programme=programme, company=company, advisor=profile.advisor, unit=unit)
    client.force_login(facilitator)
    response = client.post(reverse("matching:advisor_withdraw", args=[profile.pk]))
    (text,) = _messages(response)
    assert expected in text
    assert "(er)" not in text
    assert Case.objects.filter(status=Case.Status.CLOSED).count() == cases


def test_no_danish_text_guesses_its_plural():
    """Counts go through ngettext / blocktranslate count: no "sag(er)", "ny(e)"."""
    po = (ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    guessed = re.findall(r"^msg(?:id|str)[^\n]*\w\((?:s|es|e|er|r|ne)\)", po, re.M)
    assert guessed == []


def test_the_delete_message_names_the_place_as_the_link_does(client, owner, logbook):
    entry = Entry.objects.create(
        logbook=logbook,
        author=owner,
        kind=Entry.Kind.REFLECTION,
        title="Om ugen",
        body="Tekst",
        entry_date=timezone.localdate(),
    )
    client.force_login(owner)
    response = client.post(
        reverse("logbook:entry_delete", args=[logbook.pk, entry.pk]), follow=True
    )
    (message,) = _messages(response)
    place = re.search(r"»(.+?)«", message).group(1)
    link = reverse("logbook:entries_deleted", args=[logbook.pk])
    assert f'href="{link}">{place}</a>' in response.text
    assert place == "For nylig slettet"


def test_change_logic_has_its_own_privacy_notice(client, owner, logbook):
    client.force_login(owner)
    situations = client.get(reverse("logbook:critical_situations", args=[logbook.pk])).text
    entry = Entry.objects.create(
        logbook=logbook,
        author=owner,
        kind=Entry.Kind.INITIATIVE,
        title="Tiltag",
        body="x",
        entry_date=timezone.localdate(),
    )
    logic = client.get(reverse("logbook:change_logic", args=[logbook.pk, entry.pk])).text
    # Each form's notice is about what that form asks for.
    assert "Beskriv situationen på arbejdet: hvad der skete" in situations
    assert "Beskriv situationen på arbejdet: hvad der skete" not in logic
    assert "Beskriv udfordringen, tiltaget" in logic
    assert "Beskriv udfordringen, tiltaget" not in situations
