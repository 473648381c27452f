from django import forms
from django.core.exceptions import ValidationError

from bifrost.shortcuts import add_errors


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
