"""Sentence spans in an article: where a quantity's quote starts and ends.

A quote must be a passage of the article, and a sentence is what a fact-checker
quotes. Boundaries are a line break, or ``.``/``!``/``?``/``。`` (with any closing
quotes after it) before a space — never the point inside ``20.32`` or ``U.S.`` before
a lower-case word, nor that of an abbreviated month before a day or year ("Oct. 7"), of a
title ("Mr. Musk") or of a company's "Inc." or "Corp." before a lower-case word ("Tesla Inc. said").

An English wire dateline opening a paragraph ("WASHINGTON (AP) --", "Washington, Oct. 7,
2022 -") is a sentence of its own, ended at its dash: it names where and when the story was
filed, and a quote of the lead's numbers that carried it would quote words the claim is not
about (docs/claim-files.md, "Quotes").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable

from checker.lazy_regex import compile_lazily

#: A sentence's end mark. It opens on a character class, so the regex engine finds it
#: by a fast scan (the look-behind comes after the mark: before it, it was tried at every
#: character); line breaks, which end a paragraph, are found apart (``_BREAK``).
#: A run of marks is read once, from its first (a match starting inside the run and
#: giving back a mark never ends on a space: a run of 20,000 dots took 7 s).
_END = compile_lazily(
    r"""
    [.!?。] (?<! [.!?。][.!?。] ) [.!?。]*+ ['"’”」』)\]]*+          # 다. / 했다." / ?)
    (?= \s | $ )
    (?<! \b[A-Z]\. )                  # U.S. , J. Smith: an initial ends no sentence
    (?! (?: (?<= \b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. ) | (?<= \bSept\. ) ) \s+\d )  # Oct. 7, Sept. 2022
    (?<! \b(?:Mr|Ms|Dr)\. ) (?<! \bMrs\. )  # Mr. Musk: a title stands before a name
    (?! (?: (?<= \b(?:Inc|Ltd)\. ) | (?<= \bCo\. ) | (?<= \bCorp\. ) ) \s+[a-z] )  # Tesla Inc. said
    """,
    re.VERBOSE,
)
_BREAK = compile_lazily(r"\r(?=\n)|\n")
_LINE_FEED = compile_lazily(r"\n")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: An English wire dateline at a paragraph's start, up to its dash: a place of one to four
#: capitalised words (and ", State"), then a day ("Oct. 7, 2022") and/or a wire's mark ("(AP)").
#: A place alone before a dash is no dateline ("Meta - the company -" is prose).
_DATELINE = compile_lazily(
    r"""[ \t]* [A-Z][A-Za-z.'’-]* (?: [ ][A-Z][A-Za-z.'’-]* ){0,3} (?: ,[ ][A-Z][A-Za-z.]* )?   # WASHINGTON, Austin, Texas
    (?: ,?[ ] %s [ ] \d{1,2} (?: ,[ ]\d{4} )? (?: [ ]\([A-Za-z]{2,12}\) )?                      # , Oct. 7, 2022 (Reuters)
      | [ ]\((?:AP|Reuters|AFP|Bloomberg|Xinhua|Yonhap|UPI|dpa)\) )                             # (AP)
    [ ]+ (?: --? | – | — ) (?= [ ] )""" % _MONTH,
    re.VERBOSE)
_SPACE = compile_lazily(r"\s*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace around it left out.

    >>> text = '메타는 44억 달러를 벌었다. 전년 대비 "절반" 수준이었다.\\nU.S. sales rose 2.5%.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['메타는 44억 달러를 벌었다.', '전년 대비 "절반" 수준이었다.', 'U.S. sales rose 2.5%.']
    """
    spans: list[tuple[int, int]] = []
    start = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    for end in _ends(text):
        if end > start:
            spans.append((start, end))
        start = max(start, _SPACE.match(text, end).end())  # type: ignore[union-attr]
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _ends(text: str) -> list[int]:
    """Where sentences end, in order: after an end mark, and before each line break (before
    both characters of ``\\r\\n``, as a look-ahead ``(?=\\r?\\n)`` finds it)."""
    ends = [mark.end() for mark in _END.finditer(text)]
    dashed = " -" in text or "–" in text or "—" in text   # a dateline's dash: most texts hold none
    if "\n" not in text and not dashed:   # one line, most texts: its end marks alone, in order already
        return ends
    ends.extend(line.start() for line in _BREAK.finditer(text))
    if dashed:
        ends.extend(_dateline_ends(text))
    return sorted(ends)


def _dateline_ends(text: str) -> list[int]:
    """The end of the dateline opening each paragraph, if one does ("WASHINGTON (AP) --"):
    tried at each paragraph's start only (after a line feed: after \r\n, not between), not at every character."""
    starts = [0, *(line.end() for line in _LINE_FEED.finditer(text))]
    matches = (_DATELINE.match(text, start) for start in starts if _dash_near(text, start))
    return [match.end() for match in matches if match is not None]


def _dash_near(text: str, start: int) -> bool:
    """Whether a dash stands within a dateline's reach of ``start`` after a digit or a bracket, where a dateline's
    day or wire's mark ends ("…, 2022 -", "(AP) --"): most paragraphs open with no dateline."""
    head = text[start:start + _DATELINE_REACH]
    dashes = [at for at in (head.find(" -"), head.find(" –"), head.find(" —")) if at > 0]
    return any(head[at - 1].isdigit() or head[at - 1] == ")" for at in dashes)


#: How far a dateline's dash stands from its paragraph's start at most ("SALT LAKE CITY, Utah, Sept. 30, 2022 (Reuters) -").
_DATELINE_REACH = 96


def sentence_of(spans: list[tuple[int, int]], starts: list[int], position: int) -> int:
    """The index of the sentence holding ``position`` (``starts`` = the spans' starts)."""
    return max(0, bisect_right(starts, position) - 1)


def paragraph_finder(text: str) -> Callable[[int], int]:
    """The paragraph number (line breaks before it) of any position of ``text``.

    The breaks are found once and each position is a bisection, so numbering the
    paragraphs of every phrase of a long article costs time per phrase, not per
    character times phrases.
    """
    if "\n" not in text:   # most texts are one paragraph: no search, no bisection
        return _first_paragraph
    breaks = [match.start() for match in re.finditer("\n", text)]
    return lambda position: bisect_left(breaks, position)


def _first_paragraph(position: int) -> int:
    """``paragraph_finder``'s answer in a text without a line break: every position is in paragraph 0."""
    return 0
