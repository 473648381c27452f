"""The agenda builder: items by duration or by start and end, files (type, size,
private download, removal), moving and reordering."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bifrost.core.uploads import MAX_UPLOAD_BYTES as MAX_MATERIAL_BYTES
from programme.agenda import services
from programme.models import AgendaItem

pytestmark = pytest.mark.django_db


def test_agenda_item_with_wrong_file_type_or_too_big_is_refused(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("programme:agenda_item_create", args=[meeting.pk])
    base = {"title": "Oplæg med slides", "kind": "presentation", "duration_minutes": "30"}
    program = SimpleUploadedFile(
        "virus.exe", b"MZ\x90\x00", content_type="application/octet-stream"
    )
    response = client.post(url, {**base, "material": program})
    assert "material" in response.context["form"].errors
    assert 'value="Oplæg med slides"' in response.text
    renamed = SimpleUploadedFile(
        "slides.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    assert "material" in client.post(url, {**base, "material": renamed}).context["form"].errors
    big = SimpleUploadedFile(
        "stor.pdf", b"%PDF" + b"0" * MAX_MATERIAL_BYTES, content_type="application/pdf"
    )
    assert "material" in client.post(url, {**base, "material": big}).context["form"].errors
    good = SimpleUploadedFile("slides.pdf", b"%PDF-1.7 ok", content_type="application/pdf")
    assert client.post(url, {**base, "material": good}).status_code == 302
    assert AgendaItem.objects.filter(meeting=meeting, title="Oplæg med slides").count() == 1


def test_zero_minute_item_gets_a_message(client, facilitator, meeting):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:agenda_item_create", args=[meeting.pk]),
        {"title": "Ingenting", "kind": "other", "duration_minutes": "0"},
    )
    assert "duration_minutes" in response.context["form"].errors


def test_move_and_reorder_through_the_views(client, facilitator, meeting):
    client.force_login(facilitator)
    items = list(meeting.agenda_items.order_by("position"))
    client.post(reverse("programme:agenda_item_move", args=[items[1].pk]), {"direction": "up"})
    assert meeting.agenda_items.order_by("position").first().pk == items[1].pk
    ids = [str(i.pk) for i in reversed(items)]
    response = client.post(
        reverse("programme:agenda_reorder", args=[meeting.pk]),
        {"item": ids},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert [
        str(pk) for pk in meeting.agenda_items.order_by("position").values_list("pk", flat=True)
    ] == ids


def test_agenda_material_is_served_only_to_participants(
    client, facilitator, meeting, owner, outsider
):
    item = meeting.agenda_items.first()
    services.agenda_item_save(
        meeting=meeting,
        item=item,
        material=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 hemmelig plan"),
    )
    url = reverse("programme:agenda_item_material", args=[item.pk])
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 hemmelig plan"
    assert "no-store" in response["Cache-Control"]
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # The upload folder is not exposed as static media.
    assert client.get("/media/" + item.material.name).status_code == 404


def test_agenda_item_by_start_and_end(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("programme:agenda_item_create", args=[meeting.pk])
    response = client.post(
        url,
        {"title": "Frokost", "kind": "break", "fixed_start": "12:00", "end_time": "11:30"},
    )
    assert response.status_code == 200
    assert "end_time" in response.context["form"].errors
    assert 'value="Frokost"' in response.text
    assert (
        "fixed_start"
        in client.post(url, {"title": "Uden start", "kind": "break", "end_time": "11:30"})
        .context["form"]
        .errors
    )
    assert (
        "duration_minutes"
        in client.post(url, {"title": "Uden tid", "kind": "break"}).context["form"].errors
    )
    ok = client.post(
        url, {"title": "Frokost", "kind": "break", "fixed_start": "12:00", "end_time": "12:25"}
    )
    assert ok.status_code == 302
    assert AgendaItem.objects.get(meeting=meeting, title="Frokost").duration_minutes == 25


def test_missing_material_file_is_404_not_500(client, facilitator, meeting):
    item = meeting.agenda_items.first()
    AgendaItem.objects.filter(pk=item.pk).update(material="agenda/2027/gone.pdf")
    client.force_login(facilitator)
    assert client.get(reverse("programme:agenda_item_material", args=[item.pk])).status_code == 404


def test_removing_an_item_removes_its_file(
    client, facilitator, meeting, django_capture_on_commit_callbacks
):
    item = meeting.agenda_items.first()
    services.agenda_item_save(
        meeting=meeting, item=item, material=SimpleUploadedFile("x.pdf", b"%PDF-1.7")
    )
    name = item.material.name
    assert default_storage.exists(name)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programme:agenda_item_delete", args=[item.pk]))
    assert not default_storage.exists(name)


def test_clearing_or_replacing_the_material_through_the_form_removes_the_old_file(
    client, facilitator, meeting, django_capture_on_commit_callbacks
):
    """Ticking the file field's "clear" box gave the service False, which it set on the
    model as is: a 500 (found by tests/security/test_form_fuzz.py). And the form has
    put its value on the item before the service runs, so the old file's name is read
    from the database: a replaced or cleared file is removed, not left behind."""
    item = meeting.agenda_items.first()
    services.agenda_item_save(
        meeting=meeting, item=item, material=SimpleUploadedFile("x.pdf", b"%PDF-1.7")
    )
    first = item.material.name
    client.force_login(facilitator)
    url = reverse("programme:agenda_item_edit", args=[item.pk])
    data = {"title": item.title, "kind": item.kind, "duration_minutes": "30"}
    new = SimpleUploadedFile("ny.pdf", b"%PDF-1.7 ny", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {**data, "material": new}).status_code == 302
    item.refresh_from_db()
    second = item.material.name
    assert second != first and default_storage.exists(second)
    assert not default_storage.exists(first)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {**data, "material-clear": "on"}).status_code == 302
    item.refresh_from_db()
    assert not item.material
    assert not default_storage.exists(second)
