"""Danish words for search, as PostgreSQL's `danish` text-search configuration sees them.

Pure Python, no Django models: what the embedded SQLite mode stores and asks
for, so it finds what PostgreSQL finds.

- `lexeme`/`index_text`: a word is lower-cased, dropped when it is a stop word
  (the Snowball Danish list, the one PostgreSQL ships as `danish.stop`) and
  stemmed with the Snowball Danish stemmer (`snowballstemmer`, the algorithm of
  PostgreSQL's `danish_stem`), so "sygefraværet" and "sygefravær" are both
  `sygefravær`.
- `parse_query`: the syntax of `websearch_to_tsquery`: words are ANDed,
  `"…"` is a phrase, `or` between words is OR, `-word` excludes; every other
  character is only a separator, so no input is a syntax error. The result
  renders as an FTS5 expression in which every lexeme is a quoted string.
- `highlight`/`headline`: the original text HTML-escaped, with `<mark>` around
  the words (as the reader wrote them) whose lexeme the query asks for, like
  `ts_headline`; a headline is at most a few fragments around the matches.
"""

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A word: letters and digits (the underscore is a separator, as in FTS5's
# unicode61 tokenizer, which reads the stored lexemes again).
WORD = re.compile(r"[^\W_]+")

# Snowball's Danish stop words (PostgreSQL: share/tsearch_data/danish.stop).
_STOP_WORDS = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig
    men et har om vi min havde ham hun nu over da fra du ud sin dem os op man
    hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog
    noget ville jo deres efter ned skulle denne end dette mit også under have
    dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
    blive mange ad bliver hendes været thi jer sådan
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_local = threading.local()


def _stemmer():
    # A Snowball stemmer keeps state while it works: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("danish")
    return stemmer


@lru_cache(maxsize=20_000)
def lexeme(word: str) -> str | None:
    """The word's search form, or None for a stop word."""
    lowered = word.lower()
    if lowered in STOP_WORDS:
        return None
    return _stemmer().stemWord(lowered)


def lexemes(text: str) -> list[str]:
    return [lex for lex in (lexeme(m.group()) for m in WORD.finditer(text or "")) if lex]


def index_text(text: str) -> str:
    """What is stored for `text`: its lexemes, one space apart."""
    return " ".join(lexemes(text))


# --- the query ---------------------------------------------------------------


@dataclass
class Term:
    """One word or phrase of the query: consecutive lexemes."""

    lexemes: list[str]
    negated: bool = False

    def fts5(self) -> str:
        # Lexemes are letters and digits only, so quoting cannot be broken out of.
        return '"' + " ".join(self.lexemes) + '"'


@dataclass
class Query:
    """Groups joined by OR; within a group the terms are ANDed (`websearch` rules)."""

    groups: list[list[Term]] = field(default_factory=list)

    @property
    def lexemes(self) -> frozenset[str]:
        """The lexemes a match must show (what the headline marks)."""
        return frozenset(
            lex
            for group in self.groups
            for term in group
            if not term.negated
            for lex in term.lexemes
        )

    def fts5_groups(self) -> list[tuple[str, bool]]:
        """Each OR group as an FTS5 MATCH expression and whether the group asks for
        the rows *without* it: a group of only excluded words (`-stress`) finds
        every row not matching them, as PostgreSQL does, but FTS5 cannot say "every
        row without …", so the caller filters with NOT IN (`Fts5Table.matching`)."""
        groups = []
        for group in self.groups:
            wanted = [term.fts5() for term in group if not term.negated]
            excluded = [term.fts5() for term in group if term.negated]
            if wanted:
                expression = "(" + " AND ".join(wanted) + ")"
                expression += "".join(" NOT " + term for term in excluded)
                groups.append(("(" + expression + ")", False))
            elif excluded:
                groups.append(("(" + " OR ".join(excluded) + ")", True))
        return groups

    def fts5(self) -> str | None:
        """The FTS5 MATCH expression of the groups that ask for words, or None when
        none does (the exclusion-only groups are in `fts5_groups`)."""
        return " OR ".join(e for e, without in self.fts5_groups() if not without) or None


_QUERY_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')


def parse_query(raw: str) -> Query:
    """The query in `websearch_to_tsquery` syntax; stop words and punctuation drop out."""
    tokens: list[tuple[str, bool, bool]] = []  # (text, negated, is_phrase)
    for match in _QUERY_TOKEN.finditer(raw or ""):
        if match.group("phrase") is not None:
            negated = match.start() > 0 and raw[match.start() - 1] == "-"
            tokens.append((match.group("phrase"), negated, True))
            continue
        word = match.group("word")
        if word == "-" and match.end() < len(raw) and raw[match.end()] == '"':
            continue  # the minus of a -"phrase"
        negated = word.startswith("-")
        tokens.append((word.lstrip("-"), negated, False))
    query = Query(groups=[[]])
    for index, (text, negated, is_phrase) in enumerate(tokens):
        current = query.groups[-1]
        is_or = not is_phrase and not negated and text.lower() == "or"
        if is_or and current and index + 1 < len(tokens):
            query.groups.append([])
            continue
        words = lexemes(text)
        if words:
            current.append(Term(lexemes=words, negated=negated))
    query.groups = [group for group in query.groups if group]
    return query


# --- highlighting ------------------------------------------------------------


def _words(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), lexeme(m.group())) for m in WORD.finditer(text)]


