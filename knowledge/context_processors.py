"""Template context the knowledge site adds to every page (the site's sections in
the navigation). It lives here so `bifrost` never imports `knowledge`."""

from knowledge.models import SECTION_ORDER


def sections(request) -> dict:
    return {"knowledge_sections": SECTION_ORDER}
