"""Extraction: every quantity an article states, and the arithmetic between them.

``extract(text)`` scans the text with the quantity grammar (``scanner``), drops numbers
that are not quantities (``negatives``), splits a change written like a range
("from 1.4 % to 5.1 %") into its two values (``changes``), places each in its sentence (``sentences``),
reads the period it is about (``context``, ``english_periods``), suggests a reference metric (``metrics``)
and finds the relations the text states between its numbers (``relations``).
``draft`` turns the result into a claim file; ``update`` merges it into one a person
has edited.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterable

from checker.extraction import changes, context, negatives, scanner
from checker.extraction.gate import may_hold_quantity
from checker.extraction.negatives import Negative
from checker.extraction.sentences import sentence_of, sentence_spans
from checker.gc_pause import no_cycle_collection
from checker.quantities import detect_language, grammar
from checker.quantities.model import Quantity
from checker.quantities.numerals import normalize

if TYPE_CHECKING:
    from checker.extraction import metrics
    from checker.extraction.fiscal import FiscalCalendar
    from checker.extraction.model import Extraction, Found, StatedRelation

__all__ = ["Extraction", "Found", "Negative", "StatedRelation", "extract", "numbers"]


def __getattr__(name: str) -> Any:
    """``Extraction``, ``Found`` and ``StatedRelation``, loaded on first use (PEP 562): ``check``
    imports this package for ``numbers`` alone and need not create a whole extraction's classes."""
    if name in ("Extraction", "Found", "StatedRelation"):
        return getattr(import_module("checker.extraction.model"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=None)
def _later(name: str) -> ModuleType:
    """The module ``checker.extraction.<name>``, imported at its first use: ``check`` imports this package
    for ``numbers`` alone and need not load what only ``extract`` uses. Asked here, not by ``from … import``
    in ``_extract``: an import statement costs 1-2 µs a text even when the module is loaded."""
    return import_module(f"{__name__}.{name}")


def numbers(text: str, language: str) -> tuple[list[Quantity], list[Negative]]:
    """The quantities in ``text`` and the numbers that are not quantities, with why.

    A text without a digit or number word (``gate``) holds no quantity and no region of
    ``negatives`` either (each holds a digit, a number word or "a year"): it is not scanned.
    """
    if not may_hold_quantity(text, language):
        return [], []
    blocked = negatives.regions(normalize(text))  # as the grammar reads it: 1월 29∼30일 is 1월 29~30일
    refused = [Negative(start, end, reason) for start, end, reason in blocked]
    stops = [start for start, _, reason in blocked if negatives.REGIONS[reason].ends_expressions]
    kept: list[Quantity] = []
    hangul = negatives.holds_hangul(text)
    for quantity in scanner.scan(text, language, [(start, end) for start, end, _ in blocked], stops):
        reason = negatives.why_not(text, quantity, hangul)
        if reason is None:
            kept.append(context.as_date(text, quantity))
        else:
            refused.append(Negative(quantity.start, quantity.end, reason))
    spans = negatives.period_spans(text, kept)  # a span is judged by the figures around it, so after them
    refused.extend(Negative(kept[i].start, kept[i].end, negatives.SPAN_REASON) for i in sorted(spans))
    kept = [quantity for i, quantity in enumerate(kept) if i not in spans]
    if language == "en" and len(kept) > 1 and negatives.may_compare(text):   # two figures compared: most texts not
        kept = _compared(text, kept, refused)
    return changes.split(text, kept, language), sorted(refused, key=lambda negative: negative.start)


def _compared(text: str, kept: list[Quantity], refused: list[Negative]) -> list[Quantity]:
    """English figures compared with another of their clause: an amount without the other's scale word is refused
    (added to ``refused``), a bare figure compared with a count is that count."""
    from checker.extraction.borrowed import compared_counts  # English words: a Korean run need not load them

    unscaled = negatives.unscaled_comparisons(text, kept)
    if unscaled:
        refused.extend(Negative(kept[i].start, kept[i].end, negatives.UNSCALED_REASON) for i in sorted(unscaled))
        kept = [quantity for i, quantity in enumerate(kept) if i not in unscaled]
    return compared_counts(text, kept)


def extract(text: str, language: str | None = None, published: date | str | None = None,
            aliases: Iterable[metrics.Alias] = (), fiscal: FiscalCalendar | None = None) -> Extraction:
    """Every quantity of ``text`` with its sentence, period and metric, and the relations stated.

    ``language`` is ``ko`` or ``en`` (detected when None); ``published`` resolves
    relative periods (지난해, last year), as a date or ``YYYY-MM-DD``; ``aliases`` (from
    reference data, see ``metrics.aliases_of``) enable metric suggestions; ``fiscal``, the
    company's fiscal calendar, dates "fiscal 2022" and "the fiscal fourth quarter" (English).

    >>> result = extract("메타는 2022년 3분기 44억 달러의 순이익을 기록했다. 전년 대비 절반 수준이었다.")
    >>> [(f.quantity.text, f.period) for f in result.quantities]
    [('2022년 3분기', '2022-Q3'), ('44억 달러', '2022-Q3'), ('절반 수준', None)]
    >>> [(r.relation, r.operands) for r in result.relations]
    [('ratio', (1, {'period': '2021-Q3'}))]
    """
    with no_cycle_collection():   # see ``_extract``
        return _extract(text, language, published, aliases, fiscal)


def _extract(text: str, language: str | None, published: date | str | None,
             aliases: Iterable[metrics.Alias], fiscal: FiscalCalendar | None) -> Extraction:
    """``extract``, run with the cycle collector paused (``checker.gc_pause`` says why for
    reading files; the same holds here): what it builds holds no reference cycles, so
    reference counting frees it all, while each automatic collection during a run over
    many texts walks every object the program holds: 2-3% of a run over the finance corpus.
    """
    model = _later("model")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    language = language or detect_language(text)
    grammar(language)
    found, refused = numbers(text, language)
    if not found:   # nothing to place in a sentence, date or relate: most sentences of an archive
        return model.Extraction(text, language, published, [], [], refused)
    spans = sentence_spans(text) or [(0, len(text))]
    if len(spans) == 1:   # one sentence, most texts: every quantity is in it, no bisection
        index = [0] * len(found)
    else:
        starts = [start for start, _ in spans]
        index = [sentence_of(spans, starts, q.start) for q in found]
    if language == "en":   # ``english_periods``: its phrase table is for English only
        placed = _later("english_periods").attach(text, found, spans, index, published, fiscal)
    else:
        placed = context.periods(text, found, spans, index, published, fiscal)
    metrics, relations = _later("metrics"), _later("relations")   # ``check`` reads its quotes without them

    names = aliases if isinstance(aliases, list) else list(aliases)   # the caller's list: its index by unit is kept
    names = metrics.named_in(text, names) if names else names
    quantities = [
        model.Found(q, spans[i], label,
                    metrics.suggest(text, q, spans[i], names, q.kind in metrics.RELATIVE) if names else None, note)
        for q, i, (label, note) in zip(found, index, placed)
    ]
    stated = relations.stated_relations(relations.Article(text, quantities, index, published))
    return model.Extraction(text, language, published, quantities, stated, refused)
