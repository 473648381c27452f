"""The dashboard visit is recorded on both databases (PostgreSQL does it in one
statement, the embedded SQLite mode of `make run` in two): the first visit has no
previous one, each later visit returns the one before it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.dashboards import services
from bifrost.accounts.models import DashboardVisit

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


def test_each_visit_returns_the_one_before(smv_owner):
    first = timezone.now() - timedelta(days=2)
    second = first + timedelta(days=1)
    assert services.dashboard_visit_record(user=smv_owner, now=first) is None
    assert services.dashboard_visit_record(user=smv_owner, now=second) == first
    assert DashboardVisit.objects.get(user=smv_owner).last_seen_at == second


def test_the_dashboard_opens(client, smv_owner):
    client.force_login(smv_owner)
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("dashboard")).status_code == 200
