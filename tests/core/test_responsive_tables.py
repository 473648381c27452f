"""Every table in the site's templates sits in a scroll container of its own
(`<div class="table-responsive">`, made safe for phones in static/css/site.css),
so a wide table scrolls inside itself and never pushes a page sideways on a
390 px screen. E-mail and PDF templates are not shown on a screen and are left out.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"

TABLE = re.compile(r"<table\b")
# The opening tag of the container, then only whitespace before the table.
CONTAINER_BEFORE = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\btable-responsive\b[^\"]*\"[^>]*>\s*$")


def _screen_templates() -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if "email" not in path.parts and "pdf" not in path.name
    ]


def test_every_table_sits_in_its_own_scroll_container():
    bare = []
    for path in _screen_templates():
        text = path.read_text(encoding="utf-8")
        for match in TABLE.finditer(text):
            if not CONTAINER_BEFORE.search(text[: match.start()]):
                line = text.count("\n", 0, match.start()) + 1
                bare.append(f"{path.relative_to(ROOT)}:{line}")
    assert not bare, (
        'wrap these tables in <div class="table-responsive"> (and give the table '
        "the class table-actions when its last column holds the row's buttons):\n" + "\n".join(bare)
    )


def test_the_check_finds_a_bare_table():
    """The pattern tells a wrapped table from a bare one (so the test above can fail)."""
    wrapped = '<div class="table-responsive">\n  <table class="table">'
    bare = '<section>\n  <table class="table">'
    assert CONTAINER_BEFORE.search(wrapped[: wrapped.index("<table")])
    assert not CONTAINER_BEFORE.search(bare[: bare.index("<table")])
