"""Suggesting a reference metric for a number from the words around it.

A metric's names are the ones its reference file lists for articles (``aliases:``,
Korean and English) and the one its provider publishes for the series (an EDGAR tag's
``label``, ECOS ``ITEM_NAME``, KOSIS ``ITM_NM``, DART ``account_nm``, the FRED title a
reference entry gives: see :func:`provider_names`). A name counts as written only as whole words of the text:
each word of the name matches one word of the text — the same word with a particle
after it (순이익을, 순이익은), or, in English, a plural or a spelling rapidfuzz finds as
close (net profits for net profit, labour for labor); a Korean compound with or without
its spaces (경제활동 참가율, 경제활동참가율) — so 확장실업률 never reads as
실업률, nor underemployment as unemployment. The name nearest the number wins, a longer
name over one it contains (past the number's reach, one set off after it by a comma and
"known as": "fell to 8.3% in October, a rate known as U-6"), among metrics whose unit fits the number as ``check`` would
compare them: USD money never suggests a % or KRW metric, nor a count of people an index,
and a percent suggests a money or count metric only when its words state a change of it
("revenue rose 51%"), never for a level or share ("a gross margin of 25.6%", "88% of
revenue"). A suggestion is a hint for the person who links claims: the draft writes it as
a comment, never as a link.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from checker.evaluation.units import UnitMismatch, conversion_factor
from checker.extraction.model import Found
from checker.extraction.worded import worded_value
from checker.quantities import detect_language
from checker.quantities.model import Kind, Quantity
from checker.quantities.tables import KO_HEDGE_PARTICLES, KO_TRAILING_PARTICLES

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData  # the readers load only when a draft is linked

#: Kinds that may state a change or multiple of a metric (30% 넘게 오른 주가): any unit fits them;
#: a percent only when its words say it changed (see :func:`states_change`).
RELATIVE = (Kind.MULTIPLE, Kind.PERCENT, Kind.RATIO)
#: How far before a number its metric's name may stand, in characters.
WINDOW = 40
#: How far after it ("44억 달러의 순이익"); a whole sentence's reach for a change or multiple.
AFTER = 16
#: Lowest rapidfuzz ratio for an English word to count as a word of a name (profits: profit).
MIN_SCORE = 88.0
#: What may follow a Korean word of a name inside one written word: particles (순이익을).
KO_ENDINGS = frozenset((*KO_TRAILING_PARTICLES, *KO_HEDGE_PARTICLES, "보다", "에는", "으로는", "로는", "과는", "와는"))
#: Items that stand for a whole statistic, not a part of it (ECOS 총지수, KOSIS 계).
TOTALS = frozenset(("총지수", "총계", "합계", "소계", "계", "전체", "전국", "Total", "total"))
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
#: What an EDGAR label says after the figure itself ("Net Income (Loss) Attributable to Parent").
_EDGAR_TAIL = re.compile(r"\s*,?\s*(?:Attributable to Parent|Net of Tax)\b.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Alias:
    """A name of ``metric`` and the metric's unit."""

    metric: str
    name: str
    unit: str | None


def aliases_of(reference: ReferenceData) -> list[Alias]:
    """Every name of every metric, with the metric's unit (None when it has no rows): the
    reference files' ``aliases:`` first, then the provider's own names not among them."""
    written, published = reference.aliases(), reference.names()
    found = []
    for metric in sorted(set(written) | {metric for metric, name in published.items() if name}):
        rows = reference.observations(metric)
        unit = rows[0].unit if rows else None
        found.extend(Alias(metric, name, unit) for name in written.get(metric, ()))
        found.extend(Alias(metric, name, unit) for name in _unqualified(written.get(metric, ()), written))
        found.extend(Alias(metric, name, unit)
                     for name in provider_names(metric, published.get(metric, "")) if name not in written.get(metric, ()))
    return found


#: A nation's qualifier before a name of two words or more ("federal minimum wage"), not before one ("federal debt").
_NATIONAL = re.compile(r"^(?:federal|national|nationwide|U\.S\.|US)\s+(?=\S+\s+\S)", re.IGNORECASE)


def _unqualified(names: Sequence[str], written: dict[str, list[str]]) -> list[str]:
    """``names`` without a nation's qualifier, where no metric lists the rest: articles write "the
    minimum wage" for the federal one, and a state's figure is refused where its sentence names the
    state (:mod:`places`). A one-word rest ("debt", "deficit") names too many things to stand alone.

    >>> _unqualified(["federal minimum wage", "federal debt"], {"m": ["federal minimum wage", "federal debt"]})
    ['minimum wage']
    """
    listed = {name.lower() for names_of in written.values() for name in names_of}
    bare = (_NATIONAL.sub("", name) for name in names)
    return [name for name, full in zip(bare, names) if name != full and name.lower() not in listed]


