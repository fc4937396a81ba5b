"""The claim-file schema (version 1) as data, and the checks that read it.

Each section of a claim file — the top level, ``article``, a claim, an operand —
is a table of :class:`Key` declarations: the Python types a value may have, how
that expectation is said in a message, and an optional closed set of choices or
a pattern. The loader asks :func:`unknown_keys` and :func:`typed` about every
key instead of scattering ``if`` statements, so all messages read alike::

    unknown key 'qoute' (did you mean 'quote'?)
    key 'period' should be a string or date, got list
    key 'agg' should be one of last, first, min, max, mean, sum, any, got 'avg'

Meaning (parsing quantities and periods, cross-claim rules) lives in
:mod:`checker.claimfile.load`; this module only knows shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from checker.claimfile.yamlpos import YamlMap, type_name
from checker.errors import InputError
from checker.lazy_regex import compile_lazily
from checker.quantities.model import Qualifier
from checker.suggest import did_you_mean

VERSION = 1
"""The claim-file schema version this loader reads."""

AGGREGATES = ("last", "first", "min", "max", "mean", "sum", "any")
EXPECTATIONS = ("supported", "imprecise", "refuted", "unverifiable", "error")
DIRECTIONS = ("down", "up")
RANK_DIRECTIONS = ("highest", "lowest")
"""How a rank across entities runs (relation: rank_among); ``down``/``up`` are a change's."""
TIES = ("shared", "alone")
SIDES = ("stated", "actual")
LANGUAGES = ("ko", "en")
QUALIFIER_TOLERANCES = tuple(qualifier.value for qualifier in Qualifier)
"""A tolerance may be set per qualifier (exact, approx, nearly, more_than, …)."""
IMPRECISE = "imprecise"
"""The imprecise band as a fraction of ``|v|`` (default 5%), as the engine reads it."""
IMPRECISE_FACTOR = "imprecise_factor"
"""The imprecise band as a multiplier of the rule's own band (default 2)."""
TOLERANCE_KEYS = QUALIFIER_TOLERANCES + (IMPRECISE, IMPRECISE_FACTOR)
MAX_IMPRECISE_FACTOR = 1000
"""A wider imprecise band means nothing (and 1e+999999 overflows the arithmetic)."""

CLAIM_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
METRIC = re.compile(
    r"""
    [^\s.]+        # entity: meta, fx
    \.             # one dot, then the metric name
    [^\s]*[^\s.]   # net_income, usd_krw (may itself contain dots, not end in one)
    \Z
    """,
    re.VERBOSE,
)
DAY = compile_lazily(r"\d{4}-\d{2}-\d{2}\Z")
"""A day written in quotes (``"2012-05-22"``): YAML reads it as a string, not a date."""
EXPR_NAME = compile_lazily(r"[A-Za-z_][A-Za-z0-9_]*\Z")
PERCENT = compile_lazily(
    r"""
    \s*
    (?P<number> \d+ (?:\.\d+)? | \.\d+ )  # 3, 2.5, .5
    (?: \s* (?P<percent> % ) )?            # "3%" is 0.03; "0.03" is 0.03
    \s* \Z
    """,
    re.VERBOSE,
)
"""A tolerance as written. The blanks before a missing ``%`` and those after it are one run, read once:
with two optional runs side by side, every split of a long run between them was tried (50,000 blanks: 4 s)."""

NUMBER = (int, Decimal)


@dataclass(frozen=True)
class Key:
    """What one key accepts: types, how to say so, and optional choices or pattern."""

    types: tuple[type, ...]
    expected: str
    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""
    as_text: bool = False  # a number written here is read as the text written (quote: 2022)


_STR = Key((str,), "a string")

TOP_KEYS: dict[str, Key] = {
    "version": Key(NUMBER, "a number"),
    "article": Key((dict,), "a mapping"),
    "reference": Key((list, str, dict), "a list of paths or {file: PATH, …} mappings"),
    "tolerance": Key((dict,), "a mapping"),
    "claims": Key((list,), "a list"),
}
ARTICLE_KEYS: dict[str, Key] = {
    "file": _STR,
    "published": Key((date, str), "a date"),
    "language": Key((str,), "a string", choices=LANGUAGES),
    "source": Key((dict,), "a mapping"),
}
CLAIM_KEYS: dict[str, Key] = {
    "id": Key(
        (str,), "a string", pattern=CLAIM_ID, pattern_hint="lowercase letters, digits, '.', '_' and '-'"
    ),
    "quote": Key((str, int, Decimal), "a string", as_text=True),
    "value": Key((str,) + NUMBER, "a string or number"),
    "metric": Key((str,), "a string", pattern=METRIC, pattern_hint="entity.metric, e.g. meta.net_income"),
    "period": Key((str, int, date), "a string or date"),
    "agg": Key((str,), "a string", choices=AGGREGATES),
    "relation": _STR,
    "of": Key((list, dict), "a list of operands (or a mapping for expr)"),
    "expr": _STR,
    "expect": Key((str,), "a string", choices=EXPECTATIONS),
    "direction": Key((str,), "a string", choices=DIRECTIONS + RANK_DIRECTIONS),
    "group": Key((str, list), "a group name or a list of entities"),
    "rank": Key((int, str), "a place from 1 or 'last'"),
    "ties": Key((str,), "a string", choices=TIES),
    "tolerance": Key((dict,), "a mapping"),
    "as_of": Key((date, str), "a date or 'latest'"),
    "note": _STR,
}
OPERAND_KEYS: dict[str, Key] = {
    "claim": CLAIM_KEYS["id"],
    "side": Key((str,), "a string", choices=SIDES),
    "metric": CLAIM_KEYS["metric"],
    "period": CLAIM_KEYS["period"],
    "agg": CLAIM_KEYS["agg"],
    "as_of": CLAIM_KEYS["as_of"],
    "event": _STR,
    "value": CLAIM_KEYS["value"],
    "exact": Key((bool,), "true or false"),
}
OPERAND_FORMS: dict[str, frozenset[str]] = {
    "claim": frozenset({"side"}),
    "metric": frozenset({"period", "agg", "as_of"}),
    "event": frozenset(),
    "value": frozenset({"exact"}),
}
"""Each operand form: its leading key and the keys that may go with it."""


