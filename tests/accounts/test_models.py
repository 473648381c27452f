import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from bifrost.accounts.models import Organisation, Role, User
from bifrost.accounts.organisations.services import organisation_create
from tests.factories import AdvisoryUnitFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_user_logs_in_with_email_and_it_is_case_insensitive_unique():
    User.objects.create_user("Anne@Example.test", "x" * 12)
    assert User.USERNAME_FIELD == "email"
    with pytest.raises(IntegrityError):
        User.objects.create(email="ANNE@example.test")


def test_company_needs_a_valid_cvr():
    with pytest.raises(ValidationError) as excinfo:
        organisation_create(name="Uden CVR", kind=Organisation.Kind.COMPANY, cvr="")
    assert "cvr" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        organisation_create(name="Forkert", kind=Organisation.Kind.COMPANY, cvr="11234568")
    company = organisation_create(name="Rigtig", kind=Organisation.Kind.COMPANY, cvr="11234569")
    assert company.pk


def test_database_refuses_a_company_without_cvr_even_past_validation():
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="X", kind=Organisation.Kind.COMPANY, cvr="")


def test_only_companies_have_cvr_numbers():
    with pytest.raises(ValidationError):
        organisation_create(name="Enhed", kind=Organisation.Kind.ADVISORY_UNIT, cvr="11234569")


def test_two_companies_cannot_share_a_cvr():
    OrganisationFactory(cvr="11234569")
    with pytest.raises(ValidationError):
        organisation_create(name="Kopi", kind=Organisation.Kind.COMPANY, cvr="11234569")


def test_membership_role_must_fit_the_kind_of_organisation():
    membership = MembershipFactory.build(
        user=MembershipFactory().user, organisation=AdvisoryUnitFactory(), role=Role.SMV_OWNER
    )
    with pytest.raises(ValidationError) as excinfo:
        membership.full_clean()
    assert "role" in excinfo.value.message_dict
