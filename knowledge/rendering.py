"""Markdown in, sanitised HTML out: no user HTML ever reaches a page or a PDF."""

import html
import re
import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em",
    "a", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_H1 = re.compile(r"<(/?)h1>")
# One converter per thread, reset before each text: building a `Markdown` with its
# extensions costs about as much as converting a short text, and a 500-entry logbook
# PDF renders 500 texts (0.8 s of building alone). A converter keeps state while it
# converts, so threads do not share one.
_converters = threading.local()


def _converter() -> markdown.Markdown:
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["extra", "sane_lists"])
        _converters.markdown = converter
    return converter


def render_markdown(text: str) -> str:
    """Render Markdown and keep only harmless tags, attributes and link schemes."""
    raw = _converter().reset().convert(text or "")
    # The page title is the only <h1>; a "# heading" in the text becomes <h2>.
    raw = _H1.sub(r"<\1h2>", raw)
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def plain_text(rendered_html: str) -> str:
    """Text content of sanitised HTML, for the search index and snippets."""
    text = nh3.clean(rendered_html or "", tags=set())
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
