"""A confirmed match notifies both sides in the app, once per case."""

import pytest

from bifrost.core.models import Notification
from matching.runs import services

pytestmark = pytest.mark.django_db


def test_confirming_a_run_notifies_the_owners_and_the_advisors(
    run, facilitator, two_by_two, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        opened = services.match_run_confirm(run=run, by=facilitator)
    rows = Notification.objects.filter(kind="match_confirmed")
    assert rows.count() == 4  # two companies' owners and two advisors
    case_a = next(case for case in opened if case.company == two_by_two["a"])
    assert set(rows.filter(cause=f"match:{case_a.pk}").values_list("recipient", flat=True)) == {
        two_by_two["owner_a"].pk,
        two_by_two["x"].pk,
    }
    title = rows.filter(recipient=two_by_two["x"]).get().title
    assert "A" in title and "X" in title


def test_the_demo_confirms_without_notifying(run, facilitator):
    services.match_run_confirm(run=run, by=facilitator, notify=False)
    assert not Notification.objects.filter(kind="match_confirmed").exists()
