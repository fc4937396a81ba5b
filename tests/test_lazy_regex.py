"""Patterns compiled on first use (``checker.lazy_regex``) behave as compiled ones, and stay uncompiled until used."""
from __future__ import annotations

import copy
import pickle
import re

import pytest

from checker.lazy_regex import compile_lazily

CASES = [
    (r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|percent)", re.IGNORECASE),
    (r"^지난\s*(?P<day>\d{1,2})\s*일$", re.MULTILINE),
    (r""" (?P<word> more | less ) \s+ than  # a hedge""", re.VERBOSE | re.IGNORECASE),
    (r"\b", 0),
]
TEXT = "Up 12.5 Percent,\n지난 2일\nmore  than 3% and LESS than 4 percent\n지난2일"


def _found(match: re.Match[str] | None) -> tuple[tuple[int, int], dict[str, str | None]] | None:
    return None if match is None else (match.span(), match.groupdict())


@pytest.mark.parametrize(("source", "flags"), CASES)
def test_a_lazy_pattern_matches_as_the_compiled_one(source: str, flags: int) -> None:
    lazy, compiled = compile_lazily(source, flags), re.compile(source, flags)
    assert list(map(_found, lazy.finditer(TEXT))) == list(map(_found, compiled.finditer(TEXT)))
    for start in range(len(TEXT)):
        for method in ("match", "search", "fullmatch"):
            assert _found(getattr(lazy, method)(TEXT, start)) == _found(getattr(compiled, method)(TEXT, start))
    assert lazy.sub("<>", TEXT) == compiled.sub("<>", TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == \
           (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)


def test_nothing_is_compiled_until_first_use() -> None:
    broken = compile_lazily(r"(unclosed")      # re.compile would raise here
    with pytest.raises(re.error, match="missing \\)"):
        broken.search("unclosed")


def test_a_used_attribute_is_kept_so_later_lookups_skip_getattr() -> None:
    pattern = compile_lazily(r"\d+")
    assert pattern.match("42") and "match" in vars(pattern)
    assert pattern.match is pattern.match       # a bound method made once, not per look-up
    assert "search" not in vars(pattern)


def test_a_lazy_pattern_pickles_and_copies_as_the_compiled_one() -> None:
    lazy, compiled = compile_lazily(r"(?P<year>\d{4})년", re.IGNORECASE), re.compile(r"(?P<year>\d{4})년", re.IGNORECASE)
    assert pickle.loads(pickle.dumps(lazy)) == compiled
    assert copy.copy(lazy) == compiled and copy.deepcopy(lazy).search("2022년")


def test_a_lazy_pattern_says_what_it_stands_for() -> None:
    assert repr(compile_lazily(r"\d", re.I)) == r"compile_lazily('\\d', re.IGNORECASE)"

