"""The embedded mode's Danish words: stemming as PostgreSQL's `danish` configuration,
the websearch query syntax rendered as a safe FTS5 expression, and highlighting on
the original words with everything else escaped."""

import pytest

from bifrost.core.search import danish

pytestmark = pytest.mark.both_backends


def test_inflections_share_a_lexeme_and_stop_words_drop_out():
    assert danish.lexemes("Sygefraværet og sygefravær") == ["sygefravær", "sygefravær"]
    assert danish.lexemes("rådgivere rådgiver") == ["rådgiv", "rådgiv"]
    assert danish.index_text("i og at") == ""


def test_words_are_anded_phrases_quoted_or_splits_and_minus_excludes():
    query = danish.parse_query('stress rådgiver or leder -fravær "langt sygefravær"')
    assert query.fts5() == (
        '(("stres" AND "rådgiv")) OR (("led" AND "lang sygefravær") NOT "fravær")'
    )
    assert query.lexemes == {"stres", "rådgiv", "led", "lang", "sygefravær"}


def test_a_lone_or_is_a_word_as_in_postgresql():
    assert danish.parse_query("stress or").fts5() == '(("stres" AND "or"))'
    assert danish.parse_query("or stress").fts5() == '(("or" AND "stres"))'


def test_a_group_of_only_excluded_words_asks_for_the_rows_without_them():
    query = danish.parse_query('-stress -"langt fravær" or leder -rådgiver')
    assert query.fts5_groups() == [
        ('("stres" OR "lang fravær")', True),
        ('(("led") NOT "rådgiv")', False),
    ]
    assert query.fts5() == '(("led") NOT "rådgiv")'
    assert query.lexemes == {"led"}


@pytest.mark.parametrize(
    "raw", ["", "   ", '"', "*", "-", "og i", "-stress", "((", "^", ":", '-""', "\x00"]
)
def test_nothing_to_look_for_gives_no_expression(raw):
    assert danish.parse_query(raw).fts5() is None


@pytest.mark.parametrize(
    "raw", ['a" OR b', "NEAR(a b)", "title:x", "x*", 'x"y', "AND NOT", "{a b}", '-a -"b c']
)
def test_fts5_syntax_in_the_input_only_ever_becomes_quoted_lexemes(raw):
    query = danish.parse_query(raw)
    expression = " ".join([query.fts5() or "", *(e for e, _without in query.fts5_groups())])
    outside_quotes = expression.split('"')[::2]
    for part in outside_quotes:
        assert set(part) <= set("() ANDORT"), expression


def test_highlight_marks_the_original_word_and_escapes_the_rest():
    wanted = danish.parse_query("sygefraværet").lexemes
    out = danish.highlight("<b>Sygefravær</b> & mere", wanted)
    assert out == "&lt;b&gt;<mark>Sygefravær</mark>&lt;/b&gt; &amp; mere"


def test_headline_is_fragments_around_the_matches():
    text = (
        " ".join(f"ord{i}" for i in range(100))
        + " stress "
        + " ".join(f"tal{i}" for i in range(100))
    )
    out = danish.headline(text, danish.parse_query("stress").lexemes)
    assert "<mark>stress</mark>" in out
    assert "ord0 " not in out and len(out.split()) <= 20


def test_headline_without_a_match_is_the_beginning():
    text = " ".join(f"ord{i}" for i in range(100))
    assert danish.headline(text, frozenset({"x"})) == " ".join(f"ord{i}" for i in range(15))