#: A nation's qualifier and one word ("national debt", "federal deficit"): the word alone is too
#: common to name the series ("debt"), "the" and it are the article's short name once it wrote the full one.
_QUALIFIED_WORD = re.compile(r"^(?:federal|national|public|U\.S\.|US)\s+(\w+)$", re.IGNORECASE)
#: The last alias list read by :func:`named_in` (kept, so its id is not another list's), its short
#: names with the full names that allow them, and the lists returned, by the short names each adds.
_SHORTENED: list[tuple[Sequence[Alias], list[tuple[Alias, re.Pattern[str]]], dict[frozenset[Alias], list[Alias]]]] = []


def _written(name: str) -> re.Pattern[str]:
    """``name`` as whole words, any case and spacing."""
    words = r"\s+".join(map(re.escape, name.split()))
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def named_in(text: str, aliases: Sequence[Alias]) -> Sequence[Alias]:
    """``aliases``, and "the" with the last word of a name ``text`` writes in full as a nation's
    qualifier and one word: an article that wrote "the national debt" goes on with "the debt"
    ("the debt under Bush went up $4.357 trillion"). The short name counts only in that text;
    in another "the debt" may be a household's or a company's. Two metrics shortened alike are
    both named (rivals, linked by neither). ``aliases`` itself when the text writes no such name,
    so the index of names by unit (:func:`_fitting`) is built once for the whole list.

    >>> names = [Alias("fred.GFDEBTN", "national debt", "USD")]
    >>> [a.name for a in named_in("The national debt rose. The debt is $6 trillion.", names)]
    ['national debt', 'the debt']
    >>> named_in("The debt is $6 trillion.", names) is names
    True
    """
    entry = _SHORTENED[0] if _SHORTENED else None
    if entry is None or entry[0] is not aliases:  # held here, as in :func:`_fitting`
        listed = {(alias.metric, alias.name.casefold()) for alias in aliases}
        entry = (aliases, [(short, _written(alias.name)) for alias in aliases
                           if (qualified := _QUALIFIED_WORD.match(alias.name))
                           and (short := Alias(alias.metric, f"the {qualified.group(1)}", alias.unit))
                           and (short.metric, short.name.casefold()) not in listed], {})
        _SHORTENED[:] = [entry]
    short = frozenset(alias for alias, written in entry[1] if written.search(text))
    if not short:
        return aliases
    if short not in entry[2]:  # one list per set of short names, so :func:`_fitting` indexes it once
        entry[2][short] = [*aliases, *sorted(short, key=lambda alias: (alias.metric, alias.name))]
    return entry[2][short]


def provider_names(metric: str, published: str) -> list[str]:
    """The names an article would use for a series, from the name its provider publishes.

    ECOS and KOSIS name a series by its statistic and items (``수입금액지수 · 곡류``): the
    article writes the items before the statistic (곡류 수입금액지수), and a total item
    (총지수, 계) is the statistic itself; KOSIS's first part is its table, not the measure.
    An EDGAR label loses what only an accountant writes (``Net Income (Loss) Attributable
    to Parent``: Net Income).

    >>> provider_names("ecos.403Y003.*AA", "수입금액지수 · 총지수")
    ['수입금액지수']
    >>> provider_names("kosis.101.DT_1DA7002S.T80.00", "경제활동인구조사 · 실업률 · 계")
    ['실업률']
    >>> provider_names("cik1318605.NetIncomeLoss", "Net Income (Loss) Attributable to Parent")
    ['Net Income']

    A FRED title (a graph CSV names none; the reference entry's ``title:`` may give FRED's) is
    its parts, each without its qualifiers: see :func:`fred_names`.
    """
    if metric.startswith("fred."):
        return list(dict.fromkeys(name for title in published.split("; ") for name in fred_names(title)))
    names = []
    for name in filter(None, (part.strip() for part in published.split("; "))):
        parts = name.split(" · ")
        if metric.startswith("kosis.") and len(parts) > 1:
            parts = parts[1:]
        head, items = parts[0], [item for item in parts[1:] if item not in TOTALS]
        name = " ".join([*items, head])
        if metric.startswith("cik"):
            name = _EDGAR_TAIL.sub("", _PARENTHESES.sub("", name))
        if name and name not in names:
            names.append(name)
    return names


