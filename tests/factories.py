"""factory_boy factories shared by the whole suite."""

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from bifrost.accounts.models import Invitation, Membership, Organisation, Role, User
from bifrost.accounts.validators import cvr_checksum_ok

PASSWORD = "correct-horse-battery"


def _valid_cvr(n: int) -> str:
    """The n-th valid CVR number from 20000000 upwards (deterministic, unique)."""
    candidate = 20000000 + n * 97
    while not cvr_checksum_ok(str(candidate)):
        candidate += 1
    return str(candidate)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    full_name = factory.Faker("name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        # Login requires a verified address (ACCOUNT_EMAIL_VERIFICATION = mandatory).
        if create and extracted is not False:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testvirksomhed {n} ApS")
    kind = Organisation.Kind.COMPANY
    cvr = factory.Sequence(_valid_cvr)
    industry = Organisation.Industry.MEDIA
    size_band = Organisation.SizeBand.SMALL
    region = Organisation.Region.HOVEDSTADEN


class AdvisoryUnitFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Rådgiverenhed {n}")
    kind = Organisation.Kind.ADVISORY_UNIT
    cvr = ""
    industry = ""
    size_band = ""
    region = ""


class FacilitatorOrgFactory(AdvisoryUnitFactory):
    name = factory.Sequence(lambda n: f"Facilitatorteam {n}")
    kind = Organisation.Kind.FACILITATOR_ORG


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.SMV_OWNER


def smv_owner(**kwargs) -> User:
    return MembershipFactory(role=Role.SMV_OWNER, **kwargs).user


def advisor(**kwargs) -> User:
    kwargs.setdefault("organisation", AdvisoryUnitFactory())
    return MembershipFactory(role=Role.ADVISOR, **kwargs).user


def facilitator(**kwargs) -> User:
    kwargs.setdefault("organisation", FacilitatorOrgFactory())
    return MembershipFactory(role=Role.FACILITATOR, **kwargs).user


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.test")
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.SMV_OWNER
    token_hash = factory.Sequence(lambda n: f"{n:064d}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))
