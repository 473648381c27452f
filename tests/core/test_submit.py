from django import forms
from django.core.exceptions import ValidationError

from bifrost.core.submit import add_errors


class _Form(forms.Form):
    title = forms.CharField()
    date = forms.DateField()


def test_service_errors_land_on_fields_or_at_the_top_never_raise():
    form = _Form(data={"title": "x", "date": "2027-05-01"})
    form.is_valid()
    add_errors(
        form,
        ValidationError(
            {"title": "Forkert titel", "kind": "Ukendt felt", "starts_at": "For tidligt"}
        ),
        field_map={"starts_at": "date"},
    )
    assert form.errors["title"] == ["Forkert titel"]
    assert form.errors["date"] == ["For tidligt"]
    assert form.non_field_errors() == ["Ukendt felt"]


def test_a_plain_service_error_goes_to_the_top():
    form = _Form(data={"title": "x", "date": "2027-05-01"})
    form.is_valid()
    add_errors(form, ValidationError("Noget gik galt"))
    assert form.non_field_errors() == ["Noget gik galt"]


class _Request:
    def __init__(self, method="POST"):
        self.method = method


def test_submit_runs_the_service_messages_and_redirects(rf):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from bifrost.core.submit import submit

    request = rf.post("/x/", {"title": "Ny", "date": "2027-05-01"})
    request.session = {}
    request._messages = FallbackStorage(request)
    form = _Form(data=request.POST)
    response = submit(
        request,
        form,
        lambda data: data["title"].upper(),
        success=lambda result: f"Gemt: {result}",
        redirect_to=lambda result: f"/done/{result}/",
    )
    assert response.status_code == 302
    assert response.url == "/done/NY/"
    assert [str(m) for m in request._messages] == ["Gemt: NY"]


def test_submit_keeps_the_form_and_its_input_when_the_service_refuses(rf):
    from bifrost.core.submit import submit

    request = rf.post("/x/", {"title": "Ny", "date": "2027-05-01"})
    form = _Form(data=request.POST)

    def refuse(data):
        raise ValidationError({"title": "Titlen findes allerede"})

    assert submit(request, form, refuse, success="Gemt", redirect_to="/") is None
    assert form.errors["title"] == ["Titlen findes allerede"]
    assert form.data["title"] == "Ny"


def test_submit_does_nothing_on_get_or_an_invalid_form(rf):
    from bifrost.core.submit import submit

    called = []
    request = rf.get("/x/")
    assert submit(request, _Form(), called.append, success="", redirect_to="/") is None
    request = rf.post("/x/", {"title": ""})
    form = _Form(data=request.POST)
    assert submit(request, form, called.append, success="", redirect_to="/") is None
    assert called == []
    assert "title" in form.errors
