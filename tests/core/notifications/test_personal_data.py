"""A person's notifications and their settings are theirs: in the download, and
deleted with the account (other people's stay)."""

import pytest

from bifrost.core import privacy
from bifrost.core.models import Notification, NotificationPreference
from bifrost.core.notifications import services
from tests import factories

pytestmark = pytest.mark.django_db


def _setup(test_kind):
    user, other = factories.UserFactory(), factories.UserFactory()
    services.notify(
        kind=test_kind,
        recipients=[user, other],
        link="/programme/",
        cause="c1",
        title_template="Referatet af %(meeting)s er offentliggjort",
        context={"meeting": "Udviklingsmøde 2"},
    )
    NotificationPreference.objects.create(user=user, kind=test_kind, mode="off")
    NotificationPreference.objects.create(user=other, kind=test_kind, mode="immediate")
    return user, other


def test_the_download_holds_the_persons_notifications_and_settings(test_kind):
    user, _other = _setup(test_kind)
    section = privacy.collect(user)
    (row,) = section["notifications"]
    assert row["title"] == "Referatet af Udviklingsmøde 2 er offentliggjort"
    assert row["link"] == "/programme/"
    assert section["notification_settings"] == {test_kind: "off"}


def test_erase_deletes_them_and_leaves_other_peoples(test_kind):
    user, other = _setup(test_kind)
    privacy.erase(user)
    assert not Notification.objects.filter(recipient=user).exists()
    assert not NotificationPreference.objects.filter(user=user).exists()
    assert Notification.objects.filter(recipient=other).count() == 1
    assert NotificationPreference.objects.filter(user=other).count() == 1
