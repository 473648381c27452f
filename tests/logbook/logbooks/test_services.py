"""A company's logbook: made once at enrolment (also for enrolments made before this
was so), its consent recorded, and a landing page that only reads."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from logbook.logbooks import services as logbook_services
from logbook.models import Logbook
from programme.models import Enrolment
from programme.programmes import services as programme_services
from tests import factories

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def test_logbook_ensure_creates_once_with_default_consent(programme, company):
    first = logbook_services.logbook_ensure(programme=programme, company=company)
    second = logbook_services.logbook_ensure(programme=programme, company=company)
    assert first.pk == second.pk
    assert Logbook.objects.count() == 1
    assert first.share_with_advisor is True
    assert first.share_with_researchers is False


def test_consent_update_records_who_and_when(logbook, owner):
    logbook_services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=True
    )
    logbook.refresh_from_db()
    assert logbook.share_with_advisor is False
    assert logbook.share_with_researchers is True
    assert logbook.consent_updated_by == owner
    assert logbook.consent_updated_at is not None


def test_enrolling_a_company_creates_its_logbook_with_the_default_consent(programme):
    company = factories.OrganisationFactory()
    programme_services.enrolment_add(programme=programme, organisation=company)
    logbook = Logbook.objects.get(programme=programme, company=company)
    assert logbook.share_with_advisor is True
    assert logbook.share_with_researchers is False


def test_enrolling_an_advisory_unit_creates_no_logbook(programme):
    unit = factories.AdvisoryUnitFactory()
    programme_services.enrolment_add(programme=programme, organisation=unit)
    assert not Logbook.objects.exists()


def test_re_enrolling_keeps_the_one_logbook(programme, company):
    logbook = Logbook.objects.get(programme=programme, company=company)
    enrolment = Enrolment.objects.get(programme=programme, organisation=company)
    programme_services.enrolment_end(enrolment=enrolment)
    programme_services.enrolment_add(programme=programme, organisation=company)
    assert list(Logbook.objects.values_list("pk", flat=True)) == [logbook.pk]


def test_an_enrolment_saved_as_already_ended_creates_no_logbook(programme):
    company = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=company, left_at=timezone.now())
    assert not Logbook.objects.exists()


def _enrol_without_signals(programme, organisation):
    """An enrolment as it was before logbooks were made at enrolment (no logbook)."""
    Enrolment.objects.bulk_create([Enrolment(programme=programme, organisation=organisation)])


def test_the_landing_page_writes_nothing(client, programme):
    company = factories.OrganisationFactory()
    _enrol_without_signals(programme, company)
    client.force_login(factories.smv_owner(organisation=company))
    client.get(reverse("logbook:landing"))  # warm up the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("logbook:landing"))
    assert response.status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().startswith(WRITES)]
    assert writes == []
    assert not Logbook.objects.exists()


def test_the_migration_creates_the_missing_logbooks_once(programme, company):
    migration = importlib.import_module("logbook.migrations.0004_logbooks_for_enrolments")
    missing = factories.OrganisationFactory()
    _enrol_without_signals(programme, missing)
    left = factories.OrganisationFactory()
    Enrolment.objects.bulk_create(
        [Enrolment(programme=programme, organisation=left, left_at=timezone.now())]
    )
    _enrol_without_signals(programme, factories.AdvisoryUnitFactory())
    migration.create_missing_logbooks(apps, None)
    migration.create_missing_logbooks(apps, None)
    assert sorted(Logbook.objects.values_list("company_id", flat=True)) == sorted(
        [company.pk, missing.pk]
    )
