"""The text a party approves: which parts of a page's content count, and its hash.

Everything a reader can see of a case page is in it (the address too, which can
carry a name); the section, order and related pages are bookkeeping and left out.
A party's approval stores the hash, so any change to these parts needs a new one.
"""

import hashlib
import json

from knowledge.models import KIND_FIELDS
from knowledge.rendering import render_markdown

APPROVED_KEYS = ("slug", "title", "summary", "body", "fields", "title_en", "summary_en", "body_en")


def _normal(value):
    """Line endings and surrounding space as a form round trip leaves them."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, list):
        return [_normal(item) for item in value]
    return value


def approved_text(content: dict) -> dict:
    """The parts of `content` (a page revision's shape) that an approval covers."""
    text = {key: _normal(content.get(key) or "") for key in APPROVED_KEYS if key != "fields"}
    fields = content.get("fields") or {}
    text["fields"] = {key: _normal(value) for key, value in sorted(fields.items()) if value}
    return text


def text_hash(content: dict) -> str:
    canonical = json.dumps(approved_text(content), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def plain_parts(content: dict) -> list[str]:
    """Every string a reader may see, for the flag checks (the address as words)."""
    text = approved_text(content)
    parts = [str(text[key]) for key in APPROVED_KEYS if key not in ("fields", "slug")]
    parts.append(str(text["slug"]).replace("-", " "))
    for value in (text["fields"] or {}).values():
        parts.extend(value if isinstance(value, list) else [value])
    return [str(part) for part in parts if part]


def preview(content: dict) -> dict:
    """The text as the case page will show it, rendered and sanitised like the page:
    {title, summary, slug, body_html, items: [(label, html or list, is_list)], and the
    English title, summary and body_html_en}."""
    text = approved_text(content)
    items = []
    for key, label, is_list in KIND_FIELDS.get(content.get("kind", ""), []):
        value = text["fields"].get(key)
        if value:
            items.append((label, value if is_list else render_markdown(value), is_list))
    return {
        "title": text["title"],
        "summary": text["summary"],
        "slug": text["slug"],
        "body_html": render_markdown(text["body"]),
        "items": items,
        "title_en": text["title_en"],
        "summary_en": text["summary_en"],
        "body_html_en": render_markdown(text["body_en"]),
    }
