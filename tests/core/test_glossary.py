"""Navigation and breadcrumbs call each page by the glossary's name (docs/glossary.md),
and the page they lead to carries that name in its title."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve, reverse

from tests.matching.factories import AdvisorProfileFactory

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"
pytestmark = pytest.mark.django_db


def glossary_pages() -> dict[str, list[tuple[str, str | None]]]:
    """url name -> [(Danish name, role or None)] from the table's last column."""
    pages: dict[str, list[tuple[str, str | None]]] = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Danish", "---"):
            continue
        for url_name, role in re.findall(r"`([\w:]+)`(?: \((\w+)\))?", cells[3]):
            pages.setdefault(url_name, []).append((cells[0], role or None))
    return pages


class _Links(HTMLParser):
    """(label, href) of the links in the main navigation and in breadcrumbs, and the title."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.title = ""
        self._depth = 0  # inside <nav aria-label=main> or <ol class=breadcrumb>
        self._stack: list[str] = []
        self._href: str | None = None
        self._text = ""
        self._in_title = False
        self._hidden: list[str] = []  # open aria-hidden elements (icons, badges)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._hidden or attrs.get("aria-hidden") == "true":
            self._hidden.append(tag)
        if tag == "title":
            self._in_title = True
        marks = (tag == "ul" and "navbar-nav" in (attrs.get("class") or "")) or (
            tag == "ol" and "breadcrumb" in (attrs.get("class") or "")
        )
        if marks or (self._depth and tag in ("ul", "ol")):
            self._stack.append(tag)
            self._depth += 1
        if self._depth and tag == "a":
            self._href, self._text = attrs.get("href"), ""

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden.pop()
        if tag == "title":
            self._in_title = False
        if tag == "a" and self._href is not None:
            self.links.append((" ".join(self._text.split()), self._href))
            self._href = None
        if self._depth and tag in ("ul", "ol") and self._stack:
            self._stack.pop()
            self._depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._href is not None and not self._hidden:
            self._text += data


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


@pytest.fixture
def pages_of_each_role(programme, facilitator, owner, enrolled_advisor, case, logbook, unit):
    AdvisorProfileFactory(unit=unit, advisor=enrolled_advisor, programme=programme)
    common = [reverse("dashboard"), reverse("logbook:landing")]
    logbook_pages = [
        reverse("logbook:detail", args=[logbook.pk]),
        reverse("logbook:change_logics", args=[logbook.pk]),
        reverse("logbook:entries_deleted", args=[logbook.pk]),
    ]
    case_page = reverse("matching:case_detail", args=[case.pk])
    return {
        "facilitator": (
            facilitator,
            [*common, reverse("matching:landing"), case_page]
            + [reverse("matching:programme_cases", args=[programme.pk])],
        ),
        "smv_owner": (
            owner,
            [*common, *logbook_pages, reverse("matching:landing"), case_page]
            + [reverse("matching:company_profile", args=[programme.pk, case.company_id])],
        ),
        "advisor": (
            enrolled_advisor,
            [*common, reverse("matching:landing"), reverse("matching:case_dashboard"), case_page]
            + [reverse("matching:advisor_profile", args=[programme.pk])],
        ),
    }


def test_the_glossary_names_the_pages_it_lists():
    pages = glossary_pages()
    assert pages["matching:case_dashboard"] == [("Mine sager", None)]
    assert ("Vores rådgiver", "smv_owner") in pages["matching:landing"]
    assert pages["logbook:landing"] == [("Logbog", None)]


def test_navigation_and_breadcrumbs_use_the_glossary_names(client, pages_of_each_role):
    """A link to a page the glossary lists is called by the glossary's name for that
    role, and the page it opens has that name in its title (no "Mine sager" that opens
    a page without cases, no "Logbøger" for the page called "Logbog")."""
    glossary = glossary_pages()
    checked = set()
    for role, (user, urls) in pages_of_each_role.items():
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            for label, href in _parse(response.text).links:
                try:
                    name = resolve(href.split("?")[0].split("#")[0]).view_name
                except Resolver404:
                    continue
                names = [term for term, only in glossary.get(name, []) if only in (None, role)]
                if not names:
                    continue
                assert any(label.startswith(term) for term in names), (role, url, label, name)
                if (role, href) not in checked:
                    checked.add((role, href))
                    title = _parse(client.get(href).text).title
                    assert label.split(" i ")[0].casefold() in title.casefold(), (role, href)
    # The check ran over the pages that had the wrong names before.
    assert {name for _role, href in checked for name in [resolve(href).view_name]} >= {
        "matching:landing",
        "matching:case_dashboard",
        "matching:programme_cases",
        "logbook:landing",
    }
