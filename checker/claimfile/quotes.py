"""Finding a claim's quote in its article, forgiving how it was typed.

A fact-checker copies a sentence out of a web page into YAML; on the way, spaces
change (``44억 달러`` / ``44억달러``, a line break inside the sentence), quotes turn
straight or curly, full-width digits become half-width. None of that changes what
was quoted, so both sides are folded the same way before matching:

- NFKC (full-width ``４４％`` → ``44%``, ``…`` → ``...``);
- the punctuation twins in :data:`_TWINS` (curly/straight quotes, dashes, tildes,
  middle dots) to one form;
- every whitespace and invisible format character (zero-width space, soft
  hyphen, BOM) dropped.

The span found is reported in code points of the *original* article text, so
reports can underline what the article actually says. When the quote is not
there, rapidfuzz's best partial alignment names the nearest passage and its line,
which is nearly always the sentence the user meant, with a typo to fix.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import compress
from typing import Iterable, Iterator


_TWINS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',  # “ ” „ ‟
        "\u2033": '"', "\u00ab": '"', "\u00bb": '"',                 # ″ « »
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",  # ‘ ’ ‚ ‛
        "\u2032": "'", "\u0060": "'", "\u00b4": "'",                 # ′ ` ´
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",  # ‐ ‑ ‒ –
        "\u2014": "-", "\u2015": "-", "\u2212": "-",                 # — ― −
        "\u301c": "~", "\u223c": "~",                                # 〜 ∼
        "\u30fb": "\u00b7", "\u2027": "\u00b7", "\u2219": "\u00b7",  # ・ ‧ ∙ → ·
    }
)
"""Characters NFKC leaves apart that writers use interchangeably."""

NEAREST_MIN_SCORE = 50.0
"""Below this partial-ratio score no passage is offered as "nearest": it would mislead."""
PASSAGE_WIDTH = 80
"""Longest passage quoted back in a message, in characters."""
NEEDLE_WIDTH = 64
"""The nearest passage is sought for the quote's first this many folded characters: the
alignment costs the article's length times the needle's, and a start is enough to point
at the sentence meant (a 1,000-character quote in a 1.3 MB article took seconds)."""
MAX_NEAREST = 20
"""Quotes per claim file for which a nearest passage is sought; later misses only say so,
so a file of many unfound quotes costs at most this many passes over the article."""


@dataclass(frozen=True)
class FoldedText:
    """Text folded for matching, with the original offset of every folded character."""

    original: str
    folded: str
    origins: array
    """The original offset of each folded character, 4 bytes each: as a tuple of ints, a long
    article's offsets took 36 bytes a character (97 MB for the 2.7M of a 100,000-claim check)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original code-point span of folded characters ``start..end``."""
        return self.origins[start], self.origins[end - 1] + 1


class _FoldTable(dict):
    """What each character folds to (module docstring), worked out on its first sight: a mapping
    ``str.translate`` reads, so a text is folded at C speed and each distinct character once per run."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        pieces = char if char.isascii() else unicodedata.normalize("NFKC", char).translate(_TWINS)
        self[code] = "".join(piece for piece in pieces
                             if not piece.isspace() and unicodedata.category(piece) != "Cf")
        return self[code]


class _WidthTable(dict):
    """How many characters each character folds to, as the character of that code (0, 1, rarely more),
    so ``str.translate`` counts a text's origins at C speed too."""

    def __missing__(self, code: int) -> str:
        self[code] = chr(len(_FOLDS[code]))
        return self[code]


_FOLDS = _FoldTable()
_WIDTHS = _WidthTable()


def folded(text: str) -> str:
    """``text`` folded for matching (see module docstring), without the origins: a quote's needle.

    >>> folded("“44억 달러”\u200b의")
    '"44억달러"의'
    """
    return text.translate(_FOLDS)


def fold(text: str) -> FoldedText:
    """Fold ``text`` for matching (see module docstring), remembering origins.

    Each character folds alone, to none, one or (rarely: ``㎏`` is ``kg``) several characters;
    the origins repeat its offset that many times, counted in C unless some character expands.
    """
    widths = text.translate(_WIDTHS).encode("latin-1")  # no character folds to 256 or more
    if max(widths, default=0) <= 1:
        origins = array("I", compress(range(len(text)), widths))
    else:
        origins = array("I", (index for index, width in enumerate(widths) for _ in range(width)))
    return FoldedText(text, folded(text), origins)


def find_quote(quote: str, article: FoldedText) -> tuple[int, int] | None:
    """The span of the first occurrence of ``quote`` in the article, or None.

    >>> find_quote("44억달러의  순이익", fold("메타는 44억 달러의\\n순이익을"))
    (4, 15)
    >>> find_quote("“절반”", fold('"절반" 수준'))
    (0, 4)
    """
    needle = folded(quote)
    if not needle:
        return None
    at = article.folded.find(needle)
    if at < 0:
        return None
    return article.span(at, at + len(needle))


