"""The logbook's notifications: an advisor who loses access hears of it. Called by
`logbook.logbooks.services.consent_update`. Nothing about why, nothing from the logbook."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from logbook.logbooks.selectors import advisor_of
from logbook.models import Logbook

ADVISOR_ACCESS_WITHDRAWN = "logbook_advisor_access_withdrawn"


def advisor_access_withdrawn(*, logbook: Logbook) -> None:
    advisor = advisor_of(logbook)
    if advisor is None:
        return
    notify(
        kind=ADVISOR_ACCESS_WITHDRAWN,
        recipients=[advisor],
        link=reverse("matching:landing"),
        # One per withdrawal: consent given again and withdrawn again tells again.
        cause=f"consent-withdrawn:{logbook.pk}:{logbook.consent_updated_at:%Y%m%dT%H%M%S.%f}",
        title_template=_("%(company)s no longer shares its logbook in %(programme)s with you"),
        context={"company": logbook.company.name, "programme": logbook.programme.name},
    )
