"""Two of the seven principles, two phases and a published recommendation with its
provenance, made through the publishing workflow."""

import pytest

from knowledge.models import Provenance


@pytest.fixture
def anchors(make_page):
    return {
        "p1": make_page(
            slug="arbejdspladsens-engagement",
            title="Arbejdspladsens engagement",
            section="forebyg-sygefravaer",
            kind="principle",
            order=1,
        ),
        "p5": make_page(
            slug="tidlig-stoettende-kontakt",
            title="Tidlig, støttende kontakt",
            section="forebyg-sygefravaer",
            kind="principle",
            order=5,
        ),
        "way_in": make_page(
            slug="vejen-ind", title="Vejen ind", section="brobyggerfaser", kind="phase", order=1
        ),
        "handover": make_page(
            slug="overdragelse-af-engagement",
            title="Overdragelse af engagement",
            section="brobyggerfaser",
            kind="phase",
            order=3,
        ),
    }


@pytest.fixture
def make_recommendation(make_page):
    def make(slug, title, *, related=(), kind="recommendation", publish=True, companies=3):
        page = make_page(
            slug=slug,
            title=title,
            section="anbefalinger",
            kind=kind,
            body=f"{title}. Sådan gjorde vi.",
            related=list(related),
            publish=publish,
        )
        Provenance.objects.create(
            page=page,
            source=kind,
            source_key=f"test:{slug}",
            programme_name="BIFROST 2027",
            meeting_number=5 if kind == "recommendation" else 6,
            meeting_title="Udviklingsmøde 5",
            companies=companies,
            advisors=2,
        )
        return page

    return make
