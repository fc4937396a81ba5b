"""What reference data is made of: sourced observations, named events, lookup results.

Every observation keeps the digits written in its file (``Decimal``) and the rounding
those digits imply, so a claim is compared against an interval, not a point that
pretends to more accuracy than the source gave.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable

from checker.errors import Location
from checker.messages import ENGLISH, say, say_data
from checker.periods import Period
from checker.quick_init import quick_init
from checker.suggest import series_hint

class LookupFailure(Exception):
    """A lookup that cannot give a value; the message is one user-facing line."""

    def text(self, language: str) -> str:
        """The reason as a report in ``language`` shows it; English, unless a subclass knows the words."""
        return str(self)


class UnknownKey(LookupFailure):
    """A metric or event no reference file holds, with the keys closest to it (a series' with its name).

    The hint is kept as keys and names, not words, so a Korean report says it in Korean
    (``참조 데이터에 없는 지표 …``); ``str()`` is the English that lint and stderr show.
    """

    def __init__(self, kind: str, name: str, closest: tuple[tuple[str, str], ...]) -> None:
        self.kind, self.name, self.closest = kind, name, closest
        super().__init__(self.text(ENGLISH))

    def text(self, language: str) -> str:
        return say(language, f"unknown.{self.kind}", name=repr(self.name), hint=series_hint(self.closest, language))

    def __reduce__(self) -> tuple:
        """Pickled with its key and hints, as a worker process may raise it."""
        return type(self), (self.kind, self.name, self.closest)


class NoData(LookupFailure):
    """The metric is known but has no rows for the period: the claim is unverifiable, not invalid.

    Its reason is a catalogue message (``checker.messages``) kept as key and fields, so the
    report says it in the claim file's language; ``str()`` is the English.
    """

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(say(ENGLISH, key, **fields))
        self.message = (key, fields)

    def text(self, language: str) -> str:
        """The reason in ``language``, its dates as that language writes them."""
        key, fields = self.message
        return say_data(language, key, **fields)


@quick_init  # a million-row file makes a million: see checker.quick_init
@dataclass(frozen=True, slots=True)
class Observation:
    """One sourced value of one metric over one period, as a file states it."""

    metric: str
    period: Period
    value: Decimal
    precision: Decimal
    unit: str
    source: str
    vintage: date | None
    location: Location
    notes: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    #: The day the file holding the row was downloaded (its ``retrieved`` note), if it says:
    #: for a series without vintages, the latest its figures can have been published.
    retrieved: date | None = None

    @property
    def name(self) -> str:
        """The series' own name as its provider writes it (ECOS 수입금액지수 · 총지수), or ``""``.

        A code such as ``*AA`` tells a reader nothing; the name is how a person sees that
        the row is the series the article talks about. Readers keep it in the ``name`` note.
        """
        return self.notes.get("name", "")

    @property
    def link(self) -> str:
        """The provider's public page of the row's table (FRED series, KOSIS table, DART filing), or ``""``.

        Set by the provider's reader in the ``link`` note, each id in it URL-quoted; a
        provider without a stable per-table address (ECOS) gives none rather than a guess.
        """
        return self.notes.get("link", "")

    @property
    def low(self) -> Decimal:
        return self.value - self.precision

    @property
    def high(self) -> Decimal:
        return self.value + self.precision


def series_names(rows: Iterable[Observation]) -> str:
    """The distinct names of the rows' series, ``; ``-joined (``""`` when the files give none)."""
    return "; ".join(dict.fromkeys(row.name for row in rows if row.name))


def labelled(metric: str, rows: Iterable[Observation]) -> str:
    """``ecos.403Y003.*AA (수입금액지수 · 총지수)``: the key and its series' name, when the rows give one."""
    names = series_names(rows)
    return f"{metric} ({names})" if names else metric


@dataclass(frozen=True)
class SeriesStart:
    """The day a series began and what says so.

    A record ("사상 최대", "an all-time high") ranks a figure over the whole series, and
    no file shows by itself that its first row is the series' first: a graph download
    may start anywhere. ``basis`` names the evidence for the day, for the explanation.
    """

    day: date
    basis: str


@dataclass(frozen=True)
class Event:
    """A named day (a rename, a launch) that relations count months or days between."""

    name: str
    date: date
    source: str
    location: Location


@dataclass(frozen=True)
class Candidate:
    """One value a lookup offers, with its interval and the rows it came from."""

    value: Decimal
    low: Decimal
    high: Decimal
    rows: tuple[Observation, ...]
    #: What the candidate is, as a catalogue key (``row.mean``) and its fields, said in the report's language.
    key: str
    fields: dict[str, str] = field(hash=False, compare=False)
    #: The vintage of its rows, and the article's date when the vintage came later (``row.vintage*``).
    vintage: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def describe(self, language: str) -> str:
        """The rows behind the value, in words a person checks by hand (``mean close of 2021-11: ...``)."""
        text = say_data(language, self.key, **self.fields)
        if not self.vintage:
            return text
        return say_data(language, "row.vintage_after" if "cutoff" in self.vintage else "row.vintage", row=text,
                        **self.vintage)

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of the rows, in row order."""
        return tuple(dict.fromkeys(row.source for row in self.rows))


@dataclass(frozen=True)
class Lookup:
    """The answer to ``metric`` over ``period``: one candidate, or many for agg ``any``.

    ``later`` is the same lookup over the newest vintage when that gives other values
    (a figure revised after the article was written), else ``None``.
    """

    metric: str
    period: Period
    agg: str | None
    candidates: tuple[Candidate, ...]
    unit: str
    later: Lookup | None
    vintage: date | None

    @property
    def revised(self) -> bool:
        return self.later is not None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for c in self.candidates for s in c.sources))
