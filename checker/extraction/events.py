"""Periods a text states as events: a US president's term ("under President George W. Bush",
"when Obama took office", "since Obama took office").

PolitiFact's prose dates a figure by who held office more often than by the calendar: "Under
President George W. Bush, the national debt went from $5 trillion to $12 trillion" states the
debt on the days his term began and ended; "the 65.5 percent in place when Obama became
president" the rate of the month he took office; "has risen by $3.1 trillion since Obama took office" a
change from that month to the latest one out; "Trump said that gasoline prices were $1.86 a gallon
when he left office" the price of the day the term of the president whose words it reports ended. When each term began and ended is a sourced
fact (``us_presidents.yaml``: the 20th Amendment's 20 January, and the days of the successions),
so these periods are read, never guessed. A name that two presidents share ("Bush", "President
Bush") names neither, unless the text names one of them in full: "Under President George W. Bush,
the national debt went from $5 trillion to $12 trillion. ... the debt under Bush went up $4.357
trillion" is one Bush. A term begun after the text was published is not one it can mean: a
period the words leave open stays unread.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).resolve().with_name("us_presidents.yaml")


@dataclass(frozen=True)
class Term:
    """One president's term: the day it began, the day it ended (None: not over), and the names
    that name him (``after_president``: only right after "President")."""

    start: date
    end: date | None
    names: tuple[str, ...]
    after_president: tuple[str, ...]


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The terms of ``us_presidents.yaml``, read once."""
    table = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return tuple(Term(row["start"], row.get("end"), tuple(row["names"]), tuple(row.get("after_president", ())))
                 for row in table["terms"])


def _alternatives(names: set[str]) -> str:
    """The names as one regex alternation, longest first (so "George W. Bush" wins over "Bush")."""
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _name() -> str:
    """A president's name as it stands in prose: one of ``names``, "President" and one of
    ``after_president``, or one of those alone (``bare``: a president only where the text
    names him in full, :func:`_term`)."""
    names = {name for term in terms() for name in term.names}
    plain, bare = _alternatives(names), _alternatives({name for term in terms() for name in term.after_president} - names)
    titled = _alternatives({name for term in terms() for name in (*term.names, *term.after_president)})
    return rf"(?:President\s+(?P<titled>{titled})|(?P<plain>{plain})|(?P<bare>{bare}))(?!\w)"


