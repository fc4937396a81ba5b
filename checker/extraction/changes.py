"""Change or range: "from 1.4 % to 5.1 %" is two numbers, "between 25 % and 50 %" one.

The grammar reads ``A to B`` and ``A에서 B`` as one range, which is right for one
estimate ("range from 70 million to 90 million euros", "25%에서 50% 사이", "84억~87억
달러") and wrong for a change ("EBIT margin was up from 1.4 % to 5.1 %", "1.4%에서
5.1%로 증가했다"): there the text states two values, each with its own period, and the
relations detector links them when the text states the change. The words around the
range decide, from the tables below; dashes and tildes always join a range.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.lazy_regex import compile_lazily
from checker.quantities import match_quantity, parse_quantity
from checker.quantities.model import Qualifier, Quantity

#: Words before "from A to B" that make it one range ("costs could range from …").
EN_RANGE_LEADS: tuple[str, ...] = (
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
    "anywhere", "somewhere", "estimated", "estimates", "forecast", "forecasts", "guidance",
)
#: Joiners of a range's two ends that a change also uses (a dash or ~ is always a range).
EN_CHANGE_JOINERS: tuple[str, ...] = ("to",)
KO_CHANGE_JOINERS: tuple[str, ...] = ("에서부터", "에서", "부터")
#: Korean: after B, these make A에서 B a change (1.4%에서 5.1%로); 사이 keeps it a range.
KO_CHANGE_ENDINGS: tuple[str, ...] = ("으로", "로")
#: Korean verbs of change: "A에서 B까지 늘었다" is a change, "A에서 B까지" alone a range.
KO_CHANGE_VERBS: tuple[str, ...] = (
    "늘", "증가", "감소", "줄", "올랐", "오른", "올라", "상승", "하락", "떨어", "확대", "축소",
    "급증", "급감", "개선", "악화", "뛰", "불어", "낮아", "높아", "내려",
)

#: Verbs after which "up to" is where a value went, not a bound: "net profit went up to 8.6 mln
#: euro" states 8.6 mln, while "fines of up to $5,000" and "was up to" stay at most.
EN_RISE_VERBS: tuple[str, ...] = (
    "went", "go", "goes", "going", "gone", "rose", "rise", "rises", "risen", "rising", "climbed",
    "jumped", "grew", "increased", "soared", "surged", "edged", "moved", "shot", "ticked",
    "revised", "raised", "boosted", "pushed",
)

_EN_RISE = compile_lazily(r"\b(?:%s)\s+$" % "|".join(EN_RISE_VERBS), re.IGNORECASE)
_UP_TO = compile_lazily(r"up\s+to\s+", re.IGNORECASE)
#: "from" right before a number, past an article: where a change or a range starts ("from $31.5 billion",
#: "from the $1.7 trillion shortfall"). Shared by every reading of "from A" (ranges, relations, links).
EN_FROM = compile_lazily(r"\bfrom\s+(?:(?:the|an?)\s+)?$", re.IGNORECASE)
#: How far before a number ``EN_FROM`` looks: "from the " and a space or two.
EN_FROM_REACH = 12
_EN_LEAD = compile_lazily(r"\b(?:%s)\b(?:\s+\w+){0,2}\s+from\s+$" % "|".join(EN_RANGE_LEADS), re.IGNORECASE)
_EN_JOINER = compile_lazily(r"\s+(?:%s)\s+" % "|".join(EN_CHANGE_JOINERS), re.IGNORECASE)
_KO_JOINER = compile_lazily(r"[ ]*(?:%s)[ ]*" % "|".join(KO_CHANGE_JOINERS))
_KO_ENDING = compile_lazily(r"(?:%s)(?![\uac00-\ud7a3])|(?:%s)[ ]" % ("|".join(KO_CHANGE_ENDINGS), "|".join(KO_CHANGE_ENDINGS)))
_KO_UNTIL = compile_lazily(r"[ ]*까지$")
_KO_VERB = compile_lazily(r"[^.!?\n]{0,12}?(?:%s)" % "|".join(KO_CHANGE_VERBS))
#: A verb of change right after B: "0.04유로에서 0.07유로 증가했다" states two values (from A, to B or by B: either
#: way no range the value lies in), as "A에서 B로" does; "A에서 B 사이" stays a range.
_KO_VERB_RIGHT_AFTER = compile_lazily(r"[ ]?(?:%s)" % "|".join(KO_CHANGE_VERBS))
#: Korean: after B, "이/가 됐다" (became) and "에 달했다/이르렀다" (reached) make A에서 B a change too:
#: "6470원에서 9160원이 됐다" is where the wage went, not a range it lay in.
_KO_BECAME = compile_lazily(r"(?:이|가)[ ]*(?:됐|되었|되어|돼|된|될|되는)|에[ ]*(?:달했|달해|달한|달하|이르렀|이르러|이른)")


def _is_change(text: str, quantity: Quantity, language: str) -> re.Match[str] | None:
    """The joiner of ``quantity`` when its range is a change from one end to the other."""
    if quantity.qualifier is not Qualifier.RANGE:
        return None
    if language == "en":
        before = text[max(0, quantity.start - 40):quantity.start]
        if not EN_FROM.search(before) or _EN_LEAD.search(before):
            return None
        return _EN_JOINER.search(quantity.text)
    joiner = _KO_JOINER.search(quantity.text)
    if joiner is None or quantity.text.endswith("사이"):
        return None
    if _KO_UNTIL.search(quantity.text):
        return joiner if _KO_VERB.match(text, quantity.end) else None
    after = _past_aside(text, quantity.end)
    return joiner if ko_went_to(text, after) or _KO_VERB_RIGHT_AFTER.match(text, after) else None


#: A bracketed aside right after B, before the words that make A에서 B a change: "1억 1,660만 유로 ($149.1m)로" (the
#: amount in another currency), "1690만 유로(USD 22.3m)로".
_KO_ASIDE = compile_lazily(r"[ ]?\([^()\n]{1,40}\)")


def _past_aside(text: str, position: int) -> int:
    """Where the words after B start: past a bracketed aside right after it, if any."""
    aside = _KO_ASIDE.match(text, position) if text.startswith(("(", " ("), position) else None
    return aside.end() if aside else position


def ko_went_to(text: str, position: int) -> bool:
    """Whether the Korean words at ``position``, right after a number, mark it as where a change went:
    "9160원으로", "9160원이 됐다", "1300원에 달했다" (:mod:`checker.extraction.relations` pairs a percent so)."""
    return bool(_KO_ENDING.match(text, position) or _KO_BECAME.match(text, position))


def _end(text: str, language: str, start: int, end: int, value: object, like: Quantity) -> Quantity:
    """One end of a change as its own quantity; a bare end takes the unit written once (from 5 to 7 billion)."""
    part = text[start:end].rstrip()
    parsed = parse_quantity(part, language)
    if parsed is not None and (parsed.kind, parsed.unit, parsed.value) == (like.kind, like.unit, value):
        return replace(parsed, start=start, end=start + len(parsed.text))
    return Quantity(like.kind, value, like.unit, Qualifier.EXACT, like.precision,  # type: ignore[arg-type]
                    text=part, start=start, end=start + len(part))


def _risen_to(text: str, quantity: Quantity, language: str) -> Quantity:
    """"went up to 8.6 mln euro": the value reached, exact, without the "up to" of the verb."""
    lead = _UP_TO.match(quantity.text) if language == "en" and quantity.qualifier is Qualifier.AT_MOST else None
    if lead is None or not _EN_RISE.search(text, max(0, quantity.start - 16), quantity.start):
        return quantity
    reached = match_quantity(text, quantity.start + lead.end(), language)
    return reached if reached is not None and reached.end == quantity.end else quantity


def split(text: str, quantities: list[Quantity], language: str) -> list[Quantity]:
    """``quantities`` with every range that states a change replaced by its two ends
    (and "went up to B" read as B).

    >>> from checker.quantities import match_quantity
    >>> text = "EBIT margin was up from 1.4 % to 5.1 %."
    >>> [(q.text, str(q.value)) for q in split(text, [match_quantity(text, 24)], "en")]
    [('1.4 %', '1.4'), ('5.1 %', '5.1')]
    """
    result: list[Quantity] = []
    for quantity in (_risen_to(text, q, language) for q in quantities):
        joiner = _is_change(text, quantity, language)
        if joiner is None:
            result.append(quantity)
            continue
        middle, second_start = quantity.start + joiner.start(), quantity.start + joiner.end()
        second = match_quantity(text[:quantity.end], second_start, language)
        close = _KO_UNTIL.search(quantity.text)
        second_end = quantity.end - (len(close.group()) if close else 0)
        result.append(_end(text, language, quantity.start, middle, quantity.low, quantity))
        if second is not None and (second.kind, second.unit, second.value) == (quantity.kind, quantity.unit, quantity.high):
            result.append(second)
        else:
            result.append(_end(text, language, second_start, second_end, quantity.high, quantity))
    return result
