"""When the evidence was published, next to when the article was.

Official figures are revised: GDP for Q3 2022 was 3.2 % on the day of the article and
2.7 % two years later. A claim checked against figures published after the article may
fail although it was right on the day, and a reader of the report must not take that
for the writer's mistake. So every result that rests on reference rows carries how
those rows are dated against the article: ``before`` (the writer could have seen them),
``after`` (published or retrieved later: a revision may lie between) or ``unknown`` (the
file carries no vintage, no ``retrieved`` date and its entry no ``vintage:``, or the
article has no publication date). Reports print the sentence of :func:`warning` on its
own line whenever such a result is not ``supported``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from checker.messages import ENGLISH, dates, say
from checker.reference.model import Observation

BEFORE, AFTER, UNKNOWN = "before", "after", "unknown"
#: How a row is dated: its vintage (the day the provider published it) or the day the file was downloaded.
VINTAGE, RETRIEVED = "vintage", "retrieved"


@dataclass(frozen=True)
class Dated:
    """The day one piece of evidence was published (``vintage``) or downloaded (``retrieved``); None: unknown."""

    day: date | None
    how: str = VINTAGE


@dataclass(frozen=True)
class Timing:
    """How the evidence of one result is dated against the day its claim was made.

    That day is the article's publication date, or the claim's ``as_of`` day when it gives
    one (a statement quoted from years before the article): ``stated`` is then ``as_of``.
    """

    relation: str
    day: date | None
    how: str | None
    article: date | None
    stated: str = "article"

    def made(self, language: str = ENGLISH) -> str:
        """The day the claim was made, as the sentences name it."""
        return say(language, "timing.made.article" if self.stated == "article" else "timing.made.as_of")

    def to_dict(self) -> dict:
        return {"relation": self.relation, "date": self.day.isoformat() if self.day else None,
                "dated_by": self.how, "compared_with": self.stated,
                "article_published": self.article.isoformat() if self.article else None}


def dated(row: Observation) -> Dated:
    """A row's publication day: its vintage, else the day its file was retrieved, else unknown."""
    if row.vintage is not None:
        return Dated(row.vintage, VINTAGE)
    return Dated(row.retrieved, RETRIEVED) if row.retrieved is not None else Dated(None, VINTAGE)


def timing(evidence: Iterable[Dated], article: date | None, as_of: date | str | None = None) -> Timing | None:
    """The evidence's relation to the day the claim was made; None when no reference row is part of it.

    One row published after that day is enough to say ``after`` (the latest such day is
    named); otherwise one undated row makes it ``unknown``.
    """
    evidence = list(evidence)
    if not evidence:
        return None
    stated = "as_of" if isinstance(as_of, date) else "article"
    made = as_of if isinstance(as_of, date) else article
    if made is None:
        return Timing(UNKNOWN, None, None, None)
    later = [item for item in evidence if item.day is not None and item.day > made]
    if later:
        latest = max(later, key=lambda item: item.day)
        return Timing(AFTER, latest.day, latest.how, made, stated)
    if any(item.day is None for item in evidence):
        return Timing(UNKNOWN, None, None, made, stated)
    latest = max(evidence, key=lambda item: item.day)
    return Timing(BEFORE, latest.day, latest.how, made, stated)


def warning(found: Timing | None, language: str = ENGLISH) -> str | None:
    """The sentence a report prints when a failing verdict may rest on figures the writer could not see."""
    if found is None or found.relation == BEFORE:
        return None
    return describe(found, language)


def describe(found: Timing, language: str = ENGLISH) -> str:
    """How the evidence is dated against the article, in words (``explain`` prints it for every verdict)."""
    if found.article is None and found.relation != BEFORE:
        return say(language, "timing.undated_article")
    fields = {"how": say(language, f"timing.how.{found.how}") if found.how else "", "made": found.made(language),
              "day": dates(str(found.day), language), "article": dates(str(found.article), language)}
    return say(language, f"timing.{found.relation}", **fields)


def mark(found: Timing | None, language: str = ENGLISH) -> str:
    """The few words a narrow table cell holds in place of :func:`warning`'s sentence."""
    if found is None or found.relation == BEFORE:
        return ""
    if found.relation == AFTER:
        return say(language, "timing.mark.after", day=dates(str(found.day), language), made=found.made(language))
    return say(language, "timing.mark.unknown")