#: Folded characters a quote is first looked up by when many quotes are located at once.
PREFIX_WIDTH = 8
#: From this many quotes on, one pass over the article locates them all: each quote's own
#: search costs a scan of the article up to where the quote is, so 100,000 quotes of a long
#: article cost minutes, and one pass costs about as much as a few thousand searches.
MANY_QUOTES = 2000


def locate_quotes(quotes: Iterable[str], article: FoldedText,
                  many: int | None = None) -> dict[str, tuple[int, int] | None]:
    """Each quote's :func:`find_quote` span, all found in one pass over the article from ``many`` quotes on
    (default :data:`MANY_QUOTES`).

    >>> locate_quotes(["44억 달러의  순이익", "순이익", "적자"], fold("메타는 44억 달러의\\n순이익을"), many=1)
    {'44억 달러의  순이익': (4, 15), '순이익': (12, 15), '적자': None}
    """
    distinct = list(dict.fromkeys(quotes))
    if len(distinct) < (many or MANY_QUOTES):
        return {quote: find_quote(quote, article) for quote in distinct}
    needles = {quote: folded(quote) for quote in distinct}
    firsts = _first_occurrences(set(needles.values()), article.folded)
    return {quote: article.span(firsts[needle], firsts[needle] + len(needle)) if needle and firsts[needle] >= 0
            else None for quote, needle in needles.items()}


def _first_occurrences(needles: set[str], text: str) -> dict[str, int]:
    """Where each needle first occurs in ``text`` (-1: nowhere), as ``str.find`` says, in one pass.

    Needles are bucketed by their first :data:`PREFIX_WIDTH` characters; at each position of
    the text only the needles of that position's prefix are compared. A needle shorter than
    the prefix is searched on its own.
    """
    found: dict[str, int] = {}
    by_prefix: dict[str, list[str]] = {}
    for needle in needles:
        if len(needle) < PREFIX_WIDTH:
            found[needle] = text.find(needle)
        else:
            by_prefix.setdefault(needle[:PREFIX_WIDTH], []).append(needle)
    waiting = len(needles) - len(found)
    for at in _possible_starts(by_prefix, text):
        if not waiting:
            break
        for needle in by_prefix.get(text[at:at + PREFIX_WIDTH], ()):
            if needle not in found and text.startswith(needle, at):
                found[needle] = at
                waiting -= 1
    return {needle: found.get(needle, -1) for needle in needles}


def _possible_starts(by_prefix: dict[str, list[str]], text: str) -> Iterator[int]:
    """The positions of ``text`` where some prefix of ``by_prefix`` may start: those holding one of their
    first characters, found by a character class at C speed: stepping through every position in Python took
    most of a second of a 100,000-claim article's pass, and quotes mostly begin with a few characters.

    >>> list(_possible_starts({"abcdefgh": [], "b-cdefgh": []}, "xabcb-cdefghij"))
    [1, 2, 4]
    """
    if not by_prefix:
        return iter(())
    firsts = re.compile("[" + "".join(re.escape(first) for first in sorted({prefix[0] for prefix in by_prefix})) + "]")
    return (match.start() for match in firsts.finditer(text, 0, max(0, len(text) - PREFIX_WIDTH + 1)))


@dataclass(frozen=True)
class Passage:
    """The article passage most like a quote that was not found."""

    line: int
    text: str
    score: float


def nearest_passage(quote: str, article: FoldedText) -> Passage | None:
    """The passage that best matches ``quote``, or None when nothing is close.

    >>> nearest_passage("순이익이 44억 달러", fold("첫 줄\\n메타의 순이익은 44억 달러였다")).line
    2
    """
    from rapidfuzz import fuzz  # imported on the first quote not found, not by every run

    needle = folded(quote)[:NEEDLE_WIDTH]
    if not needle or not article.folded:
        return None
    found = fuzz.partial_ratio_alignment(needle, article.folded)
    if found is None or found.score < NEAREST_MIN_SCORE or found.dest_end <= found.dest_start:
        return None
    start, end = article.span(found.dest_start, found.dest_end)
    text = " ".join(article.original[start:end].split())
    if len(text) > PASSAGE_WIDTH:
        text = text[: PASSAGE_WIDTH - 1] + "…"
    line = article.original.count("\n", 0, start) + 1
    return Passage(line, text, found.score)


def not_found_message(quote: str, article: FoldedText, article_name: str,
                      search: bool = True) -> tuple[str, dict[str, str]]:
    """The catalogue message (key and fields) saying the quote is missing and which passage the user
    likely meant (when ``search``): a report row shows it in the article's language."""
    if not search:
        return "quote.not_sought", {"article": article_name, "misses": str(MAX_NEAREST)}
    passage = nearest_passage(quote, article)
    if passage is None:
        return "quote.no_passage", {"article": article_name}
    return "quote.nearest", {"article": article_name, "line": str(passage.line), "passage": passage.text}
