"""A finished logbook PDF tells the person who asked for it, once per build: a
duplicate task that finds it done tells no one again."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification
from logbook.exports import pdf
from logbook.models import LogbookExport

pytestmark = pytest.mark.django_db


def test_the_requester_is_told_once_when_the_pdf_is_ready(logbook, owner, monkeypatch):
    monkeypatch.setattr(pdf, "render_pdf", lambda export: (b"%PDF-1.4 x", 1))
    export = LogbookExport.objects.create(logbook=logbook, version="n" * 64, requested_by=owner)
    assert pdf.LOGBOOK_PDF.build(export.pk) == LogbookExport.Status.DONE
    assert pdf.LOGBOOK_PDF.build(export.pk) == LogbookExport.Status.DONE  # a retried task
    (row,) = Notification.objects.filter(kind="logbook_export_ready")
    assert row.recipient == owner
    assert row.link == reverse("logbook:export", args=[logbook.pk])
    assert logbook.company.name in row.title


def test_a_failed_build_tells_no_one(logbook, owner, monkeypatch):
    def broken(export):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    export = LogbookExport.objects.create(logbook=logbook, version="f" * 64, requested_by=owner)
    with pytest.raises(RuntimeError):
        pdf.LOGBOOK_PDF.build(export.pk)
    assert not Notification.objects.exists()
