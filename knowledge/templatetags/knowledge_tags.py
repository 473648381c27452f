from django import template
from django.utils.safestring import mark_safe

from knowledge.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(value: str):
    """Markdown → sanitised HTML (the same cleaning as page bodies)."""
    return mark_safe(render_markdown(value or ""))  # noqa: S308 - nh3-cleaned
