"""The adjacent word pairs a page must contain to match a query's phrases.

PostgreSQL's GIN index on the search vector knows which pages hold a lexeme but
not where, so a phrase (`'stres' <-> 'arbejd'`) is checked against the stored
vector of every page with both words: at 100,000 pages, most of them. Migration
0006 adds a GIN index on `knowledge_search_pairs(search_vector)`, the vector's
adjacent pairs: "a b" for each lexeme a at a position p and b at p + 1, read from
the same positions the phrase operator reads. A page matches `a <-> b` only if
it has the pair "a b", so the search first asks that index for the pages with
the pairs of the phrase and runs the exact tsquery on those only.

`required_pairs` reads the query as PostgreSQL parsed it
(`websearch_to_tsquery(...)::text`) and returns what every matching page holds:
alternatives (OR) of pair sets (AND), or None when the query needs no pair (no
phrase, a phrase under NOT or beside an OR branch without one, or only `<2>`
distances, which a stop word in a phrase makes). It only narrows the pages the
tsquery is run on, so whatever it does not understand it leaves out: a weaker
condition costs time, never a result.

Pure Python, no Django.
"""

import re

# The pair of lexemes a and b as the SQL function writes it (a || ' ' || b).
# The default parser's lexemes hold no space; were two different pairs ever to
# read the same, the index would only return a page too many, which the exact
# tsquery then drops.
PAIR_SEPARATOR = " "
# An AND of ORs multiplies out into alternatives; above this many, the condition
# keeps only one side of the AND (still true of every match, just less narrow).
MAX_ALTERNATIVES = 8

# How `tsqueryout` writes a query: quoted lexemes ('' for a quote, \\ for a
# backslash) with an optional :* (prefix) or :AB (weights), <-> / <N>, & | ! ( ).
_TOKEN = re.compile(
    r"\s*(?:'(?P<lexeme>(?:[^'\\]|''|\\.)*)'(?P<suffix>:[*A-D]+)?"
    r"|<(?P<distance>-|\d+)>|(?P<op>[&|!()]))"
)
_UNESCAPE = re.compile(r"''|\\(.)")

Condition = list[frozenset[str]] | None


def pair(left: str, right: str) -> str:
    return f"{left}{PAIR_SEPARATOR}{right}"


def _tokens(text: str) -> list[tuple[str, str | None]]:
    """(kind, value): ("lexeme", lexeme or None when it has a suffix), ("phrase",
    distance), ("op", one of & | ! ( ))."""
    tokens: list[tuple[str, str | None]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ValueError(f"unexpected tsquery text at {pos}: {text[pos : pos + 20]!r}")
        pos = match.end()
        if match["lexeme"] is not None:
            # A prefix or weight-limited operand is not one exact lexeme: no pair.
            plain = None if match["suffix"] else _UNESCAPE.sub(_unescape, match["lexeme"])
            tokens.append(("lexeme", plain))
        elif match["distance"] is not None:
            tokens.append(("phrase", "1" if match["distance"] == "-" else match["distance"]))
        else:
            tokens.append(("op", match["op"]))
    return tokens


def _unescape(match: re.Match) -> str:
    return match[1] if match[1] is not None else "'"


def _both(a: Condition, b: Condition) -> Condition:
    if a is None:
        return b
    if b is None:
        return a
    alternatives = list(dict.fromkeys(x | y for x in a for y in b))
    if len(alternatives) > MAX_ALTERNATIVES:
        return a if len(a) <= len(b) else b
    return alternatives


def _either(a: Condition, b: Condition) -> Condition:
    if a is None or b is None:
        return None
    return list(dict.fromkeys(a + b))


class _Parser:
    """Precedence as in PostgreSQL: ! binds tightest, then <N>, then &, then |.

    Each rule returns (condition, last): `last` is the lexeme a phrase ends on
    (None unless the node is a plain lexeme or a phrase ending on one)."""

    def __init__(self, tokens: list[tuple[str, str | None]]):
        self.tokens = tokens
        self.at = 0

    def peek(self) -> tuple[str, str | None] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str | None]:
        token = self.peek()
        if token is None:
            raise ValueError("unexpected end of tsquery")
        self.at += 1
        return token

    def any_of(self) -> tuple[Condition, str | None]:
        condition, last = self.all_of()
        while self.peek() == ("op", "|"):
            self.take()
            other, _ = self.all_of()
            condition, last = _either(condition, other), None
        return condition, last

    def all_of(self) -> tuple[Condition, str | None]:
        condition, last = self.phrase()
        while self.peek() == ("op", "&"):
            self.take()
            other, _ = self.phrase()
            condition, last = _both(condition, other), None
        return condition, last

    def phrase(self) -> tuple[Condition, str | None]:
        # Left-associative, as PostgreSQL writes a chain: ((a <-> b) <-> c), so
        # the right operand is a single one and the left ends on `last`.
        condition, last = self.unary()
        while (token := self.peek()) is not None and token[0] == "phrase":
            self.take()
            other, first = self.unary()
            # `left <N> right` holds only where both sides do.
            condition = _both(condition, other)
            if token[1] == "1" and last is not None and first is not None:
                condition = _both(condition, [frozenset([pair(last, first)])])
            last = first
        return condition, last

    def unary(self) -> tuple[Condition, str | None]:
        kind, value = self.take()
        if kind == "lexeme":
            return None, value
        if (kind, value) == ("op", "!"):
            self.unary()
            return None, None  # a page without the phrase has none of its pairs either
        if (kind, value) == ("op", "("):
            condition, _ = self.any_of()
            if self.take() != ("op", ")"):
                raise ValueError("unbalanced parentheses in tsquery")
            # What a parenthesised phrase starts or ends on is not followed.
            return condition, None
        raise ValueError(f"unexpected {value!r} in tsquery")


def required_pairs(tsquery_text: str) -> Condition:
    """The pairs every page matching the tsquery holds: a list of alternatives,
    each a set of pairs the page has all of; None when nothing is required."""
    try:
        tokens = _tokens(tsquery_text)
        if not tokens:
            return None
        parser = _Parser(tokens)
        condition, _ = parser.any_of()
        if parser.peek() is not None:
            raise ValueError("text after the end of the tsquery")
    except ValueError:
        return None
    return condition
