"""What a loaded claim file is: the article it quotes, its claims and their operands.

Plain frozen records, built by :mod:`checker.claimfile.load` and read by the
evaluation engine. Every record keeps the :class:`Location` it was written at, so a
problem the engine finds later (an unknown metric, a unit mismatch) can still be
reported as ``path:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from checker.claimfile.among import Among
from checker.errors import InputError, Location
from checker.periods import Period
from checker.quantities.model import Quantity
from checker.quantities.predicates import Predicate, Rank
from checker.reference.entry import Entry


@dataclass(frozen=True, slots=True)
class Operand:
    """One input of a relation; exactly one of claim, metric, event, value is set.

    - ``claim``: another claim of the same file; ``side`` says whether the relation
      takes the value the article *states* (an internal-consistency check) or the
      ``actual`` value the evidence found for it;
    - ``metric`` (+ ``period``, ``agg``, ``as_of``): a reference-data lookup;
    - ``event``: a named date from the reference data;
    - ``value``: a literal quantity written in the claim file.
    """

    location: Location
    claim: str | None = None
    side: str = "stated"
    metric: str | None = None
    period: Period | None = None
    agg: str | None = None
    as_of: date | str | None = None
    event: str | None = None
    value: Quantity | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement of the article.

    A claim with ``problems`` is still returned (so the report can list it with
    the verdict ``error``); the fields a problem concerns are then ``None``.
    ``key_locations`` maps each key written to the location of its value.
    """

    id: str
    location: Location
    quote: str | None = None
    quote_span: tuple[int, int] | None = None
    value: Quantity | None = None
    value_text: str | None = None
    predicate: Predicate | None = None
    rank: Rank | None = None
    metric: str | None = None
    period: Period | None = None
    agg: str | None = None
    relation: str | None = None
    operands: tuple[Operand, ...] | dict[str, Operand] = ()
    expr: str | None = None
    expect: str | None = None
    direction: str | None = None
    #: A rank across entities (relation: rank_among): the group, place, direction and ties.
    among: Among | None = None
    tolerance: dict[str, Decimal] = field(default_factory=dict)
    as_of: date | str | None = None
    note: str | None = None
    problems: tuple[InputError, ...] = ()
    key_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Article:
    """The article a claim file quotes: its text as read (UTF-8, newlines kept)."""

    path: Path
    text: str
    published: date | None
    language: str | None
    source: dict


@dataclass(frozen=True, slots=True)
class ClaimFile:
    """A claim file that could be read; claim-level problems live in its claims."""

    path: Path
    article: Article | None
    references: tuple[Entry, ...]
    reference_locations: tuple[Location, ...]
    tolerance: dict[str, Decimal]
    claims: tuple[Claim, ...]

    def metrics(self) -> frozenset[str] | None:
        """Every metric the claims look up, directly or through an operand; None when that is not known yet.

        A rank among a group looks up every member's series too (``sk.gdp_growth`` for a
        claim about ``kr.gdp_growth``): those of a listed group are named here, but a
        named group's members are known only once the reference files are read, so then
        every metric is wanted (a database file is read whole, never filtered short).
        """
        named = {claim.metric for claim in self.claims if claim.metric}
        for claim in self.claims:
            operands = claim.operands.values() if isinstance(claim.operands, dict) else claim.operands
            looked_up = [operand.metric for operand in operands if operand.metric]
            named.update(looked_up)
            if claim.among is not None and claim.among.group is not None:
                return None
            if claim.among is not None:
                named.update(f"{member}.{metric.partition('.')[2]}" for metric in looked_up
                             for member in claim.among.members)
        return frozenset(named)

    @property
    def reference_paths(self) -> tuple[Path, ...]:
        """The reference files, without what the claim file says about them."""
        return tuple(entry.file for entry in self.references)
