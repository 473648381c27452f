"""Withdrawing the advisor's access tells the advisor (and nothing about why)."""

import pytest

from bifrost.core.models import Notification
from logbook.logbooks import services

pytestmark = pytest.mark.django_db


def _withdrawn():
    return Notification.objects.filter(kind="logbook_advisor_access_withdrawn")


def test_the_advisor_who_loses_access_is_told_once_per_withdrawal(logbook, case, owner):
    services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=False
    )
    (row,) = _withdrawn()
    assert row.recipient == case.advisor
    assert logbook.company.name in row.title
    # Saving the same decision again takes nothing away: no second notification.
    services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=True
    )
    assert _withdrawn().count() == 1
    # Shared again and withdrawn again: told again.
    for share in (True, False):
        services.consent_update(
            logbook=logbook, by=owner, share_with_advisor=share, share_with_researchers=False
        )
    assert _withdrawn().count() == 2


def test_no_one_is_told_when_the_advisor_keeps_access(logbook, case, owner):
    services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=True, share_with_researchers=True
    )
    assert not _withdrawn().exists()


def test_no_case_no_notification(logbook, owner):
    services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=False
    )
    assert not _withdrawn().exists()
