"""Entry reads shared with other pages: the advisor dashboard's column."""

from datetime import timedelta

from django.utils import timezone

from logbook.logbooks import services as logbook_services
from logbook.models import Entry
from tests.logbook.factories import EntryFactory


def _column():
    from matching.cases import dashboard

    return next(c for c in dashboard.columns() if c.key == "logbook_entries")


def test_dashboard_column_counts_entries_since_the_last_started_meeting(
    programme, company, unit, enrolled_advisor, logbook, django_assert_max_num_queries
):
    from matching.models import Case
    from tests import factories
    from tests.matching.factories import CaseFactory

    now = timezone.now()
    first = programme.meetings.get(number=1)
    first.starts_at = now - timedelta(days=3)
    first.ends_at = first.starts_at + timedelta(hours=3)
    first.save()
    programme.meetings.filter(number__gte=2).update(starts_at=now + timedelta(days=30))
    case = CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    before = EntryFactory(logbook=logbook)
    Entry.objects.filter(pk=before.pk).update(created_at=now - timedelta(days=5))
    EntryFactory.create_batch(2, logbook=logbook)
    EntryFactory(logbook=logbook, deleted_at=now)

    # Another company that does not share its logbook, and one without a logbook.
    hidden_company = factories.OrganisationFactory()
    hidden = CaseFactory(
        programme=programme, company=hidden_company, advisor=enrolled_advisor, unit=unit
    )
    logbook_services.consent_update(
        logbook=logbook_services.logbook_ensure(programme=programme, company=hidden_company),
        by=factories.smv_owner(organisation=hidden_company),
        share_with_advisor=False,
        share_with_researchers=False,
    )
    empty = CaseFactory(
        programme=programme,
        company=factories.OrganisationFactory(),
        advisor=enrolled_advisor,
        unit=unit,
    )
    cases = list(Case.objects.filter(pk__in=[case.pk, hidden.pk, empty.pk]))
    with django_assert_max_num_queries(3):
        values = _column().compute(cases)
    assert values == {case.pk: 2, hidden.pk: None, empty.pk: 0}
    assert str(_column().label)


def test_dashboard_column_counts_since_programme_start_before_any_meeting(
    programme, company, unit, enrolled_advisor, logbook
):
    from tests.matching.factories import CaseFactory

    programme.meetings.update(starts_at=timezone.now() + timedelta(days=10))
    type(programme).objects.filter(pk=programme.pk).update(
        starts_on=timezone.localdate() - timedelta(days=10)
    )
    programme.refresh_from_db()
    case = CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    EntryFactory.create_batch(3, logbook=logbook)
    assert _column().compute([case]) == {case.pk: 3}
    assert _column().compute([]) == {}


def test_for_facilitators_the_column_honours_research_consent_not_the_advisors(
    programme, company, unit, enrolled_advisor, logbook
):
    """Facilitators read the programme's case table as researchers: a logbook kept from
    the researchers shows no count there, though its advisor still sees one."""
    from matching.cases.dashboard import ADVISOR, RESEARCHER
    from tests.matching.factories import CaseFactory

    type(programme).objects.filter(pk=programme.pk).update(
        starts_on=timezone.localdate() - timedelta(days=10)
    )
    programme.meetings.update(starts_at=timezone.now() + timedelta(days=10))
    case = CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    EntryFactory.create_batch(2, logbook=logbook)
    type(logbook).objects.filter(pk=logbook.pk).update(
        share_with_advisor=True, share_with_researchers=False
    )
    assert _column().compute([case], reader=ADVISOR) == {case.pk: 2}
    assert _column().compute([case], reader=RESEARCHER) == {case.pk: None}
    type(logbook).objects.filter(pk=logbook.pk).update(share_with_researchers=True)
    assert _column().compute([case], reader=RESEARCHER) == {case.pk: 2}
