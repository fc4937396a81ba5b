"""Quantities: what one number in text means, in Korean and English.

``parse_quantity("1만1,000명")`` reads one whole expression; ``match_quantity(text,
pos)`` reads the longest expression starting at ``pos`` in running text. Each
language grammar is one module declaring ``NAME``, ``match_core``,
``plausible_in_running_text``, its hedge tables, ``ARTICLE_AFTER_HEDGE`` (None or the
article a hedge may stand before: "over an 80 percent chance"), ``TRAILING`` and
``FIRST_WORDS`` (the Latin words an expression can start with); it is registered in :data:`GRAMMARS`, so adding a language is one new
file and one line here.
"""
from __future__ import annotations

from types import ModuleType

from ..lazy_regex import compile_lazily
from . import english, korean
from .assemble import Core, to_quantity
from .model import Kind, Qualifier, Quantity
from .numerals import normalize

__all__ = ["GRAMMARS", "Kind", "Qualifier", "Quantity", "detect_language",
           "grammar", "match_quantity", "parse_quantity"]

GRAMMARS: dict[str, ModuleType] = {module.NAME: module for module in (korean, english)}

_HANGUL = compile_lazily(r"[\uac00-\ud7a3]")
#: In running text only a window around ``pos`` is normalised and matched, so scanning
#: a long article costs time per number, not per number times article length. No
#: expression is longer than the look-ahead; the look-behind covers the word-boundary checks
#: and the words a grammar reads before a number ("either $77 million, $86.3 million or …").
_LOOK_BEHIND = 80
_LOOK_AHEAD = 256
_SPACE = compile_lazily(r"\s*")


def detect_language(text: str) -> str:
    """``ko`` when the text has any Hangul, else ``en``.

    >>> detect_language("$10 billion (약 13조 원)"), detect_language("$4.4 billion")
    ('ko', 'en')
    """
    return "ko" if _HANGUL.search(text) else "en"


def grammar(language: str) -> ModuleType:
    """The grammar registered for ``language``; a clear error for an unknown one."""
    try:
        return GRAMMARS[language]
    except KeyError:
        known = ", ".join(sorted(GRAMMARS))
        raise ValueError(f"unknown language {language!r} (known: {known})") from None


def _match(module: ModuleType, original: str, text: str, pos: int, running: bool,
           offset: int = 0) -> Quantity | None:
    start = _SPACE.match(text, pos).end() if text[pos:pos + 1].isspace() else pos  # type: ignore[union-attr]
    before = module.PREFIX_HEDGES.match(text, start)
    core_start, core = _core_after_hedge(module, text, before.end) if before else (start, None)
    if core is None:
        before, core_start = None, start
        core = module.match_core(text, start)
    if core is None:
        return None
    if running and not module.plausible_in_running_text(text, core_start, core):
        return None
    after = module.SUFFIX_HEDGES.match(text, core.end)
    return to_quantity(original, start, core, before, after, offset)


def _core_after_hedge(module: ModuleType, text: str, pos: int) -> tuple[int, Core | None]:
    """Where the core after a prefix hedge at ``pos`` starts, and the core: past an article
    when only that reads one ("over an 80 percent chance" is more than 80 percent)."""
    core = module.match_core(text, pos)
    article = module.ARTICLE_AFTER_HEDGE.match(text, pos) if core is None and module.ARTICLE_AFTER_HEDGE else None
    return (article.end(), module.match_core(text, article.end())) if article else (pos, core)


def match_quantity(text: str, pos: int = 0, language: str | None = None,
                   normalized: str | None = None, end: int | None = None) -> Quantity | None:
    """The longest quantity expression starting at ``pos`` (after spaces), or None.

    Words that only look like numbers in running text (이 아바타, 조 바이든) are
    not matched. Leading and trailing hedge words belong to the expression; a trailing particle
    does not, unless a hedge follows it (``200명도 채 되지 않는``). ``start``/``end`` of
    the result are code-point offsets into ``text``. ``normalized`` is ``normalize(text)``
    when the caller has it (a scanner normalises an article once, not once per number).
    ``end`` reads the text as if it ended there (a scanner stops before "9/11").

    >>> q = match_quantity("순이익은 44억 달러의 절반", 5)
    >>> (q.text, q.start, q.end, q.unit, int(q.value))
    ('44억 달러', 5, 11, 'USD', 4400000000)
    """
    module = grammar(language or detect_language(text))
    low, high = max(0, pos - _LOOK_BEHIND), pos + _LOOK_AHEAD if end is None else min(end, pos + _LOOK_AHEAD)
    window = text[low:high]
    normal = normalized[low:high] if normalized is not None else normalize(window)
    return _match(module, window, normal, pos - low, running=True, offset=low)


def parse_quantity(text: str, language: str | None = None) -> Quantity | None:
    """``text`` as one quantity expression, or None when it is not exactly one.

    >>> q = parse_quantity("약 2만5,000~3만 달러")
    >>> (q.kind.value, q.low, q.high, q.unit, q.qualifier.value)
    ('money', Decimal('25000'), Decimal('30000'), 'USD', 'range')
    """
    module = grammar(language or detect_language(text))
    normalized = normalize(text)
    quantity = _match(module, text, normalized, 0, running=False)
    if quantity is None:
        return None
    rest = module.TRAILING.match(normalized, quantity.end)
    if rest is None or rest.end() != len(normalized):
        return None
    return quantity
