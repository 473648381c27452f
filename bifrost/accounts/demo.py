"""Demo organisations and people for `manage.py demo_data` (never in production)."""

from bifrost.accounts.models import Organisation, Role
from bifrost.accounts.services import user_create_with_role

DEMO_PASSWORD = "bifrost-demo"  # noqa: S105 - printed by `make run`, demo only

# Invented companies; CVR numbers pass the modulus-11 check but are made up.
DEMO_COMPANIES = [
    ("Sparekassen Solsikke (demo)", "11234569", "finance", "10-49", "midtjylland", "Birte Bjælke"),
    ("Andelskassen Nordlys (demo)", "12469136", "finance", "50-249", "nordjylland", "Hans Hø"),
    ("Ugeavisen Vindrosen (demo)", "13703701", "media", "10-49", "syddanmark", "Lone Lupin"),
    ("Forlaget Blækhuset (demo)", "14938273", "media", "1-9", "hovedstaden", "Kasper Krat"),
    ("Bureau Budbringer (demo)", "16172839", "communication", "10-49", "hovedstaden", "Mette Mos"),
    (
        "Kommunikationshuset Klokken (demo)",
        "17407406",
        "communication",
        "1-9",
        "sjaelland",
        "Jens Jasmin",
    ),
]
DEMO_ADVISORS = [
    ("Arbejdsmiljørådgivning Ask (demo)", "Anna Ask"),
    ("Rådgiverhuset Bøg (demo)", "Bo Bøg"),
    ("Trivselsrådgivning Eg (demo)", "Eva Eg"),
    ("Rådgivningsenheden Elm (demo)", "Emil Elm"),
    ("Arbejdsmiljøpartner Lind (demo)", "Lise Lind"),
    ("Rådgiverteamet Pil (demo)", "Peter Pil"),
]
FACILITATOR_ORG = "BIFROST facilitatorteam (demo)"


def demo_logins() -> list[str]:
    return (
        ["facilitator@bifrost.example"]
        + [f"smv{i}@bifrost.example" for i in range(1, 7)]
        + [f"advisor{i}@bifrost.example" for i in range(1, 7)]
    )


def _organisation(name: str, kind: str, **fields) -> Organisation:
    organisation, _created = Organisation.objects.update_or_create(
        name=name, defaults={"kind": kind, **fields}
    )
    return organisation


def load(stdout=None, today=None) -> None:
    """Fictional organisations and people; safe to run again."""
    facilitators = _organisation(FACILITATOR_ORG, Organisation.Kind.FACILITATOR_ORG)
    user_create_with_role(
        email="facilitator@bifrost.example",
        password=DEMO_PASSWORD,
        full_name="Frida Facilitator",
        organisation=facilitators,
        role=Role.FACILITATOR,
    )
    for number, (name, cvr, industry, size, region, owner) in enumerate(DEMO_COMPANIES, 1):
        company = _organisation(
            name,
            Organisation.Kind.COMPANY,
            cvr=cvr,
            industry=industry,
            size_band=size,
            region=region,
        )
        user_create_with_role(
            email=f"smv{number}@bifrost.example",
            password=DEMO_PASSWORD,
            full_name=owner,
            organisation=company,
            role=Role.SMV_OWNER,
        )
    for number, (unit_name, advisor) in enumerate(DEMO_ADVISORS, 1):
        unit = _organisation(unit_name, Organisation.Kind.ADVISORY_UNIT)
        user_create_with_role(
            email=f"advisor{number}@bifrost.example",
            password=DEMO_PASSWORD,
            full_name=advisor,
            organisation=unit,
            role=Role.ADVISOR,
        )
