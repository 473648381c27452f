"""The Danish catalogue is complete and its compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DA = ROOT / "locale" / "da" / "LC_MESSAGES"


def _po_entries(path: Path) -> list[tuple[str, str, bool, str | None]]:
    """(msgid, first msgstr, fuzzy, context) for every entry except the header."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        text = "\n".join(line for line in lines if not line.startswith("#"))
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', text, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', text, re.M)
        context = re.search(r'^msgctxt ((?:".*"\n?)+)', text, re.M)
        if not msgid or not msgstr:
            continue
        join = lambda chunk: "".join(re.findall(r'"(.*)"', chunk))  # noqa: E731
        if join(msgid.group(1)):
            entries.append(
                (
                    join(msgid.group(1)),
                    join(msgstr.group(1)),
                    fuzzy,
                    join(context.group(1)) if context else None,
                )
            )
    return entries


def test_every_danish_string_is_translated_and_not_fuzzy():
    entries = _po_entries(DA / "django.po")
    assert len(entries) > 100
    missing = [msgid for msgid, msgstr, fuzzy, _ctx in entries if not msgstr or fuzzy]
    assert missing == []


def test_compiled_catalogue_matches_the_po_file():
    """A .po edited without `compilemessages` would ship stale Danish text."""
    with (DA / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for msgid, msgstr, _fuzzy, context in _po_entries(DA / "django.po"):
        if "\\" in msgid:  # escaped characters: compare only plain entries
            continue
        found = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
        assert found == msgstr, msgid


OVERRIDES = ROOT / "locale_overrides" / "da" / "LC_MESSAGES"


def test_allauth_overrides_are_compiled_and_win_over_allauth():
    """locale_overrides/ is committed compiled like locale/, and comes first in
    LOCALE_PATHS, so its Danish replaces allauth's own ("Nulstil password")."""
    from django.conf import settings
    from django.utils import translation

    assert settings.LOCALE_PATHS[0] == ROOT / "locale_overrides"
    with (OVERRIDES / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    entries = _po_entries(OVERRIDES / "django.po")
    for msgid, msgstr, fuzzy, _context in entries:
        assert msgstr and not fuzzy, msgid
        if "\\" not in msgid:
            assert catalogue.gettext(msgid) == msgstr, msgid
    with translation.override("da"):
        assert translation.gettext("Password Reset") == "Nulstil adgangskode"
        assert translation.gettext("Verified") == "Bekræftet"


def test_a_msgid_in_both_catalogues_has_one_danish_text():
    """Where our own templates use an allauth msgid too, both catalogues agree, so
    the order of LOCALE_PATHS never changes what a page says."""
    ours = {(ctx, msgid): msgstr for msgid, msgstr, _f, ctx in _po_entries(DA / "django.po")}
    for msgid, msgstr, _fuzzy, ctx in _po_entries(OVERRIDES / "django.po"):
        if (ctx, msgid) in ours:
            assert ours[(ctx, msgid)] == msgstr, msgid


# The prejudice game's anonymous assumptions are posts of an exercise, not logbook entries.
_EXERCISE_POSTS = {
    "One assumption per entry; short and honest is best.",
    "Nobody, the facilitators included, sees your name on an anonymous entry.",
    "Anonymous entries show no name to anyone, you included.",
    "Remove this entry",
}


def test_a_logbook_entry_is_called_notat_as_the_glossary_says():
    """docs/glossary.md: Notat = Entry. "Indlæg" is left to the exercise's posts."""
    called_indlaeg = {
        msgid
        for msgid, msgstr, _fuzzy, _ctx in _po_entries(DA / "django.po")
        if "indlæg" in msgstr.lower()
    }
    assert called_indlaeg <= _EXERCISE_POSTS
