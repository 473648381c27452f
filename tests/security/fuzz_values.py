"""What a browser (or a hand-made request) could post to a form, as hypothesis strategies.

A helper of test_form_fuzz.py (not a test module). `payloads` turns a form's
fields (tests/security/fuzz_forms.py) into posts: valid values mixed with the input
people and scripts send by accident or on purpose (empty, over the length limit,
NUL, "²", "①", right-to-left marks, emoji, numbers past 2^31, impossible dates,
option values that are not offered, missing and repeated fields). Surrogates are
left out: they cannot be encoded in UTF-8, so no browser sends them. `raw_bodies`
are bodies a form never sends (JSON of any shape, malformed JSON, a broken
multipart body, too many fields).
"""

import json
from datetime import timedelta
from urllib.parse import urlencode

from django.utils import timezone
from hypothesis import strategies as st

from tests.security.fuzz_forms import CHOICE_KINDS, Field, Form

ODD_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "①",
    "١٢",
    "\u200f\u202eRTL",
    "\ufeff",
    "🧠💥",
    "e\u0301",
    "\ufffd",
    "\r\n\t",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "ǅİß",
]
ODD_NUMBERS = [
    "-1",
    "0",
    "1.5",
    "1,5",
    "1e309",
    "NaN",
    "-inf",
    "0x10",
    " 7 ",
    "²",
    "①",
    str(2**31 - 1),
    str(2**31),
    str(-(2**31) - 1),
    str(2**63),
    str(2**64),
    "9" * 400,
]
ODD_DATES = [
    "2027-02-30",
    "2027-13-01",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2027-01-01",
    "2027-1-1",
    "01.06.2027",
    "२०२७-०६-०१",
    "2027-06-01\x00",
]
ODD_DATETIMES = [
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2027-06-01T25:00",
    "2027-03-28T02:30",  # does not exist in Copenhagen (summer time starts)
    "2027-10-31T02:30",  # exists twice in Copenhagen
    "2027-06-01",
]
ODD_TIMES = ["24:00", "23:60", "-01:00", "12:00:00.9999999", "25", "00:00"]
ODD_EMAILS = [
    "a@b",
    "@",
    "x" * 300 + "@example.test",
    "æøå@blåbær.dk",
    "fuzz+1@example.test",
    "a\x00@example.test",
    "FUZZ@EXAMPLE.TEST",
]
ODD_URLS = [
    "javascript:alert(1)",
    "http://",
    "http://[::1",
    "http://" + "a" * 300 + ".dk",
    "ftp://x",
]
ODD_OPTIONS = ["", "999999999", str(2**63), "-1", "abc", "\x00", "²"]

# Any character a browser can send (no surrogates), in short strings.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


def _long(limit: int | None) -> st.SearchStrategy[str]:
    """Past the limit (or very long where there is none), in few draws."""
    sizes = [limit + 1, limit * 2] if limit else [5_000, 70_000]
    return st.tuples(
        st.sampled_from(["x", "æ", "🧠", "\u200f", "a\n"]), st.sampled_from(sizes)
    ).map(lambda pair: pair[0] * pair[1])


def _sample(item: Field) -> list[str]:
    """Something a person would type into an empty field of this kind."""
    today = timezone.localdate()
    return {
        "number": [item.minimum or "1", item.maximum or "3"],
        "range": [item.minimum or "0", item.maximum or "5"],
        "date": [today.isoformat(), (today + timedelta(days=10)).isoformat()],
        "datetime-local": [f"{today.isoformat()}T10:00"],
        "time": ["09:00", "13:45"],
        "email": ["fuzz@example.test"],
        "url": ["https://bifrost.example/x"],
        "password": ["Fuzz-password-2027!"],
    }.get(item.kind, ["Prøvetekst om trivsel"])


def _valid(item: Field) -> st.SearchStrategy[list]:
    """What a person filling in the form sends for the field: what the page holds,
    an offered option, the clicked button, or what they would type."""
    if item.kind == "submit":
        return st.sampled_from(item.options).map(lambda option: [option])
    if item.kind == "checkbox" or (item.kind == "select" and item.multiple):
        return st.lists(st.sampled_from(item.options), unique=True) if item.options else st.just([])
    if item.kind in ("radio", "select"):
        return st.sampled_from(item.chosen[:1] + item.options or [""]).map(lambda v: [v])
    if item.kind == "file":
        return st.just([])
    if item.value:
        return st.just([item.value])
    return st.sampled_from(_sample(item)).map(lambda value: [value])


KIND_POOLS = {
    "number": ODD_NUMBERS,
    "range": ODD_NUMBERS,
    "date": ODD_DATES,
    "datetime-local": ODD_DATETIMES + ODD_DATES,
    "time": ODD_TIMES,
    "email": ODD_EMAILS,
    "url": ODD_URLS,
}


