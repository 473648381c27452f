import pytest


@pytest.fixture
def method(make_page):
    """A small knowledge base: principles, a phase, roles and a case linking them."""
    principle = make_page(
        slug="tidlig-kontakt",
        title="Tidlig, støttende kontakt",
        section="forebyg-sygefravaer",
        kind="principle",
        order=5,
        summary="Tag kontakt tidligt.",
        fields={"smv_attention": "I en lille virksomhed kender alle hinanden."},
    )
    phase = make_page(
        slug="vejen-ind",
        title="Vejen ind",
        section="brobyggerfaser",
        kind="phase",
        fields={"attention_points": ["Lyt først", "Tal med flere"], "quote": "Vi lyttede."},
    )
    roles = [
        make_page(
            slug=f"rolle-{n}",
            title=f"Rolle {n}",
            section="raadgiverrollen",
            kind="advisor_role",
            order=n,
            fields={"focus": f"Fokus {n}", "energy": "E", "smv_gets": "S", "relation": "R"},
        )
        for n in range(1, 5)
    ]
    case = make_page(
        slug="lokalavisen",
        title="Lokalavisen",
        section="cases",
        kind="case",
        fields={
            "company": "Lokalavisen (fiktiv)",
            "challenge": "Travlhed",
            "initiative": "Møder → bedre overblik",
            "knowledge_tools": "Stresstrappen",
            "references": ["Forfatter (2016): En bog"],
        },
        related=[principle, phase],
    )
    return {"principle": principle, "phase": phase, "roles": roles, "case": case}
