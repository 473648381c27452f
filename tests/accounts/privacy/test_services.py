"""Deleting an account: what goes, what stays with the company, and what refuses."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.urls import reverse

from bifrost.accounts import audit
from bifrost.accounts.models import AccessLogEntry, Invitation, Membership
from bifrost.accounts.privacy.services import account_delete
from bifrost.core import emails, personal_data
from bifrost.core.models import OutboxEmail
from logbook.models import Entry, EntryComment, EntryDraft, EntryVersion
from matching.models import AdvisorNote, CaseGoal, CaseTask
from programme.models import Assumption, CalendarFeed, Reminder, ReminderSettings
from tests import factories
from tests.accounts.privacy.markers import OWNER_TEXT

pytestmark = pytest.mark.django_db
User = get_user_model()

# Every foreign key to the user model, by what deleting the account does to its rows.
# CASCADE is for what is only the person's; company and programme data is SET_NULL
# (shown as "Former user"); a case PROTECTs its advisor (the deletion is refused);
# the access log keeps its rows and their label (the company's evidence).
CASCADE_OWN = {
    "admin.LogEntry.user",
    "core.Notification.recipient",
    "core.NotificationPreference.user",
    "account.EmailAddress.user",
    "mfa.Authenticator.user",
    "accounts.User_groups.user",
    "accounts.User_user_permissions.user",
    "accounts.Membership.user",
    "accounts.DashboardVisit.user",
    "knowledge.RoleSelfAssessment.user",
    "programme.CalendarFeed.user",
    "programme.Attendance.user",
    "programme.ReminderSettings.user",
    "programme.Reminder.recipient",
    "programme.Endorsement.user",
    "programme.EvaluationResponse.respondent",
    "matching.PairRule.advisor",
    "matching.MatchPair.advisor",
    "matching.AdvisorNote.author",
    "matching.AdvisorProfile.advisor",
    "logbook.EntryDraft.user",
}
PROTECTED = {"matching.Case.advisor"}
KEPT_AS_IS = {"accounts.AccessLogEntry.user"}


def _user_fields():
    for relation in User._meta.get_fields(include_hidden=True):
        if relation.is_relation and relation.auto_created and not relation.concrete:
            field = relation.field
            yield f"{field.model._meta.label}.{field.name}", field


def test_every_app_contributes_a_section_in_the_apps_order():
    assert [p.section for p in personal_data.providers()] == [
        "core",
        "accounts",
        "knowledge",
        "programme",
        "matching",
        "logbook",
        "advice",
    ]


def test_every_foreign_key_to_the_user_has_a_declared_fate():
    """A new foreign key to the user must be classified here: CASCADE would delete a
    company's data along with the person who wrote it."""
    fates = {}
    for name, field in _user_fields():
        on_delete = field.remote_field.on_delete
        if name in CASCADE_OWN:
            fates[name] = on_delete is models.CASCADE
        elif name in PROTECTED:
            fates[name] = on_delete is models.PROTECT
        elif name in KEPT_AS_IS:
            fates[name] = on_delete is models.DO_NOTHING and not field.db_constraint
        else:
            fates[name] = on_delete is models.SET_NULL and field.null
    assert [name for name, ok in fates.items() if not ok] == []


def test_erase_leaves_no_row_pointing_at_the_person_but_the_access_log(owner, owner_world):
    """The apps' erase steps do the work themselves, without leaning on on_delete."""
    audit.record(
        user=owner,
        organisation=factories.OrganisationFactory(),
        action=AccessLogEntry.Action.READ,
        object_kind="logbook",
    )
    personal_data.erase(owner)
    left = {
        name: field.model._default_manager.filter(**{field.name: owner}).count()
        for name, field in _user_fields()
    }
    assert {name: n for name, n in left.items() if n} == {"accounts.AccessLogEntry.user": 1}


