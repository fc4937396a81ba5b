"""Patterns compiled on first use (``checker.lazy_regex``) behave as compiled ones, and stay uncompiled until used."""
from __future__ import annotations

import copy
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.lazy_regex import compile_lazily

ROOT = Path(__file__).resolve().parents[1]

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


#: Run in a fresh interpreter: counts the regexes ``checker`` code compiles while importing
#: the grammars and extractors, then which of their lazy patterns one Korean sentence uses.
_PROBE = """
import gc, json, re._compiler, sys
real, compiled = re._compiler.compile, []

def counting(*arguments):
    frame = sys._getframe(1)
    while frame.f_globals.get("__name__") == "re":
        frame = frame.f_back
    if frame.f_globals.get("__name__", "").startswith("checker"):
        compiled.append(arguments[0])
    return real(*arguments)

re._compiler.compile = counting
import checker.extraction, checker.quantities
from checker.lazy_regex import _LazyPattern
at_import = len(compiled)
lazy = [o for o in gc.get_objects() if type(o) is _LazyPattern]
untouched = sum(vars(p).keys() == {"_source", "_flags"} for p in lazy)
checker.extraction.extract("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.", "ko", "2024-03-01")
used = sum(vars(p).keys() != {"_source", "_flags"} for p in lazy)
print(json.dumps({"at_import": at_import, "declared": len(lazy), "untouched": untouched, "used": used}))
"""


def test_importing_the_extractors_compiles_few_patterns_and_a_sentence_compiles_what_it_uses() -> None:
    run = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    counts = json.loads(run.stdout)
    assert counts["declared"] >= 100                        # the modules' patterns are declared lazily …
    assert counts["untouched"] == counts["declared"]        # … and importing compiles none of them:
    assert counts["at_import"] * 5 < counts["declared"]     # what import compiles is a few eager clues
    assert 0 < counts["used"] < counts["declared"] / 2      # a one-line Korean article needs a fraction


#: Patterns a plain ``check`` of the worked example never uses (rank words, expression names, percent
#: tolerances, scaled amounts in reports, workflow commands, provider codes, cells of a generic CSV),
#: by module: declared lazily, the modules it imports compile none of them.
_UNUSED_BY_A_PLAIN_CHECK = {
    "checker.claimfile.schema": ("DAY", "EXPR_NAME", "PERCENT"),
    "checker.claimfile.stated": ("_THE", "_RATE_NOUN", "_INDEX_NOUN", "_WORD"),
    "checker.reports.amounts": ("_AFTER_LAST_DIGIT", "_ENGLISH_SCALE"),
    "checker.reports.workflow": ("_COMMAND_START",),
    "checker.reference.cells": ("_NUMBER",),
    "checker.reference.keys": ("_CODE",),
}


def test_a_plain_check_compiles_none_of_the_patterns_only_other_runs_use() -> None:
    """Cold start (issue 25, item 6): each is still uncompiled after the check, so importing compiled none."""
    probe = ("import contextlib, importlib, io, json, sys\nfrom checker.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', 'claims/'])\n"
             f"names = {_UNUSED_BY_A_PLAIN_CHECK!r}\n"
             "print(json.dumps({f'{module}.{name}': [type(pattern).__name__, sorted(getattr(pattern, '__dict__', ()))]"
             " for module, each in names.items() for name in each"
             " for pattern in [getattr(importlib.import_module(module), name)]}))")
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    states = json.loads(run.stdout)
    assert {name: state for name, state in states.items() if state != ["_LazyPattern", ["_flags", "_source"]]} == {}
