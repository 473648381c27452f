"""The site layout's header and footer, rendered once per process for each shape they
can take and filled in per request.

Every page renders the same header: navigation links (a dozen `{% url %}` tags), the
language switcher and the bell. What it shows depends on a handful of facts — the
language, whether someone is signed in, their roles, whether they edit knowledge
pages, the current section, whether there are 0, 1 or more unread notifications —
plus three values that differ per request: the unread number, the CSRF token and the
current path (the language switcher's "next"). The header is rendered from
`partials/header.html` with placeholders for those three, kept per shape, and the
request's values are put in. Nothing of a person is kept: the shape's key holds
only the facts above. With DEBUG on (templates edited while the site runs) it
renders every time.
"""

from collections import OrderedDict
from threading import Lock
from types import SimpleNamespace
from typing import Any

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Placeholders no rendering of the header can produce by itself.
_PATH = "bifrost-layout-path-placeholder"
_CSRF = "bifrostlayoutcsrfplaceholder"
_MANY = 987654321  # "more than one" unread: the plural form, then the real number

_MAX_SHAPES = 512
_shapes: "OrderedDict[tuple, str]" = OrderedDict()
_lock = Lock()


def _remembered(key: tuple, render) -> str:
    if settings.DEBUG:
        return render()
    with _lock:
        html = _shapes.get(key)
        if html is not None:
            _shapes.move_to_end(key)
            return html
    html = render()
    with _lock:
        _shapes[key] = html
        while len(_shapes) > _MAX_SHAPES:
            _shapes.popitem(last=False)
    return html


def _header_facts(context) -> dict[str, Any]:
    user = context.get("user")
    signed_in = bool(getattr(user, "is_authenticated", False))
    facts: dict[str, Any] = {
        "signed_in": signed_in,
        "nav_section": context.get("nav_section") or "",
        "error_page": bool(context.get("error_page")),
        "has_request": context.get("request") is not None,
    }
    if signed_in:
        unread = (context.get("notifications_unread") or 0) + 0  # a lazy object has no int()
        facts.update(
            nav_roles=frozenset(context.get("nav_roles") or ()),
            nav_is_facilitator=bool(context.get("nav_is_facilitator")),
            nav_is_advisor=bool(context.get("nav_is_advisor")),
            nav_is_smv_owner=bool(context.get("nav_is_smv_owner")),
            nav_is_knowledge_editor=bool(context.get("nav_is_knowledge_editor")),
            unread=unread,
            unread_shape=min(unread, 2),
        )
    return facts


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    """`{% include "partials/header.html" %}`, with the same output, cheaper."""
    facts = _header_facts(context)
    unread = facts.pop("unread", 0)
    key = ("header", translation.get_language(), *sorted(facts.items()))

    def render() -> str:
        shape: dict[str, Any] = {
            name: value
            for name, value in facts.items()
            if name.startswith("nav_") or name == "error_page"
        }
        shape["user"] = SimpleNamespace(is_authenticated=facts["signed_in"])
        if facts["has_request"]:
            shape["request"] = SimpleNamespace(get_full_path=lambda: _PATH)
        if facts["signed_in"]:
            shape["csrf_token"] = _CSRF
            shape["notifications_unread"] = _MANY if facts["unread_shape"] == 2 else unread
        return get_template("partials/header.html").render(shape)

    html = _remembered(key, render)
    request = context.get("request")
    if request is not None:
        html = html.replace(_PATH, escape(request.get_full_path()))
    if facts["signed_in"]:
        html = html.replace(_CSRF, str(context.get("csrf_token", "")))
        if facts["unread_shape"] == 2:
            html = html.replace(localize(_MANY), localize(unread))
    return mark_safe(html)  # noqa: S308 - the template's own escaped output, escaped values put in


@register.simple_tag
def site_footer() -> SafeString:
    """`{% include "partials/footer.html" %}`: the same for everyone in a language."""
    html = _remembered(
        ("footer", translation.get_language()),
        lambda: get_template("partials/footer.html").render({}),
    )
    return mark_safe(html)  # noqa: S308 - the template's own output
