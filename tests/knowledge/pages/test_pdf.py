"""A section as a PDF."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_section_pdf_download(client, method):
    response = client.get(reverse("knowledge:section_pdf", args=["cases"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "smv-brobygger-cases.pdf" in response["Content-Disposition"]


def test_pdf_of_an_empty_section_is_404(client):
    assert client.get(reverse("knowledge:section_pdf", args=["cases"])).status_code == 404
