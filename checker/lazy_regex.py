"""Regexes compiled on first use, for patterns declared at import.

A cold start (``python -m checker extract`` on a one-line article) is mostly regex
compilation, and such an article uses about a third of the patterns the grammars and
extractors declare: compiling each where it is first used spares the rest.
"""
from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    """``re.compile(source, flags)``, compiled when an attribute is first looked up.

    Each attribute is copied from the compiled pattern onto the instance the first time,
    so later look-ups (``.match`` in a loop) find it in the instance dict without calling
    ``__getattr__``: no cost once used. ``re.compile`` caches, so the copies for a second
    and third attribute do not compile again.
    """

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> Any:
        value = getattr(re.compile(self._source, self._flags), name)
        setattr(self, name, value)
        return value

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        # Pickled and copied as the compiled pattern: unpickling an instance as such would
        # ask __getattr__ for __setstate__ before _source is set, and recurse.
        return re.compile, (self._source, self._flags)

    def __repr__(self) -> str:
        return f"compile_lazily({self._source!r}, {re.RegexFlag(self._flags)!r})"


def compile_lazily(source: str, flags: int = 0) -> re.Pattern[str]:
    """What ``re.compile(source, flags)`` returns, compiled at its first use, not now.

    A module-level pattern declared this way costs nothing at import. The result is not
    an ``re.Pattern`` instance: pass it to no ``re`` module function (``re.sub(pattern,
    …)``) and test it with no ``isinstance``; call its methods instead.
    """
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