def unknown_keys(mapping: YamlMap, table: dict[str, Key]) -> list[InputError]:
    """An error at every key of ``mapping`` that ``table`` does not declare."""
    return [
        InputError(mapping.key_locations[key], f"unknown key '{key}'{did_you_mean(key, table)}")
        for key in mapping
        if key not in table
    ]


def has_type(value: Any, types: tuple[type, ...]) -> bool:
    """isinstance, except that YAML booleans are not numbers."""
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def typed(mapping: YamlMap, key: str, table: dict[str, Key]) -> Any:
    """The value of ``key`` checked against its declaration; None when absent or null.

    Raises InputError at the value's position when the type, choice or pattern is wrong.
    """
    value = mapping.get(key)
    if value is None:
        return None
    spec = table[key]
    where = mapping.value_locations[key]
    if not has_type(value, spec.types):
        raise InputError(where, f"key '{key}' should be {spec.expected}, got {type_name(value)}")
    if spec.as_text and not isinstance(value, str):
        return str(value)  # an int keeps its digits; a Decimal its written digits (2022, 1.50)
    if spec.choices and value not in spec.choices:
        raise InputError(
            where,
            f"key '{key}' should be one of {', '.join(spec.choices)}, got '{value}'{did_you_mean(value, spec.choices)}",
        )
    if spec.pattern and isinstance(value, str) and not spec.pattern.match(value):
        raise InputError(where, f"key '{key}' should be {spec.pattern_hint}, got '{value}'")
    return value


def quoted_day(text: str) -> date | None:
    """The day a quoted ``YYYY-MM-DD`` names, or None: a date typed with quotes means the same date.

    >>> quoted_day("2012-05-22"), quoted_day("2012-02-30"), quoted_day("20120522")
    (datetime.date(2012, 5, 22), None, None)
    """
    if not DAY.match(text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def tolerance(mapping: YamlMap) -> tuple[dict[str, Decimal], list[InputError]]:
    """Tolerance overrides as Decimal fractions (``"3%"`` and ``0.03`` both → 0.03).

    Keys as :mod:`checker.evaluation.tolerances` reads them: qualifier names,
    ``imprecise`` (a fraction of ``|v|``) and ``imprecise_factor`` (a multiplier).
    """
    result: dict[str, Decimal] = {}
    errors: list[InputError] = []
    for key, value in mapping.items():
        if key not in TOLERANCE_KEYS:
            errors.append(
                InputError(
                    mapping.key_locations[key],
                    f"unknown tolerance '{key}'{did_you_mean(key, TOLERANCE_KEYS)}",
                )
            )
            continue
        try:
            stored_key, number = _tolerance_value(key, value)
        except ValueError as exc:
            errors.append(
                InputError(mapping.value_locations[key], f"tolerance '{key}' {exc}, got {_shown(value)}")
            )
            continue
        result[stored_key] = number
    return result, errors


def _tolerance_value(key: str, value: Any) -> tuple[str, Decimal]:
    """Read one tolerance as (key to store, Decimal); raises ValueError saying what is expected.

    Fractions are at most 1 (``"3%"``, ``0.03``). ``imprecise`` takes either form of
    the band: a fraction, or a number of at least 1, which is the multiplier and is
    stored as ``imprecise_factor``, so ``imprecise: 2`` and ``imprecise: "5%"`` both read
    as written.
    """
    expected = "should be a percentage like '3%' or a fraction like 0.03"
    if key == IMPRECISE:
        expected = "should be a percentage like '5%' or a band multiplier like 2"
    elif key == IMPRECISE_FACTOR:
        expected = f"should be a band multiplier from 1 to {MAX_IMPRECISE_FACTOR}, like 2"
    is_percent = False
    if has_type(value, NUMBER):
        number = Decimal(value)
    elif isinstance(value, str) and (match := PERCENT.match(value)):
        is_percent = bool(match["percent"])
        number = Decimal(match["number"]) / 100 if is_percent else Decimal(match["number"])
    else:
        raise ValueError(expected)
    if not number.is_finite() or number < 0:
        raise ValueError(expected)
    is_factor = key == IMPRECISE_FACTOR or (key == IMPRECISE and not is_percent and number >= 1)
    if is_factor:
        if is_percent or not 1 <= number <= MAX_IMPRECISE_FACTOR:
            raise ValueError(expected)
        return IMPRECISE_FACTOR, number
    if number > 1:
        raise ValueError(expected)
    return key, number


def _shown(value: Any) -> str:
    """A value as a message shows it: strings quoted, others by type or digits."""
    if isinstance(value, str):
        return f"'{value}'"
    if has_type(value, NUMBER):
        return str(value)
    return type_name(value)


WEB_ADDRESS_KEYS = ("url", "review_url")
"""Keys of ``article.source`` that reports publish as links (HTML, ClaimReview)."""


def web_address(value: object) -> str | None:
    """``value`` when it is an http or https address, else None: ``javascript:`` is never a link.

    >>> web_address("https://example.com/a"), web_address("javascript:alert(1)"), web_address("HTTP://x\\n")
    ('https://example.com/a', None, None)
    """
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")) and value.isprintable():
        return value
    return None
