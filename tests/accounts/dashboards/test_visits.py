"""What "new since your last visit" is measured from: the previous visit, held in the
session for the current visit (a reload keeps it), moved on after a pause or in a new
session (`bifrost.accounts.dashboards.visits`)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.dashboards import services
from bifrost.accounts.dashboards.visits import LOOK_STEP, VISIT_GAP
from bifrost.accounts.models import DashboardVisit
from tests import factories

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")


def _since(client):
    return client.get(DASHBOARD).context["viewer"].since


def _visit_begun(client, user):
    """A visit three days ago, then this session's first look; returns that visit."""
    earlier = timezone.now() - timedelta(days=3)
    DashboardVisit.objects.create(user=user, last_seen_at=earlier)
    client.force_login(user)
    assert _since(client) == earlier
    return earlier


def _hold_seen(client, *, since, seen):
    session = client.session
    session["dashboard_visit"] = {"since": since.isoformat(), "seen": seen.isoformat()}
    session.save()


def test_the_first_visit_has_no_since_and_is_recorded(client, smv_owner):
    client.force_login(smv_owner)
    assert _since(client) is None
    assert DashboardVisit.objects.filter(user=smv_owner).exists()


def test_a_reload_keeps_what_counts_as_new(client, smv_owner):
    earlier = _visit_begun(client, smv_owner)
    assert _since(client) == earlier  # the reload: the same "since"
    assert DashboardVisit.objects.get(user=smv_owner).last_seen_at > earlier


def test_after_a_pause_a_new_visit_begins(client, smv_owner):
    earlier = _visit_begun(client, smv_owner)
    # The last look was longer ago than the gap (as if the person left for a while).
    paused = timezone.now() - VISIT_GAP - timedelta(minutes=1)
    DashboardVisit.objects.filter(user=smv_owner).update(last_seen_at=paused)
    _hold_seen(client, since=earlier, seen=paused)
    assert _since(client) == paused


def test_a_new_session_starts_a_new_visit(client, smv_owner):
    _visit_begun(client, smv_owner)
    last_look = DashboardVisit.objects.get(user=smv_owner).last_seen_at
    client.logout()
    client.force_login(smv_owner)
    assert _since(client) == last_look


def test_a_damaged_session_value_is_ignored(client, smv_owner):
    earlier = timezone.now() - timedelta(days=3)
    DashboardVisit.objects.create(user=smv_owner, last_seen_at=earlier)
    client.force_login(smv_owner)
    session = client.session
    session["dashboard_visit"] = {"since": "not a date", "seen": "nor this"}
    session.save()
    assert _since(client) == earlier


def test_the_service_returns_the_visit_before(db):
    user = factories.smv_owner()
    now = timezone.now()
    assert services.dashboard_visit_record(user=user, now=now) is None
    later = now + timedelta(hours=2)
    assert services.dashboard_visit_record(user=user, now=later) == now
    assert DashboardVisit.objects.get(user=user).last_seen_at == later


def test_a_reload_soon_after_writes_nothing(client, smv_owner):
    earlier = _visit_begun(client, smv_owner)
    recorded = DashboardVisit.objects.get(user=smv_owner).last_seen_at
    held = client.session["dashboard_visit"]
    assert _since(client) == earlier
    # Neither the row nor the session moved: the reload could be a kept page.
    assert DashboardVisit.objects.get(user=smv_owner).last_seen_at == recorded
    assert client.session["dashboard_visit"] == held


def test_a_later_look_of_the_same_visit_is_recorded_and_keeps_the_since(client, smv_owner):
    earlier = _visit_begun(client, smv_owner)
    looked = timezone.now() - LOOK_STEP - timedelta(minutes=1)
    _hold_seen(client, since=earlier, seen=looked)
    assert _since(client) == earlier
    assert DashboardVisit.objects.get(user=smv_owner).last_seen_at > looked
    assert client.session["dashboard_visit"]["seen"] > looked.isoformat()


def test_a_later_look_makes_the_row_again_when_it_was_removed(client, smv_owner):
    earlier = timezone.now() - timedelta(days=3)
    client.force_login(smv_owner)
    _since(client)
    DashboardVisit.objects.filter(user=smv_owner).delete()
    _hold_seen(client, since=earlier, seen=timezone.now() - LOOK_STEP - timedelta(minutes=1))
    assert _since(client) == earlier
    assert DashboardVisit.objects.filter(user=smv_owner).exists()
