"""A blank form's crispy HTML is rendered once and reused; anything else is rendered."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms
from django.utils import translation

from bifrost.core import blank_forms
from bifrost.core.templatetags.blank_forms import crispy_blank, crispy_blank_field


class _Form(forms.Form):
    title = forms.CharField(label="Title", help_text="Short")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])


@pytest.fixture(autouse=True)
def _empty():
    blank_forms.forget()
    yield
    blank_forms.forget()


def _counting(render):
    calls = []

    def counted(form):
        calls.append(form)
        return render(form)

    return counted, calls


def test_a_blank_form_is_rendered_once_and_matches_crispy():
    render, calls = _counting(as_crispy_form)
    first = blank_forms.render_form(_Form(), render)
    second = blank_forms.render_form(_Form(), render)
    assert first == second == as_crispy_form(_Form())
    assert len(calls) == 1


def test_filters_render_like_crispy():
    assert crispy_blank(_Form()) == as_crispy_form(_Form())
    assert crispy_blank_field(_Form()["kind"]) == as_crispy_field(_Form()["kind"])


def test_bound_forms_and_typed_text_are_always_rendered():
    render, calls = _counting(as_crispy_form)
    for _ in range(2):
        html = blank_forms.render_form(_Form({"title": "mine", "kind": "x"}), render)
    assert "mine" in html and "is-invalid" in html
    for _ in range(2):
        blank_forms.render_form(_Form(initial={"title": "my own words"}), render)
    assert len(calls) == 4


def test_what_the_form_shows_is_part_of_the_key():
    other_initial = _Form(initial={"kind": "b"})
    other_choices = _Form()
    other_choices.fields["kind"].choices = [("c", "C")]
    other_label = _Form()
    other_label.fields["title"].label = "Heading"
    plain = blank_forms.render_form(_Form(), as_crispy_form)
    for form in (other_initial, other_choices, other_label):
        assert blank_forms.render_form(form, as_crispy_form) != plain
    assert 'value="b" selected' in blank_forms.render_form(
        _Form(initial={"kind": "b"}), as_crispy_form
    )


def test_each_language_has_its_own_html():
    class Translated(forms.Form):
        title = forms.CharField(label=translation.gettext_lazy("Title"))

    with translation.override("en"):
        english = blank_forms.render_form(Translated(), as_crispy_form)
    with translation.override("da"):
        danish = blank_forms.render_form(Translated(), as_crispy_form)
    assert "Title" in english
    assert "Titel" in danish
