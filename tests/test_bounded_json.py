"""JSON with its nesting bounded (checker/bounded_json.py): the same documents as json.loads, and no deeper.

The depth is counted on brackets outside strings, so strings full of brackets, quotes
and backslashes are the cases that matter: hypothesis writes them.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.bounded_json import MAX_DEPTH, deepest_offset, loads

TRICKY = st.text(alphabet=st.sampled_from('[]{}"\\/ ab\n\u00e9\u2028'), max_size=12)
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TRICKY,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY, inner, max_size=3),
                      max_leaves=12)


def nested(value: object, depth: int) -> object:
    for _ in range(depth):
        value = [value]
    return value


def depth_of(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    return 0


@settings(max_examples=300)
@given(VALUES, st.integers(min_value=0, max_value=MAX_DEPTH + 3), st.booleans())
def test_a_document_within_the_depth_reads_as_json_reads_it(value: object, extra: int, ascii_only: bool) -> None:
    document = nested(value, extra)
    text = json.dumps(document, ensure_ascii=ascii_only)
    if depth_of(document) <= MAX_DEPTH:
        assert loads(text) == json.loads(text)
    else:
        with pytest.raises(json.JSONDecodeError, match=f"nested deeper than {MAX_DEPTH} levels") as raised:
            loads(text)
        assert text[raised.value.pos] in "[{"


@pytest.mark.parametrize("text", [
    '"' + "[" * 1000 + '"',                 # brackets in a string are no nesting
    '["\\"' + "[" * 1000 + '"]',            # nor after an escaped quote
    '"\\\\"' + "]" * 3,                      # an escaped backslash ends before the quote
    '"' + '\\"[' * 100_000,                 # a string that never ends: scanned once, not once per quote
    "\\",
])
def test_strings_and_broken_texts_are_no_deeper_than_their_brackets(text: str) -> None:
    assert deepest_offset(text) is None


def test_an_integer_past_pythons_digit_limit_is_a_decode_error_at_it() -> None:
    """Class: ``int()`` refuses more than ``sys.get_int_max_str_digits()`` digits with a plain ValueError, which no
    reader expected: a reference file, a baseline or a provider's answer holding one was an internal error (lint
    and metrics lost the whole run). Now it is the JSONDecodeError every reader reports, at the number."""
    import sys

    digits = "9" * (sys.get_int_max_str_digits() + 1)
    with pytest.raises(json.JSONDecodeError) as raised:
        loads('{"note": "' + digits + '",\n "value": -' + digits + "}")
    assert (raised.value.lineno, raised.value.colno) == (2, 11)
    assert raised.value.msg == f"an integer of more than {sys.get_int_max_str_digits():,} digits"
    assert loads('{"value": ' + digits[:-1] + "}") == {"value": int(digits[:-1])}
    with pytest.raises(ValueError, match="NaN is refused"):  # a caller's own parse_constant still raises its own
        loads("[NaN]", parse_constant=_refused)


def _refused(name: str) -> None:
    raise ValueError(f"{name} is refused")