def test_deleting_an_owner_keeps_the_companys_logbook_signed_former_user(
    client, owner, colleague, owner_world, logbook
):
    own_entry = owner_world["own_entry"]
    account_delete(user=owner)
    entry = Entry.objects.get(pk=own_entry.pk)
    assert entry.body == OWNER_TEXT
    assert entry.author is None and entry.updated_by is None
    assert EntryVersion.objects.get(entry=entry).saved_by is None
    assert EntryComment.objects.filter(text="owner's comment", author=None).exists()
    assert CaseGoal.objects.get(title="OWNER-GOAL").created_by is None
    assert CaseTask.objects.get(title="OWNER-TASK").owner is None
    assert Assumption.objects.get(text="OWNER-ANONYMOUS-ASSUMPTION").author is None
    # The colleague sees the entry, by "Former user" (Danish is the default language).
    client.force_login(colleague)
    url = reverse("logbook:entry_detail", kwargs={"pk": logbook.pk, "entry_pk": entry.pk})
    html = client.get(url).text
    assert OWNER_TEXT in html and "Tidligere bruger" in html


def test_deleting_an_owner_removes_what_was_only_theirs(owner, owner_world):
    pk = owner.pk
    other_device = Client()
    other_device.force_login(owner)
    Client().force_login(owner)
    account_delete(user=owner)
    assert not User.objects.filter(pk=pk).exists()
    for model, field in [
        (Membership, "user_id"),
        (EmailAddress, "user_id"),
        (Authenticator, "user_id"),
        (EntryDraft, "user_id"),
        (ReminderSettings, "user_id"),
        (Reminder, "recipient_id"),
        (CalendarFeed, "user_id"),
    ]:
        assert not model.objects.filter(**{field: pk}).exists(), model.__name__
    sessions = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(pk) not in sessions
    assert other_device.get(reverse("dashboard")).status_code == 302  # logged out there too


def test_the_access_log_keeps_the_label_of_a_deleted_reader(owner):
    """The company's record of who read its logbook outlives the reader's account."""
    company = factories.OrganisationFactory()
    row = audit.record(
        user=owner, organisation=company, action=AccessLogEntry.Action.READ, object_kind="entry"
    )
    email, pk = owner.email, owner.pk
    account_delete(user=owner)
    row = AccessLogEntry.objects.get(pk=row.pk)
    assert (row.user_label, row.user_id) == (email, pk)


def test_invitations_to_the_person_go_and_those_they_sent_stay(owner, owner_world, company):
    sent = factories.InvitationFactory(organisation=company, invited_by=owner)
    account_delete(user=owner)
    assert not Invitation.objects.filter(email=owner.email).exists()
    sent.refresh_from_db()
    assert sent.invited_by is None


def test_e_mails_to_the_person_are_not_sent_after_the_deletion(owner, colleague):
    emails.queue(to=[owner.email], subject="Only to the owner", body="…", key="a")
    emails.queue(to=[owner.email, colleague.email], subject="To both", body="…", key="b")
    account_delete(user=owner)
    assert not OutboxEmail.objects.filter(key="a").exists()
    assert OutboxEmail.objects.get(key="b").to == [colleague.email]


def test_an_advisor_with_a_case_is_refused_and_nothing_changes(enrolled_advisor, case, english):
    note = AdvisorNote.objects.create(case=case, author=enrolled_advisor, text="keep me")
    with pytest.raises(ValidationError) as refused:
        account_delete(user=enrolled_advisor)
    assert "Ask the facilitators to hand it over" in " ".join(refused.value.messages)
    assert User.objects.filter(pk=enrolled_advisor.pk).exists()
    assert AdvisorNote.objects.filter(pk=note.pk).exists()
    assert Membership.objects.filter(user=enrolled_advisor).exists()


def test_a_closed_case_refuses_too(enrolled_advisor, case, english):
    case.status = case.Status.CLOSED
    case.save()
    with pytest.raises(ValidationError) as refused:
        account_delete(user=enrolled_advisor)
    assert "1 closed case still names you as its advisor" in refused.value.messages[0]