#: Where a FRED title's qualifiers start: who, where or how ("... for All Urban Consumers", "... in U.S.
#: City Average"); an article names the measure before them.
_FRED_QUALIFIER = re.compile(r"\s+(?:for|in)\s.*$")
#: FRED's mark of a series' sign ("Federal Surplus or Deficit [-]").
_BRACKETS = re.compile(r"\s*\[[^\]]*\]")


def fred_names(title: str) -> list[str]:
    """The names an article would use for a FRED series, from its title: each part between its colons and
    commas ("Federal Debt: Total Public Debt"), without its qualifiers ("for All Urban Consumers") or
    marks ("[-]"), but for a part naming a category ("All Employees"), which every series of it shares.

    >>> fred_names("Federal Debt: Total Public Debt")
    ['Federal Debt', 'Total Public Debt']
    >>> fred_names("Consumer Price Index for All Urban Consumers: All Items in U.S. City Average")
    ['Consumer Price Index']
    >>> fred_names("All Employees, Total Nonfarm")
    ['Total Nonfarm']
    >>> fred_names("Federal Surplus or Deficit [-]")
    ['Federal Surplus or Deficit']
    """
    parts = (_FRED_QUALIFIER.sub("", _BRACKETS.sub("", _PARENTHESES.sub("", part))).strip()
             for part in re.split(r"[:,]", title))
    return [part for part in dict.fromkeys(parts) if part and not part.startswith("All ")]


def _fits(alias: Alias, quantity: Quantity, relative: bool) -> bool:
    """Whether a metric in ``alias.unit`` can be what ``quantity`` measures.

    ``relative``: the number states a change or multiple of the metric, so any unit fits.
    Money and counts fit the units ``check`` compares them with (USD with USD or USD per
    gallon, people with jobs), so a suggestion taken as a link is never a unit mismatch.
    """
    if quantity.kind in (Kind.DATE, Kind.DURATION):
        return False
    if alias.unit is None or relative or quantity.kind in (Kind.MULTIPLE, Kind.RATIO):
        return True
    if quantity.kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
        return alias.unit in ("%", "pp")
    if quantity.unit is None:  # a bare number: an index or a count, not money or a percent
        return not (alias.unit in ("%", "pp") or alias.unit.isupper())
    try:
        conversion_factor(quantity.unit, alias.unit)
    except UnitMismatch:
        return False
    return True


def states_change(text: str, quantity: Quantity, sentence: tuple[int, int]) -> bool:
    """Whether the words around a percent say a metric changed by it ("revenue rose 51%",
    "전년 대비 7.4% 감소했다"), read as a draft's value is (:func:`worded_value`).

    Only then is a money or count metric what the percent is about: "a gross margin of
    25.6%" or "88% of revenue" is a level or share, and Revenues is not its metric.
    """
    language = detect_language(text[sentence[0]:sentence[1]])
    worded = worded_value(text, Found(quantity, sentence), language)
    return worded is not None and worded[1].form == "change"


def suggest(text: str, quantity: Quantity, sentence: tuple[int, int], aliases: Sequence[Alias],
            relative: bool = False) -> str | None:
    """The metric whose alias best names ``quantity`` in the clause before it, or None
    (also when names of two metrics stand there alike: see :func:`nearest_metrics`).

    The name may also follow the number ("44억 달러의 순이익"); one before it wins.
    ``relative``: the number's kind may state a change or multiple of the metric (30% 넘게
    오른 주가); when it does (a percent: when its words say so), any unit fits and the name
    may stand anywhere later in the sentence.

    >>> names = [Alias("meta.net_income", "순이익", "USD"), Alias("meta.revenue", "매출", "USD")]
    >>> from dataclasses import replace
    >>> from checker.quantities import parse_quantity
    >>> text = "지난해 4분기 실적(매출 401억 달러, 순이익 140억 달러)"
    >>> q = parse_quantity("140억 달러"); q = replace(q, start=26, end=33)
    >>> suggest(text, q, (0, len(text)), names)
    'meta.net_income'
    """
    nearest = nearest_metrics(text, quantity, sentence, aliases, relative)
    return nearest[0] if len(nearest) == 1 else None


