"""`{{ form|crispy_blank }}` and `{{ form.field|crispy_blank_field }}`: crispy's
`|crispy` and `|as_crispy_field`, with a blank form's HTML rendered once
(`bifrost.core.blank_forms`)."""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import template

from bifrost.core import blank_forms

register = template.Library()


@register.filter
def crispy_blank(form):
    return blank_forms.render_form(form, as_crispy_form)


@register.filter
def crispy_blank_field(field):
    return blank_forms.render_field(field, as_crispy_field)
