"""Who may see an organisation is one rule: the list and the detail check agree."""

import pytest
from django.contrib.auth.models import AnonymousUser

from bifrost.accounts.models import Organisation
from bifrost.accounts.organisations.rules import visible_organisations
from tests import factories

pytestmark = pytest.mark.django_db


def _visible(user) -> set[int]:
    return set(visible_organisations(user, Organisation.objects.all()).values_list("pk", flat=True))


def test_facilitators_see_every_organisation(facilitator):
    factories.OrganisationFactory.create_batch(2)
    factories.AdvisoryUnitFactory()
    every = set(Organisation.objects.values_list("pk", flat=True))
    assert _visible(facilitator) == every
    assert all(
        facilitator.has_perm("accounts.view_organisation", o) for o in Organisation.objects.all()
    )


@pytest.mark.parametrize("make_user", [factories.smv_owner, factories.advisor])
def test_others_see_only_their_own_and_the_check_says_the_same(make_user):
    user = make_user()
    own = user.memberships.get().organisation
    other = factories.OrganisationFactory()
    assert _visible(user) == {own.pk}
    assert user.has_perm("accounts.view_organisation", own)
    assert not user.has_perm("accounts.view_organisation", other)


def test_anonymous_and_role_less_people_see_none():
    organisation = factories.OrganisationFactory()
    nobody = factories.UserFactory()
    for user in (AnonymousUser(), nobody):
        assert _visible(user) == set()
        assert not user.has_perm("accounts.view_organisation", organisation)