def _odd_value(item: Field) -> st.SearchStrategy:
    if item.kind == "file":
        return st.tuples(
            st.just("file"),
            st.sampled_from(["fil.txt", "", "æ\x00.pdf", "x" * 300 + ".pdf", "../../x.txt"]),
            st.sampled_from([b"", b"Dagens program", b"%PDF-1.4\x00" * 3]),
        )
    pool = KIND_POOLS.get(item.kind, ODD_OPTIONS if item.kind in CHOICE_KINDS else [])
    generic = st.sampled_from(ODD_TEXT + ODD_NUMBERS[-6:])
    branches = [st.sampled_from(pool)] if pool else []
    return st.one_of(*branches, generic, TEXT, _long(item.maxlength))


def _odd(item: Field) -> st.SearchStrategy[list]:
    """An odd value, the field left out, or the field repeated."""
    valid, odd = _valid(item), _odd_value(item)
    return st.one_of(
        odd.map(lambda value: [value]),
        st.just([]),
        st.tuples(valid, odd).map(lambda pair: [*pair[0], pair[1]]),
        valid.map(lambda values: (values or ["1"]) * 2),
    )


def payloads(form: Form) -> st.SearchStrategy[list[tuple[str, object]]]:
    """(name, value) pairs in the order of the form.

    Most posts are the form as a person fills it in with one field odd (so the odd
    value gets past the other fields' checks to the code behind them); some are
    filled in validly (the success path); some give every field of a kind the same
    odd value (both dates of a period in the year 9999, every number past 2^31);
    some are odd all over. Now and then a field the form does not have is added.
    """
    names = sorted(form.fields)
    valid = st.fixed_dictionaries({name: _valid(form.fields[name]) for name in names})
    chaos = st.fixed_dictionaries(
        {name: st.one_of(_valid(form.fields[name]), _odd(form.fields[name])) for name in names}
    )

    def one_odd(drawn) -> st.SearchStrategy[dict]:
        values, name = drawn
        return _odd(form.fields[name]).map(lambda odd: {**values, name: odd})

    def alike(drawn) -> st.SearchStrategy[dict]:
        values, kind = drawn
        same = [name for name in names if form.fields[name].kind == kind]
        return st.sampled_from(KIND_POOLS[kind]).map(
            lambda odd: {**values, **{name: [odd] for name in same}}
        )

    kinds = sorted({item.kind for item in form.fields.values() if item.kind in KIND_POOLS})
    one = st.tuples(valid, st.sampled_from(names)).flatmap(one_odd) if names else valid
    same = st.tuples(valid, st.sampled_from(kinds)).flatmap(alike) if kinds else one
    modes = [one] * 10 + [valid] * 3 + [same] * 3 + [chaos] * 4
    filled = st.integers(0, len(modes) - 1).flatmap(modes.__getitem__)
    extra = st.lists(st.tuples(st.sampled_from(["extra", "id", "pk", "\x00"]), TEXT), max_size=1)

    def pairs(drawn) -> list[tuple[str, object]]:
        values, extras = drawn
        return [(name, value) for name in names for value in values[name]] + extras

    return st.tuples(filled, extra).map(pairs)


# JSON of any shape: huge numbers, nested objects and lists, odd strings.
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(ODD_TEXT + ODD_NUMBERS),
        TEXT,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(TEXT | st.sampled_from(["id"]), inner, max_size=4),
    ),
    max_leaves=12,
)


def _json_for(names: list[str]) -> st.SearchStrategy[bytes]:
    keyed = st.dictionaries(st.sampled_from(names or ["id"]), JSON_VALUES, max_size=6)
    return st.one_of(keyed, JSON_VALUES).map(lambda value: json.dumps(value).encode())


MALFORMED = [
    b'{"entry": ',
    b"{'entry': 1}",
    b'{"version": 1e999}',
    b"[" * 5000 + b"]" * 5000,
    b'{"a": NaN}',
    b"\xff\xfe\x00",
    b"\x00" * 16,
    b"--x\r\nContent-Disposition: form-data; name=\r\n\r\n",
]


def raw_bodies(form: Form) -> st.SearchStrategy[tuple[str, bytes]]:
    """(content type, body) pairs no form sends: JSON, malformed JSON, broken multipart,
    a urlencoded body with more fields than Django accepts."""
    names = sorted(form.fields)
    content_types = st.sampled_from(
        ["application/json", "text/plain", "application/x-www-form-urlencoded"]
    )
    too_many = urlencode([("f", str(n)) for n in range(1_100)]).encode()
    return st.one_of(
        st.tuples(st.just("application/json"), _json_for(names)),
        st.tuples(content_types, st.sampled_from(MALFORMED)),
        st.just(("multipart/form-data; boundary=nothing", b"--broken")),
        st.just(("multipart/form-data", b"no boundary at all")),
        st.just(("application/x-www-form-urlencoded", too_many)),
    )
