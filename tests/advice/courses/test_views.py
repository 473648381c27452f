"""The course page: steps done and undone, the follow-up (sanitised Markdown), files
(type checked; download only for the parties and the provider), completion."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advice.models import CourseFile
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    provider = advice.ProviderFactory()
    advice.course_model(provider)
    return advice.accepted_request(provider=provider).course


def test_parties_and_provider_see_it_others_get_404(client, course):
    url = reverse("advice:course_detail", args=[course.pk])
    member = factories.advisor(organisation=course.request.provider.organisation)
    for user in (course.request.leader, course.request.representative, member):
        client.force_login(user)
        assert client.get(url).status_code == 200
    client.force_login(factories.UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(factories.advisor())
    assert client.get(url).status_code == 404


def test_facilitators_read_but_cannot_change(client, english, course):
    client.force_login(factories.facilitator())
    page = client.get(reverse("advice:course_detail", args=[course.pk]))
    assert page.status_code == 200 and b"Mark done" not in page.content
    step = course.steps.first()
    assert client.post(reverse("advice:course_step_toggle", args=[step.pk])).status_code == 404


def test_toggle_a_step(client, course):
    client.force_login(course.request.leader)
    step = course.steps.first()
    url = reverse("advice:course_step_toggle", args=[step.pk])
    client.post(url)
    step.refresh_from_db()
    assert step.done_at is not None
    client.post(url)
    step.refresh_from_db()
    assert step.done_at is None


def test_the_follow_up_is_sanitised_markdown(client, course):
    client.force_login(course.request.representative)
    url = reverse("advice:course_follow_up", args=[course.pk])
    client.post(url, {"text": "**Møde** i MED <script>alert(1)</script>"})
    page = client.get(reverse("advice:course_detail", args=[course.pk]))
    assert b"<strong>M" in page.content and b"<script>alert" not in page.content


def test_files_are_checked_and_served_to_the_parties_only(client, english, course):
    client.force_login(course.request.leader)
    upload = reverse("advice:course_file_upload", args=[course.pk])
    bad = client.post(upload, {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 400 and not CourseFile.objects.exists()
    fake = client.post(upload, {"file": SimpleUploadedFile("x.pdf", b"MZ not a pdf")})
    assert fake.status_code == 400
    ok = client.post(upload, {"file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")})
    assert ok.status_code == 302
    item = CourseFile.objects.get()
    download = reverse("advice:course_file_download", args=[item.pk])
    response = client.get(download)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    client.force_login(factories.facilitator())
    assert client.get(download).status_code == 404


def test_completing_needs_the_tick(client, course):
    client.force_login(course.request.leader)
    url = reverse("advice:course_complete", args=[course.pk])
    client.post(url)
    course.refresh_from_db()
    assert course.completed_at is None
    client.post(url, {"confirm": "yes"})
    course.refresh_from_db()
    assert course.completed_at is not None
