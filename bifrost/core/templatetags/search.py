"""Marks on the words a search asked for, in any inflection (`bifrost.core.search.danish`).

`{{ text|search_highlight:query }}` is the whole text, `{{ text|search_headline:query }}`
the pieces around the matches; both HTML-escape the text, only `<mark>` is markup.
The same on either database, as they read the text the page already has.
"""

from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from bifrost.core.search import danish

register = template.Library()


@lru_cache(maxsize=256)
def _wanted(query: str) -> frozenset[str]:
    return danish.parse_query(query).lexemes


@register.filter
def search_highlight(text, query: str = "") -> SafeString:
    text = "" if text is None else str(text)
    return danish.highlight(text, _wanted(query)) if query else escape(text)


@register.filter
def search_headline(text, query: str = "") -> SafeString:
    text = "" if text is None else str(text)
    return danish.headline(text, _wanted(query)) if query else escape(text)