#: How far before ``WINDOW`` a name ending inside it may start: "The labor force participation rate slipped
#: to 62.3%" ends its name 12 characters before the number, but its first word lies past the window, which cut
#: it to "abor" and named nothing.
NAME_REACH = 80
#: After a number, where the next clause starts: a name past it names another figure ("its first full year of
#: profit above $1 billion, as revenue jumped 71%" took revenue for the $1 billion).
_NEXT_CLAUSE = re.compile(r",\s*(?:as|and|but|while|whereas|which|when)\b|;")


def nearest_metrics(text: str, quantity: Quantity, sentence: tuple[int, int], aliases: Sequence[Alias],
                    relative: bool = False) -> list[str]:
    """The metrics whose names stand nearest the number, best match first.

    Before the number, the name ending nearest it wins; after it, the one starting
    nearest. At the same place a longer name wins over one it contains (곡류
    수입금액지수 over 수입금액지수). More than one when names of different metrics are
    equally near and long: the words then do not decide between them.
    """
    relative = relative and (quantity.kind is not Kind.PERCENT or states_change(text, quantity, sentence))
    reach = WINDOW if relative else AFTER
    after = _counted_noun(text, quantity)
    end = min(sentence[1], quantity.end + reach)
    end = min(sentence[1], end if after >= quantity.end else end + WINDOW)
    joined = _NEXT_CLAUSE.search(text, quantity.end, end)
    windows = (   # a name starting with a count's noun may end past reach ("2.8 million jobs in the private sector")
        (max(sentence[0], quantity.start - WINDOW - NAME_REACH), quantity.start, True),
        (after, joined.start() if joined else end, False),
    )
    by_initial = _fitting(aliases, quantity, relative)
    for start, end, before in windows:
        words = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(text, start, end)]
        found: list[tuple[int, int, str]] = []
        for at, (word, begins, _) in enumerate(words):
            if not before and at and begins >= quantity.end + reach:
                break   # past reach only a name that starts with the count's noun
            for alias, wanted in by_initial.get(word[:1].casefold(), ()):
                run = words[at:at + len(wanted)]
                if (len(run) == len(wanted) and all(_same_word(want, written) for want, (written, _, _) in zip(wanted, run))
                        and not _another_measure(text, run[0][1], alias.name)
                        and (not before or run[-1][2] > quantity.start - WINDOW)):
                    found.append((run[-1][2] if before else -run[0][1], len(alias.name), alias.metric))
        if found:
            best = max(found)[:2]
            return list(dict.fromkeys(metric for place, size, metric in sorted(found, reverse=True)
                                      if (place, size) == best))
    return _apposed(text, quantity, sentence, by_initial)


#: A name set off after a figure: "fell to 8.3% in October, a rate known as U-6": the figure's own period at
#: most, a comma, a noun phrase of up to three words that starts no clause, then "known as", "called" or "dubbed".
_APPOSITION = re.compile(r"""
    (?:\s+(?:in|for|during)\s+[A-Z][a-z]+(?:\s+\d{4})?)?          # the figure's period ("in October 2021")
    ,\s+(?:(?:a|an|the)\s+)?                                      # the comma, an article
    (?:(?!(?:and|but|while|which|who|that|as|its|their)\b)[a-z]+\s+){0,3}   # a noun phrase, no clause of its own
    (?:known\s+as|called|dubbed)\s+(?:the\s+)?                   # the naming words
""", re.VERBOSE)


def _apposed(text: str, quantity: Quantity, sentence: tuple[int, int],
             by_initial: dict[str, list[tuple[Alias, tuple[str, ...]]]]) -> list[str]:
    """The metrics a name right after "known as" in an apposition to the figure names ("The broadest measure
    fell to 8.3% in October, a rate known as U-6"), longest name first; [] without one. A clause of its own
    ("8.3%, and a broader measure known as U-6 fell to 7.4%") names another figure, so it is no apposition."""
    said = _APPOSITION.match(text, quantity.end, sentence[1])
    if said is None:
        return []
    words = [match.group() for match in _WORD.finditer(text, said.end(), min(sentence[1], said.end() + WINDOW))]
    found = sorted(((len(alias.name), alias.metric) for alias, wanted in by_initial.get(words[0][:1].casefold() if words else "", ())
                    if len(words) >= len(wanted) and all(_same_word(want, word) for want, word in zip(wanted, words))),
                   reverse=True)
    return list(dict.fromkeys(metric for size, metric in found if size == found[0][0]))