def _render(text: str, words, first: int, last: int, wanted: frozenset[str]) -> str:
    """words[first..last] of `text` (and what lies between them), escaped, matches marked."""
    out: list[str] = []
    pos = words[first][0]
    for start, end, lex in words[first : last + 1]:
        out.append(escape(text[pos:start]))
        piece = escape(text[start:end])
        out.append(f"<mark>{piece}</mark>" if lex in wanted else piece)
        pos = end
    return "".join(out)


def highlight(text: str, wanted: frozenset[str]) -> SafeString:
    """The whole text, escaped, with every word the query asks for marked."""
    words = _words(text or "")
    if not words:
        return escape(text or "")
    prefix, suffix = escape(text[: words[0][0]]), escape(text[words[-1][1] :])
    return mark_safe(prefix + _render(text, words, 0, len(words) - 1, wanted) + suffix)  # noqa: S308


def headline(
    text: str,
    wanted: frozenset[str],
    *,
    max_words: int = 35,
    min_words: int = 15,
    max_fragments: int = 2,
    delimiter: str = " … ",
) -> SafeString:
    """Up to `max_fragments` pieces of the text around the matches (`ts_headline`);
    without a match in the text, its first `min_words` words."""
    words = _words(text or "")
    if not words:
        return escape(text or "")
    hits = [i for i, (_s, _e, lex) in enumerate(words) if lex in wanted]
    if not hits:
        return mark_safe(_render(text, words, 0, min(min_words, len(words)) - 1, wanted))  # noqa: S308
    size = max(min_words, max_words // max_fragments)
    fragments: list[list[int]] = []
    for hit in hits:
        if fragments and hit <= fragments[-1][1]:
            continue
        if len(fragments) == max_fragments:
            break
        first = max(0, hit - size // 2)
        last = min(len(words) - 1, first + size - 1)
        first = max(0, last - size + 1)
        if fragments and first <= fragments[-1][1] + 1:
            fragments[-1][1] = last  # touches the previous one: one fragment
        else:
            fragments.append([first, last])
    pieces = [_render(text, words, first, last, wanted) for first, last in fragments]
    # What stands before the first or after the last word (a full stop) stays on.
    prefix = escape(text[: words[0][0]]) if fragments[0][0] == 0 else ""
    suffix = escape(text[words[-1][1] :]) if fragments[-1][1] == len(words) - 1 else ""
    return mark_safe(prefix + escape(delimiter).join(pieces) + suffix)  # noqa: S308
