"""Writes about organisations."""

from django.db import transaction

from bifrost.accounts.models import Organisation


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    cvr: str = "",
    industry: str = "",
    size_band: str = "",
    region: str = "",
) -> Organisation:
    organisation = Organisation(
        name=name, kind=kind, cvr=cvr, industry=industry, size_band=size_band, region=region
    )
    organisation.full_clean()
    organisation.save()
    return organisation
