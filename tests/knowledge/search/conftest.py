import pytest


@pytest.fixture
def corpus(make_page):
    return {
        "fravaer": make_page(
            slug="fravaer",
            title="Når en medarbejder er væk",
            body="Et langt sygefravær kræver tidlig og støttende kontakt.",
        ),
        "raadgiver_title": make_page(
            slug="raadgiver-titel",
            title="Rådgiver i små virksomheder",
            body="Om samarbejdet mellem virksomhed og konsulent.",
        ),
        "raadgiver_body": make_page(
            slug="raadgiver-tekst",
            title="Samarbejde om trivsel",
            body="Her møder ejerlederen en rådgiver fra en rådgiverenhed.",
        ),
        "unrelated": make_page(
            slug="andet", title="Mødeplan", body="Frokost og kaffe klokken tolv."
        ),
        "draft": make_page(
            slug="kladde",
            title="Kladde om sygefravær",
            body="Sygefravær i en kladde",
            publish=False,
        ),
    }
