"""``rank_among``: one entity's figure ranked among a group's for one period ("OECD 1위").

``of: [one lookup]`` (``{metric: kr.gdp_growth, period: 2019}``) names the entity and
the metric; ``group:`` the entities ranked (a group the reference data defines, with
its source, or a list in the claim), and every member is looked up under the same
metric name (``sk.gdp_growth``), period, aggregate and vintage. An entity outside the
group ("G7 중 가장 높다" of Korea) is ranked together with its members.

Like ``extreme`` it computes no figure: it places the row and decides, comparing the
values as written. Places count as in a league table: a member's place is one more than
the members ahead of it, so members tied for a place all hold it (``ties: shared``, the
default), unless the claim says a tie is not holding it (``ties: alone``). ``rank: last``
is the place no member is below.

The whole record: a member with no row for the period might be the one ahead, so a
group missing members is ``unverifiable``, naming them, never ranked on the rest.
A place other than the one claimed is ``refuted``, naming who is ahead (or, for
``last``, below) with their values.

PASS: ``rank: 1, direction: highest`` for kr 2019 = 3.1 among kr 3.1, jp 1.0, de 1.5.
FAIL: the same for kr 2019 = 2.6 among kr 2.6, sk 4.1, ie 3.9: "sk (4.1), ie (3.9) ranked ahead".
"""
from __future__ import annotations

from datetime import date

from checker import messages
from checker.claimfile.among import Among
from checker.claimfile.model import Operand
from checker.evaluation.figures import RelationProblem
from checker.evaluation.intervals import format_decimal
from checker.evaluation.relations.extreme import Ranked
from checker.evaluation.timing import dated
from checker.reference import LookupFailure, NoData, ReferenceData
from checker.reference.model import Candidate

NAME = "rank_among"
ARITY = (1, 1)


class KeyProblem(RelationProblem):
    """A problem with one key of the claim (``group``, ``rank``): the error points at that key."""

    def __init__(self, message: str, key: str) -> None:
        super().__init__(message)
        self.key = key


def rank(among: Among, operand: Operand, reference: ReferenceData, published: date | None,
         language: str) -> Ranked:
    """Decide whether the looked-up entity holds the place ``among`` says, among every member's row."""
    if operand.metric is None or operand.period is None:
        raise RelationProblem(f"{NAME} takes one lookup, {{metric: …, period: …}}")
    subject, _, name = operand.metric.partition(".")
    members, group, group_sources = _members(among, subject, reference, language)
    figures, missing = _figures(members, name, operand, reference, published)
    sources = tuple(dict.fromkeys((*group_sources, *(s for c in figures.values() for s in c.sources))))
    steps = tuple(_step(member, name, figures[member], operand) for member in _ordered(figures, among))
    timing = tuple(dated(row) for candidate in figures.values() for row in candidate.rows)
    if missing:
        text = messages.say(language, "among.missing", count=len(missing), total=len(members), group=group,
                            metric=name, period=operand.period.label, missing=", ".join(missing))
        return Ranked("unverifiable", text, {}, sources, steps, timing)
    units = sorted({candidate.rows[0].unit for candidate in figures.values()})  # a percentage is no level
    if len(units) > 1:
        raise RelationProblem(f"{NAME}: the members' {name} rows have different units ({', '.join(units)})")
    own = figures[subject]
    verdict, reason = _decide(among, subject, figures, language)
    order = messages.say(language, f"among.order.{among.direction}")
    text = messages.say(language, "among.ranked", subject=operand.metric, period=operand.period.label,
                        value=format_decimal(own.value), unit=units[0], count=len(members), group=group,
                        order=order, reason=reason)
    actual = {"value": own.value, "low": own.low, "high": own.high, "unit": units[0]}
    return Ranked(verdict, text, actual, sources, steps, timing)


