"""`{{ entry.author|person }}`: a person's name, or "Former user" once the account is gone."""

from django import template

from bifrost.core.people import display_name

register = template.Library()


@register.filter
def person(user) -> str:
    return display_name(user)
