"""JSON parsed with its nesting bounded, so a bracket bomb is one error instead of a RecursionError.

``json.loads`` recurses once per ``[`` or ``{``: 400 KB of ``[`` exhausts Python's stack
and raises RecursionError, a traceback in every reader of a provider answer, a
reference file or a baseline. No document claimcheck reads nests deeper than a
handful of levels (EDGAR's companyfacts, the deepest, has 7), so anything deeper than
:data:`MAX_DEPTH` is refused before parsing, as the ``json.JSONDecodeError`` every
caller already turns into a ``file:line:col`` message.

The depth is measured on the brackets outside strings, found by regular expressions
that run in C and in one pass (a string that never closes runs to the end of the
text, so no quote is scanned twice).
"""
from __future__ import annotations

import json
import re
import sys
from itertools import accumulate
from typing import Any

#: Deepest nesting of arrays and objects read; far above any provider's answer or reference file.
MAX_DEPTH = 64
_STRING = r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)'
_NOT_BRACKETS = re.compile(_STRING + r'|[^"\[\]{}]++', re.DOTALL)
_BRACKETS = re.compile(_STRING + r'|[\[\]{}]', re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def loads(text: str, **options: Any) -> Any:
    """``json.loads(text, **options)``, or JSONDecodeError at the bracket that nests too deep, or at an
    integer longer than ``int()`` reads (``sys.get_int_max_str_digits()``, 4,300 digits by default: it raises
    a plain ValueError no reader expects)."""
    too_deep = deepest_offset(text)
    if too_deep is not None:
        raise json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", text, too_deep)
    try:
        return json.loads(text, **options)
    except json.JSONDecodeError:
        raise
    except ValueError:
        limit = sys.get_int_max_str_digits()
        at = _long_integer(text, limit)
        if at is None:
            raise  # a caller's own parse_* function refused something: its error, as it wrote it
        raise json.JSONDecodeError(f"an integer of more than {limit:,} digits", text, at) from None


def _long_integer(text: str, limit: int) -> int | None:
    """The offset of the first number outside strings whose whole part has more than ``limit`` digits."""
    if not limit:
        return None
    for match in re.finditer(_STRING + r"|-?\d{%d,}" % (limit + 1), text, re.DOTALL):
        if match[0][0] != '"':
            return match.start()
    return None


def deepest_offset(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The offset of the first bracket that opens level ``limit + 1``, or None when none does.

    >>> deepest_offset('[[["[[[[" ]]]', limit=3), deepest_offset('[[[[1]]]]', limit=3)
    (None, 3)
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    brackets = _NOT_BRACKETS.sub("", text)
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) <= limit:
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += _STEP.get(match[0], 0)
        if depth > limit:
            return match.start()
    return None  # unreachable: the brackets above reached the limit
