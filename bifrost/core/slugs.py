"""ASCII names for files and slugs: Danish letters spelled out, never dropped."""

from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


def ascii_slug(text: str, *, fallback: str = "") -> str:
    """ "Kør med sygefravær" → "koer-med-sygefravaer" (slugify alone drops the letters)."""
    return slugify(text.translate(DANISH_LETTERS)) or fallback