def _counted_noun(text: str, quantity: Quantity) -> int:
    """Where the words after a number start, its own counted noun among them: "added 466,000 jobs"
    names the metric an alias calls "jobs", as "466,000 jobs in payrolls" would. Past the number for
    any other kind, and for a count whose noun the text does not write as such."""
    if quantity.kind is not Kind.COUNT or not quantity.unit:
        return quantity.end
    written = list(re.finditer(rf"(?<!\w){re.escape(quantity.unit)}(?!\w)", text[quantity.start:quantity.end],
                               re.IGNORECASE))
    return quantity.start + written[-1].start() if written else quantity.end


#: The last alias list indexed (kept, so its id is not another list's) and its indexes by fit.
_INDEXED: list[tuple[Sequence[Alias], dict[tuple, dict[str, list[tuple[Alias, tuple[str, ...]]]]]]] = []


def _fitting(aliases: Sequence[Alias], quantity: Quantity,
             relative: bool) -> dict[str, list[tuple[Alias, tuple[str, ...]]]]:
    """The aliases whose unit fits ``quantity``, with their words, by the first letter of their first
    word (case aside): a text word is compared only with the names that can start there. Indexed
    once per alias list and kind of number, since an article's hundreds of numbers share one list
    of hundreds of names (an EDGAR file's labels); the list must not change while in use."""
    entry = _INDEXED[0] if _INDEXED else None
    if entry is None or entry[0] is not aliases:  # held here, so another thread's list never answers for this one
        entry = (aliases, {})
        _INDEXED[:] = [entry]
    indexes = entry[1]
    key = (quantity.kind, quantity.unit, relative)
    if key not in indexes:
        index: dict[str, list[tuple[Alias, tuple[str, ...]]]] = {}
        for alias in aliases:
            if not _fits(alias, quantity, relative):
                continue
            for wanted in _spellings(alias.name):
                index.setdefault(wanted[0][:1].casefold(), []).append((alias, wanted))
        indexes[key] = index
    return indexes[key]


def _spellings(name: str) -> list[tuple[str, ...]]:
    """The words of ``name``, and for a Korean name of several words the same run together: Korean
    writes a compound with or without its spaces (경제활동 참가율, 경제활동참가율). An English name
    of several words is also its last word with the others after "in" or "of", with or without
    "the": English writes "private-sector jobs" as "jobs in the private sector", "GDP growth" as
    "growth in GDP", "labor force participation" as "participation in the labor force".

    >>> _spellings("manufacturing jobs")[1:3]
    [('jobs', 'in', 'manufacturing'), ('jobs', 'in', 'the', 'manufacturing')]
    """
    words = tuple(match.group() for match in _WORD.finditer(name))
    if len(words) > 1 and all(_HANGUL.search(word) for word in words):
        return [words, ("".join(words),)]
    if len(words) > 1 and not any(_HANGUL.search(word) for word in words):
        *modifiers, head = words
        return [words, *((head, joint, *article, *modifiers) for joint in _INVERTED for article in ((), ("the",)))]
    return [words] if words else []


#: The words that join an English name's last word to the ones before it, written after it.
_INVERTED = ("in", "of")


#: Korean words before a statistic's name that make it another statistic, written apart or run
#: together alike (체감 실업률 and 체감실업률 are the extended rate, 고용보조지표3, not 실업률).
KO_OTHER_MEASURE = re.compile(r"(?:체감|확장|고용보조지표\s*\d?)\s+$")


def _another_measure(text: str, start: int, name: str) -> bool:
    """Whether the words right before a Korean name at ``start`` make it another statistic: 체감
    실업률 is not 실업률, as 체감실업률 is not (a name that starts with 체감 starts before them)."""
    return bool(_HANGUL.search(name)) and bool(KO_OTHER_MEASURE.search(text, max(0, start - 12), start))


def _same_word(wanted: str, word: str) -> bool:
    """Whether ``word`` of the text is ``wanted`` of a name: the same word, a Korean word with a
    particle after it, an English plural or possessive, or a spelling rapidfuzz scores as close
    that differs by one letter at most past the same start (labour: labor; underemployment is
    not unemployment)."""
    if word == wanted:
        return True
    if _HANGUL.search(wanted):
        return word.startswith(wanted) and word[len(wanted):] in KO_ENDINGS
    wanted, word = wanted.casefold(), word.casefold()
    if word == wanted or (word.startswith(wanted) and word[len(wanted):] in ("s", "es", "'s", "’s")):
        return True
    if word[:2] != wanted[:2] or abs(len(word) - len(wanted)) > 1:
        return False
    from rapidfuzz import fuzz  # only a draft with reference aliases pays for loading it
    return fuzz.ratio(wanted, word, score_cutoff=MIN_SCORE) > 0