@lru_cache(maxsize=1)
def _full_name() -> re.Pattern[str]:
    """Any of ``names``: a president named in full, who may be named short elsewhere in the text."""
    return re.compile(rf"\b(?:{_alternatives({name for term in terms() for name in term.names})})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _named_in_full(text: str) -> tuple[Term, ...]:
    """The terms whose president ``text`` names by one of his ``names`` (the same few texts are asked
    once per figure)."""
    said = {re.sub(r"\s+", " ", match.group()).lower() for match in _full_name().finditer(text)}
    return tuple(term for term in terms() if said & {name.lower() for name in term.names})


@lru_cache(maxsize=1)
def _under() -> re.Pattern[str]:
    """"under (President) George W. Bush", "under the Obama administration", "during Reagan's presidency";
    not "under Obama's budget" (a plan's figures, not his term's)."""
    return re.compile(rf"\b(?:under|during)\s+(?:the\s+)?(?:{_name()})"
                      r"(?:['’]s\s+(?:administration|presidency|term|tenure|watch)\b|\s+administration\b)?(?!['’])",
                      re.IGNORECASE)


#: What follows "when (President) Obama" for the day his term began, and for the day it ended.
_BEGAN = r"(?:first\s+)?(?:took\s+office|became\s+president|was\s+(?:inaugurated|sworn\s+in)|(?:entered|assumed)\s+office)"
_ENDED = r"left\s+(?:office|the\s+White\s+House)|stepped\s+down"


@lru_cache(maxsize=1)
def _when() -> re.Pattern[str]:
    """"when (President) Obama took office", "when Reagan's term began", "when Clinton left office"."""
    return re.compile(rf"\bwhen\s+(?:{_name()})(?:\s+|['’]s\s+term\s+(?:(?P<began>began|started)|(?P<ended>ended)))"
                      rf"(?:(?P<began_words>{_BEGAN})|(?P<ended_words>{_ENDED}))?\b", re.IGNORECASE)


def _term(match: re.Match[str], published: date | None, text: str = "") -> Term | None:
    """The one term the matched name can mean by ``published``; None when it names two or none.
    A name two presidents share, or one that is his only after "President", means the one of them
    ``text`` (the whole article) names in full."""
    titled, bare = match.group("titled"), match.group("bare")
    said = re.sub(r"\s+", " ", (titled or bare or match.group("plain")).lower())
    meant = [term for term in terms()
             if any(said == name.lower() for name in (*term.names, *(term.after_president if titled or bare else ())))
             and (published is None or term.start <= published)]
    if len(meant) > 1 or bare:
        meant = [term for term in meant if term in _named_in_full(text)]
    if len(meant) != 1:
        return None
    (term,) = meant
    if term.end is not None and published is not None and term.end > published:
        return Term(term.start, None, term.names, term.after_president)  # not over when the text was written
    return term


def term_under(sentence: str, published: date | None, text: str = "") -> Term | None:
    """The term a sentence of ``text`` states its figures under ("under President George W. Bush"); None
    when it names none, or two ("under Bush and under Obama": which figure is whose is a person's reading)."""
    found = [_term(match, published, text) for match in _under().finditer(sentence)]
    return found[0] if len(found) == 1 else None


def term_day(sentence: str, published: date | None, text: str = "") -> tuple[date, str] | None:
    """The day "when Obama took office" (or "when Clinton left office") in ``sentence`` of ``text`` names, and
    which end of the term it is; None when the sentence says no such thing, says it twice, or the
    term was not over when the text was written."""
    found = [_day(match, published, text) for match in _when().finditer(sentence)
             if _event(match) and not _BASE.search(sentence, 0, match.start())]
    return found[0] if len(found) == 1 else None


#: Words before "when Obama took office" that make that day a comparison's base, not the figure's:
#: "$16 trillion, far more than when Obama took office", "twice what it was when", "up from when".
_BASE = re.compile(r"\b(?:than|from|since|what\s+(?:it|they)\s+(?:was|were|had\s+been)|as\s+(?:it|they)\s+(?:was|were))"
                   r"\s+$", re.IGNORECASE)


def _event(match: re.Match[str]) -> str | None:
    """``began`` or ``ended`` for the words after "when Obama"; None for no event of his term ("when Obama said")."""
    if match.group("began") or match.group("began_words"):
        return "began"
    return "ended" if match.group("ended") or match.group("ended_words") else None


def _day(match: re.Match[str], published: date | None, text: str) -> tuple[date, str] | None:
    """The day the matched "when Obama took office" names, and which end of the term it is."""
    term, event = _term(match, published, text), _event(match)
    day = None if term is None else term.start if event == "began" else term.end
    return None if day is None else (day, f"the day the term {event}")


#: Up to three words between a figure and the "when" that dates it ("65.5 percent in place when").
_TO_WHEN = re.compile(r"\s+(?:(?!(?:when|than|from|since|what|as|more|less|higher|lower)\b)[A-Za-z]+\s+){0,3}"
                      r"(?=when\b)", re.IGNORECASE)


def day_after(text: str, end: int, published: date | None, sentence_start: int = 0) -> tuple[date, str] | None:
    """The day a "when Obama became president" right after a figure ending at ``end`` names: "the
    65.5 percent in place when Obama became president" is the rate of that day, whatever the
    sentence's other figures or mood ("if the rate had remained at ..." presumes it); so does "when
    he left office" in the words of a president the sentence starting at ``sentence_start`` reports
    (:func:`speakers_day`). None when no such words follow within three words."""
    gap = _TO_WHEN.match(text, end)
    if gap is None:
        return None
    return when_at(text, gap.end(), published) or speakers_day(text, sentence_start, gap.end(), published)


#: "Trump said (that)": a president as the speaker whose words a sentence reports, at its start.
_SAYS = r"\s*[\"“]?\s*(?:{name})\s+(?:said|says|claimed|claims|argued|argues|insisted|insists)\b"
#: A capitalised word: a name, or the first word of a direct quote.
_CAPITALISED = re.compile(r"\b[A-Z]")
#: "when he left office": the speaker's own term, by a pronoun.
_HE_WHEN = re.compile(rf"when\s+he\s+(?:(?P<began>{_BEGAN})|(?P<ended>{_ENDED}))\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _says() -> re.Pattern[str]:
    """A sentence opening on a president saying something ("Trump said that ...")."""
    return re.compile(_SAYS.format(name=_name()), re.IGNORECASE)


def speakers_day(text: str, sentence_start: int, start: int, published: date | None) -> tuple[date, str] | None:
    """The day "when he left office", starting at ``start``, names when "he" is the president whose words
    the sentence reports: "Trump said that gasoline prices were $1.86 a gallon when he left office" is the
    day Trump's term ended. None unless the sentence opens on a president saying it, in reported speech
    naming no one else before the words: no capitalised word stands between (another man, or a quote's
    first word: in "Gas prices were $1.86 when he left", he is not the speaker, who would say "I")."""
    said, when = _says().match(text, sentence_start), _HE_WHEN.match(text, start)
    if said is None or when is None or _CAPITALISED.search(text, said.end(), start):
        return None
    term = _term(said, published, text)
    day = None if term is None else term.start if when.group("began") else term.end
    return None if day is None else (day, f"the day the term {'began' if when.group('began') else 'ended'}")


def when_at(text: str, start: int, published: date | None) -> tuple[date, str] | None:
    """The day a "when Obama took office" starting at ``start`` names ("about triple what it was
    when Bush took office": the base of a comparison); None when no such words start there."""
    match = _when().match(text, start)
    return _day(match, published, text) if match and _event(match) else None


@lru_cache(maxsize=1)
def _since() -> re.Pattern[str]:
    """"since (President) Obama took office", "since Reagan was sworn in"."""
    return re.compile(rf"\bsince\s+(?:{_name()})\s+{_BEGAN}\b", re.IGNORECASE)


def term_since(sentence: str, published: date | None, text: str = "") -> Term | None:
    """The term whose first day a sentence of ``text`` counts a change from ("has added 10 million jobs
    since Obama took office"); None when it says no such thing, or says it of two terms."""
    found = [_term(match, published, text) for match in _since().finditer(sentence)]
    return found[0] if len(found) == 1 else None