def _members(among: Among, subject: str, reference: ReferenceData,
             language: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """The entities ranked, how the text names them, and the source of the membership."""
    if among.group is not None:
        try:
            found = reference.group(among.group)
        except LookupFailure as problem:
            raise KeyProblem(str(problem), "group") from None
        members, name, sources = found.members, among.group, (f"group {among.group}: {found.source}",)
    else:
        members, name, sources = among.members, messages.say(language, "among.listed"), ()
    if subject in members:
        return members, name, sources
    return (subject, *members), messages.say(language, "among.joined", group=name, subject=subject), sources


def _figures(members: tuple[str, ...], name: str, operand: Operand, reference: ReferenceData,
             published: date | None) -> tuple[dict[str, Candidate], list[str]]:
    """Each member's figure for the period, and the members with none (no series, or no row then).

    The claimed entity's own lookup must work: its failure is the claim's error or
    ``unverifiable``, as for any lookup.
    """
    known = reference.metrics()
    figures: dict[str, Candidate] = {}
    missing: list[str] = []
    for member in members:
        metric = f"{member}.{name}"
        if metric == operand.metric or metric in known:
            try:
                figures[member] = _one(reference, metric, operand, published)
                continue
            except NoData:
                if metric == operand.metric:
                    raise
        missing.append(member)
    return figures, missing


def _one(reference: ReferenceData, metric: str, operand: Operand, published: date | None) -> Candidate:
    found = reference.lookup(metric, operand.period, operand.agg, published=published, as_of=operand.as_of)
    if len(found.candidates) != 1:
        raise RelationProblem(f"{NAME} ranks one figure per member; agg {operand.agg} gives more than one")
    return found.candidates[0]


def _decide(among: Among, subject: str, figures: dict[str, Candidate], language: str) -> tuple[str, str]:
    own = figures[subject].value
    sign = 1 if among.direction == "highest" else -1
    others = {member: candidate.value for member, candidate in figures.items() if member != subject}
    ahead = [m for m, value in others.items() if sign * value > sign * own]
    behind = [m for m, value in others.items() if sign * value < sign * own]
    tied = [m for m, value in others.items() if value == own]
    total = len(figures)
    claimed = among.rank if among.rank is not None else total
    if claimed > total:
        raise KeyProblem(f"{NAME}: rank {claimed} among {total} members is no place in the group", "rank")
    place = messages.say(language, "among.place.last" if among.rank is None else "among.place", place=claimed)
    holds = not behind if among.rank is None else len(ahead) + 1 == claimed
    if not holds:
        if among.rank is None:
            return "refuted", messages.say(language, "among.not_last", actual=len(ahead) + 1, total=total,
                                           behind=_named(behind, others, sign))
        return "refuted", messages.say(language, "among.other", place=place, actual=len(ahead) + 1,
                                       ahead=_named(ahead, others, sign) or messages.say(language, "among.none"))
    if not tied:
        return "supported", messages.say(language, "among.holds", place=place)
    shown = _named(tied, others, sign)
    if among.ties == "alone":
        return "refuted", messages.say(language, "among.tied_alone", place=place, tied=shown)
    return "supported", messages.say(language, "among.holds_tied", place=place, tied=shown)


def _named(members: list[str], values: dict, sign: int) -> str:
    """``sk (4.1), ie (3.9)``: members with their values, in ranked order."""
    ordered = sorted(members, key=lambda member: -sign * values[member])
    return ", ".join(f"{member} ({format_decimal(values[member])})" for member in ordered)


def _ordered(figures: dict[str, Candidate], among: Among) -> list[str]:
    sign = 1 if among.direction == "highest" else -1
    return sorted(figures, key=lambda member: -sign * figures[member].value)


def _step(member: str, name: str, candidate: Candidate, operand: Operand) -> str:
    row = candidate.rows[0]
    return (f"{member}.{name} {operand.period.label} = {candidate.value} {row.unit} "
            f"(source: {'; '.join(candidate.sources)})")
