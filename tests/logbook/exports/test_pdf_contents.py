"""The logbook PDF's table of contents: each entry's row ends with the number of the
page its heading is on (laid out by WeasyPrint, read from the boxes)."""

import pytest

from logbook.exports import pdf
from logbook.models import LogbookExport

pytestmark = pytest.mark.django_db


def _texts(box):
    """The text boxes under a laid-out box, in order. An absolutely positioned box (the
    contents' page numbers) sits in a placeholder that `descendants()` does not enter."""
    from weasyprint.formatting_structure import boxes

    box = getattr(box, "_box", box)
    if isinstance(box, boxes.TextBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from _texts(child)


def test_the_contents_give_each_entry_the_page_it_is_on(logbook, owner, entries):
    """Each entry's row in the table of contents ends with the number of the page its
    heading is on: the number is on the row's line, at its right edge."""
    export = LogbookExport.objects.create(logbook=logbook, version="t" * 64, requested_by=owner)
    document = pdf.render_document(export, progress=False)
    page_of = {
        name: number for number, page in enumerate(document.pages, 1) for name in page.anchors
    }
    contents = list(_texts(document.pages[1]._page_box))
    for entry in entries:
        (row,) = [box for box in contents if box.text.endswith(entry.title)]
        on_its_line = [
            box
            for box in contents
            if box.position_y == row.position_y and box.position_x > row.position_x + row.width
        ]
        last = max(on_its_line, key=lambda box: box.position_x)
        assert last.text == str(page_of[f"entry-{entry.pk}"])
        assert last.position_x + last.width > document.pages[1].width * 0.8
    # The three kinds are three groups, each starting on its own page.
    assert len({page_of[f"entry-{entry.pk}"] for entry in entries}) == 3
