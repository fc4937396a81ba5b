"""The words around a claimed number: which way it moved, by or to, per what, per year, a rank.

News states numbers with their predicate — "수출은 7.4% 감소했다", "fell to nearly three
quarters", "99억 7,000만 달러 적자", "달러당 1,305.4원", "3년 만에 최저". The grammar
(:mod:`checker.quantities`) reads the number; this layer reads the predicate words from
the data tables below, strips them, and hands the rest to the grammar. It adds no
branch to a language grammar: a new verb or ending is one table entry.

What the words mean:

- **change ("by")** — a change word right after the number (``7.4% 감소했다``, ``3분의 1
  줄었다``, ``fell 7.4%``, ``fell by a third``, ``down 1.5 percentage points``): the value
  is the signed size of the move, −7.4% or −⅓, and ``nearly`` approaches that size from
  below (a fall *by nearly a third* is a fall of 30–33.3%).
- **level ("to")** — the number a value moved to or stands at (``3.6%로 떨어졌다``, ``3분의
  1 수준으로 줄었다``, ``fell to a third``, ``stood at 3.6%``): unsigned, with the direction
  the words imply, so ``nearly`` approaches from the side the value came from (a fall *to
  nearly three quarters* leaves 75–82.5%). A "to" marker with no verb before a fraction or
  multiple (``4분의 3 가까운 수준으로``) moved from the whole, 1: down to a fraction, up to
  a multiple.
- **배** is always a level: ``두 배로 늘었다`` and ``두 배 늘었다`` both say 2× (the common
  newspaper reading of the second; write ``200% 늘었다`` for +200%). 배 with a decrease verb
  (``세 배 줄었다``) has no agreed meaning and is not read.
- **deficit / surplus** (적자 / 흑자) give a level its sign: ``99억 달러 적자`` is −9.9e9.
- **level-reporting verbs** (집계됐다, 기록했다, was, stood at) and comparison bases
  (전년 대비, from a year earlier) add nothing: the claim's lookup or operands say them.
- **per-unit rates** (달러당, 주당, 시간당, per share, a gallon, an hour) make the unit a
  rate, ``KRW/USD`` or ``USD/gallons``; **annual rates** (연, a year, annualized) are marked.

Every sign, direction and form is read from the words, never guessed: words that
contradict each other (a fall and a surplus, a minus sign and a fall) are not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ..folding import fold
from ..lazy_regex import compile_lazily
from . import detect_language, parse_quantity
from .endings import Ending, EndingTable
from .english import TICK, is_rate, tick_of
from .hedges import conjugated
from .model import Kind, Qualifier, Quantity

UP, DOWN = "up", "down"
CHANGE, LEVEL = "change", "level"

# --- Korean tables ------------------------------------------------------------------

#: Endings by verb class, written with the stem's last syllable (Korean fuses stem and
#: ending: 오르 + 았다 = 올랐다). "" is the bare noun (7.4% 감소, 99억 달러 흑자 전환 aside).
KO_ENDINGS: dict[str, tuple[str, ...]] = {
    "하다": ("", "했다", "했고", "했으며", "했던", "했다는", "했지만", "했습니다", "해", "해서",
             "하고", "하며", "하면서", "한", "하는", "한다", "하기도"),
    "되다": ("됐다", "됐고", "됐으며", "됐던", "됐다는", "됐습니다", "되었다", "돼", "되어",
             "되고", "되며", "된", "되는", "된다"),
    "늘다": ("늘었다", "늘었고", "늘었으며", "늘었던", "늘었다는", "늘어", "늘어서", "늘고",
             "늘며", "늘면서", "늘어났다", "늘어났고", "늘어났으며", "늘어난", "늘어나", "늘어나며",
             "늘어난다", "늘어나고", "늘어납니다", "늘었습니다", "늘어났습니다"),
    "줄다": ("줄었다", "줄었고", "줄었으며", "줄었던", "줄었다는", "줄어", "줄어서", "줄고",
             "줄며", "줄면서", "줄어들었다", "줄어들었고", "줄어들었으며", "줄어든", "줄어들어",
             "줄어들며", "줄어든다", "줄어들고", "줄어듭니다", "줄었습니다", "줄어들었습니다"),
    "오르다": ("올랐다", "올랐고", "올랐으며", "올랐던", "올랐다는", "올라", "올라서", "오르고",
               "오르며", "오르면서", "오른", "오르는", "오른다"),
    "지다": ("졌다", "졌고", "졌으며", "졌던", "졌다는", "져", "져서", "지고", "지며", "지면서",
             "진", "지는", "진다"),
    "나다": ("났다", "났고", "났으며", "났던", "나", "나서", "나고", "나며", "난", "나는", "난다"),
    "그치다": ("그쳤다", "그쳤고", "그쳤으며", "그쳐", "그치며", "그친", "그치는"),
    "치솟다": ("치솟았다", "치솟았고", "치솟았으며", "치솟았던", "치솟아", "치솟고", "치솟으며", "치솟은",
               "치솟는", "치솟는다"),
    "치다": ("쳤다", "쳤고", "쳤으며", "쳤던", "쳐", "치고", "치며", "친", "치는", "친다"),
    "뛰다": ("뛰었다", "뛰었고", "뛰었으며", "뛰어", "뛰고", "뛰며", "뛴", "뛰는", "뛴다"),
    "내리다": ("내렸다", "내렸고", "내렸으며", "내렸던", "내려", "내리고", "내리며", "내린", "내리는", "내린다"),
    "밀리다": ("밀렸다", "밀렸고", "밀렸으며", "밀려", "밀리고", "밀리며", "밀린", "밀리는", "밀린다"),
    "올리다": ("올렸다", "올렸고", "올렸으며", "올렸던", "올려", "올리고", "올리며", "올린", "올리는", "올린다"),
    # comparatives: 0.2%포인트 낮다 is lower by 0.2 points
    "낮다": ("낮다", "낮았다", "낮고", "낮으며", "낮은", "낮아", "낮습니다", "낮았습니다"),
    "높다": ("높다", "높았다", "높고", "높으며", "높은", "높아", "높습니다", "높았습니다"),
}
#: A sentence ending in 다 reported by the speaker (하락했다고 밝혔다, 늘었다며, 올랐다면서): the same verb, quoted.
_REPORTED = ("고", "며", "면서")
KO_ENDINGS = {verb_class: (*endings, *(ending + tail for ending in endings if ending.endswith("다")
                                       for tail in _REPORTED if ending + tail not in endings))
              for verb_class, endings in KO_ENDINGS.items()}
#: Change verbs and nouns, (head, class of KO_ENDINGS) → the way they move the value.
KO_CHANGE_VERBS: dict[tuple[str, str], str] = {
    ("증가", "하다"): UP, ("상승", "하다"): UP, ("확대", "하다"): UP, ("확대", "되다"): UP,
    ("증대", "하다"): UP, ("증대", "되다"): UP, ("급증", "하다"): UP, ("급등", "하다"): UP,
    ("폭등", "하다"): UP, ("반등", "하다"): UP, ("", "늘다"): UP, ("", "오르다"): UP, ("높아", "지다"): UP,
    ("커", "지다"): UP, ("", "치솟다"): UP, ("", "뛰다"): UP,
    ("인상", "하다"): UP, ("인상", "되다"): UP, ("", "높다"): UP,
    ("감소", "하다"): DOWN, ("하락", "하다"): DOWN, ("축소", "하다"): DOWN, ("축소", "되다"): DOWN,
    ("급감", "하다"): DOWN, ("급락", "하다"): DOWN, ("폭락", "하다"): DOWN, ("", "줄다"): DOWN,
    ("떨어", "지다"): DOWN, ("낮아", "지다"): DOWN, ("작아", "지다"): DOWN,
    ("곤두박질", "하다"): DOWN, ("곤두박질", "치다"): DOWN, ("", "내리다"): DOWN, ("", "밀리다"): DOWN,
    ("인하", "하다"): DOWN, ("인하", "되다"): DOWN, ("", "낮다"): DOWN,
}
#: Change verbs read right after the number or a "to" particle: after 을/를 they report a level (영업이익 100억원을
#: 올렸다 earned 10 billion won; 요금을 41.6% 올렸다 raised it by 41.6%).
KO_CHANGE_VERBS_NO_PARTICLE: dict[tuple[str, str], str] = {("", "올리다"): UP}
#: Verbs that report a level and add nothing to it (3.6%로 집계됐다, 에 그쳤다).
KO_LEVEL_VERBS: tuple[tuple[str, str], ...] = (
    ("집계", "되다"), ("조사", "되다"), ("발표", "되다"), ("파악", "되다"), ("기록", "하다"),
    ("달", "하다"), ("동결", "하다"), ("동결", "되다"), ("유지", "하다"), ("유지", "되다"),
    ("나타", "나다"), ("", "그치다"),
)
#: Balance words → the sign they give a level.
KO_BALANCES: dict[str, int] = {"적자": -1, "흑자": 1}
#: Per-unit words before the number → the denominator unit (달러당 1,305.4원 is KRW/USD).
KO_PER_UNIT: dict[str, str] = {
    "달러당": "USD", "유로당": "EUR", "위안당": "CNY", "주당": "shares", "시간당": "hours",
    "1인당": "people", "인당": "people", "개당": "items", "배럴당": "barrels", "톤당": "tons",
}
#: Words before the number that mark an annual rate (연 3.50%, 연평균 7.2%: an average annual change).
KO_ANNUAL: tuple[str, ...] = ("연", "연간", "연율", "연평균")
#: Comparison bases before the number; the claim's operands state them.
KO_BASES: tuple[str, ...] = (
    "전년 대비", "전년보다", "전년 동기 대비", "전년동기 대비", "전년동기대비", "전년 동월 대비", "전년동월 대비", "전년동월대비",
    "전월 대비",
    "전 분기 대비", "전분기 대비", "작년보다", "지난해보다", "1년 전보다",
)
#: A "to" marker written after the number with 수준 (4분의 3 가까운 수준으로).
KO_TO_LEVEL: tuple[str, ...] = ("수준으로", "수준까지")
#: Particles between the number and a predicate; the first three make a change verb a "to".
KO_TO_PARTICLES: tuple[str, ...] = ("으로", "로", "까지")
KO_OBJECT_PARTICLES: tuple[str, ...] = ("을", "를")
KO_PARTICLES: tuple[str, ...] = KO_TO_PARTICLES + KO_OBJECT_PARTICLES + ("이", "가", "에", "의")

# --- English tables -----------------------------------------------------------------

#: Change verbs before the number (rose 12.1%, fell by a third, fell to a third), with the participles
#: a perfect tense writes ("has risen by $3.1 trillion", "has fallen 5 percent", "added 2.8 million jobs").
EN_CHANGE_VERBS: dict[str, str] = {
    **dict.fromkeys(("rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases", "increasing",
                     "climbed", "climbs", "climb", "climbing", "up", "gained", "gains", "gaining", "grew", "grows",
                     "grown", "growing", "added", "adds", "adding",
                     "jumped", "jumps", "jump", "jumping", "surged", "surges", "surge", "surging",
                     "soared", "soars", "soar", "soaring", "advanced",
                     "edged up", "edges up", "edge up", "edging up"), UP),
    **dict.fromkeys(("fell", "fall", "falls", "falling", "fallen", "dropped", "drops", "dropping", "declined",
                     "declines", "declining", "decreased", "decreases", "decreasing", "down", "lost", "loses",
                     "losing", "shed", "sheds", "shedding", "shrunk", "shrank",
                     "shrinks", "slid", "slides", "slide", "sliding", "slipped", "slips", "slip",
                     "slipping", "plunged", "plunges", "plunge", "plunging", "sank", "sinks", "sink",
                     "sinking", "sunk", "tumbled", "tumbles", "tumble", "tumbling", "dipped", "dips",
                     "dip", "dipping", "edged down", "edges down", "edge down", "edging down",
                     "contracted"), DOWN),
}
#: Change nouns: before the number with "of" (a decline of 7.4%) or after it (a 7.4% decline).
EN_CHANGE_NOUNS: dict[str, str] = {
    **dict.fromkeys(("increase", "rise", "gain", "jump", "surge", "growth"), UP),
    **dict.fromkeys(("decline", "drop", "fall", "decrease", "slide", "plunge", "dip", "contraction"), DOWN),
}
#: Comparatives after the number (7.4% lower).
EN_CHANGE_COMPARATIVES: dict[str, str] = {"higher": UP, "lower": DOWN}
#: Change verbs read right after the number or a "to" particle: after 을/를 they report a level (영업이익 100억원을
#: 올렸다 earned 10 billion won; 요금을 41.6% 올렸다 raised it by 41.6%).
KO_CHANGE_VERBS_NO_PARTICLE: dict[tuple[str, str], str] = {("", "올리다"): UP}
#: Verbs that report a level and add nothing to it.
EN_LEVEL_VERBS: tuple[str, ...] = (
    "was", "were", "is", "stood at", "came in at", "came to", "reached", "totaled", "totalled",
    "held at", "remained at", "hit", "at",
)
EN_BALANCES: dict[str, int] = {"deficit": -1, "surplus": 1}
#: Per-unit words after the number → the denominator unit ($3.50 a gallon is USD/gallons).
EN_PER_UNIT: dict[str, str] = {
    "per share": "shares", "a share": "shares", "per hour": "hours", "an hour": "hours",
    "per gallon": "gallons", "a gallon": "gallons", "per barrel": "barrels", "a barrel": "barrels",
    "per person": "people", "per capita": "people", "per dollar": "USD", "to the dollar": "USD",
    "per ton": "tons", "a ton": "tons",
    # people and things a payment or a cost is shared out over ("$1,000 per worker", "$278,000 per job"):
    # read without them, the amount is a total the text never states
    "a person": "people", "per head": "people", "per worker": "workers", "a worker": "workers",
    "per employee": "employees", "an employee": "employees", "per job": "jobs", "a job": "jobs",
    "per household": "households", "a household": "households", "per family": "families", "a family": "families",
    "per student": "students", "a student": "students", "per child": "children", "a child": "children",
    "per resident": "residents", "per taxpayer": "taxpayers", "per patient": "patients",
    "per ounce": "ounces", "an ounce": "ounces", "per tonne": "tonnes", "a tonne": "tonnes",
}
EN_ANNUAL_BEFORE: tuple[str, ...] = (
    "an annualized", "annualized", "an annual", "annual", "at an average annual rate of", "an average annual rate of",
    "an average annual", "average annual", "a compound annual rate of", "a CAGR of", "CAGR of",
)
EN_ANNUAL_AFTER: tuple[str, ...] = ("a year", "per year", "per annum", "annually", "annualized",
                                    "at an annual rate")
EN_BASES: tuple[str, ...] = ("from a year earlier", "from a year ago", "year on year",
                             "year-on-year", "on the year", "from the previous year")

# --- rank words (the relation ``extreme``) -------------------------------------------

KO_EXTREMES: dict[str, str] = {"최대": "max", "최고": "max", "최저": "min", "최소": "min"}
#: Words before an extreme that make it a record over all earlier data (사상 최대, 역대 최고치).
KO_RECORD: tuple[str, ...] = ("사상", "역대")
#: Nouns after "record" or "N-year" (a record high, a three-year low).
EN_EXTREME_NOUNS: dict[str, str] = {"high": "max", "low": "min"}
#: Words after "record" that name no noun it qualifies ("a record of losses", "record in 2020").
EN_NOT_RECORD_NOUNS: tuple[str, ...] = (
    "of", "on", "in", "for", "to", "with", "and", "or", "as", "at", "by", "from", "the", "a", "an",
    "is", "was", "were", "are", "be", "been", "have", "has", "had", "will", "would", "shows", "showed",
    "that", "this", "it", "its", "their", "his", "her",
    "date", "dates", "holder", "holders", "label", "labels", "keeping", "books",  # record date, record label
)
#: Superlatives (the lowest on record, the highest since 2008, lowest in three years).
EN_SUPERLATIVES: dict[str, str] = {
    "highest": "max", "largest": "max", "biggest": "max", "lowest": "min", "smallest": "min",
}


@dataclass(frozen=True)
class Predicate:
    """What the words around a number say, beyond the number.

    ``form`` is ``change`` (by how much) or ``level`` (to what, or what it stands at);
    ``direction`` the way the words say the value moved (``up``/``down``/None);
    ``sign`` −1 or +1 when the words gave the value its sign (a fall by, a deficit), else 0;
    ``per`` the denominator of a per-unit rate; ``annual`` an annual rate; ``words`` the
    predicate words read, for explanations.
    """

    form: str = LEVEL
    direction: str | None = None
    sign: int = 0
    per: str | None = None
    annual: bool = False
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Worded:
    """A claimed value: the grammar's quantity (signed, per-unit) and its predicate (None: no words)."""

    quantity: Quantity
    predicate: Predicate | None


@dataclass(frozen=True)
class Rank:
    """A rank claim: the highest or lowest over a window.

    ``window`` is ``record`` (all earlier data), ``span`` (``months`` back: 3년 만에, in
    three years) or ``since`` (the year ``since``).
    """

    extreme: str
    window: str
    text: str
    months: int | None = None
    since: int | None = None
    stated_in_years: bool = True


def _alternation(words) -> str:
    """Longest first, so 줄어들었다 wins over 줄어. Korean spacing varies (전월 대비, 전월대비), so a
    space in a Korean word matches any run of spaces or none; English words keep at least one."""
    return "|".join(_gap(word).join(re.escape(part) for part in word.split())
                    for word in sorted(words, key=len, reverse=True) if word)


def _gap(word: str) -> str:
    return r"\s*" if detect_language(word) == "ko" else r"\s+"


def _key(word: str) -> str:
    """The lookup key of a table word: folded, with no spaces, since the patterns let any run of
    spaces (none included) stand between a word's parts (전월 대비 and 전월대비 are one word)."""
    return "".join(fold(word).split())


_KO_CHANGE_FORMS = conjugated(KO_CHANGE_VERBS, KO_ENDINGS)
_KO_BARE_CHANGE_FORMS = conjugated(KO_CHANGE_VERBS_NO_PARTICLE, KO_ENDINGS)
_KO_LEVEL_FORMS = conjugated(dict.fromkeys(KO_LEVEL_VERBS, ""), KO_ENDINGS)


@dataclass(frozen=True)
class _Table:
    """One table of predicate words compiled for one side of the number."""

    role: str
    words: dict[str, object]
    pattern: re.Pattern[str]

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def meaning(self, match: re.Match[str]) -> object:
        return self.words[_key(match.group("word"))]


@dataclass(frozen=True)
class _EndTable:
    """One table of predicate words that end a value (7.4% 감소했다, … a deficit)."""

    role: str
    words: dict[str, object]
    ending: EndingTable
    #: Particles that may not stand before the words (을/를 before 올렸다 make it "earned").
    not_after: tuple[str, ...] = ()

    def find(self, text: str) -> Ending | None:
        ending = self.ending.find(text)
        if ending and self.not_after and text[:ending.start].rstrip().endswith(self.not_after):
            return None
        return ending


def _suffix(role: str, words: dict[str, object], particles: tuple[str, ...] = (), boundary: bool = False,
            not_after: tuple[str, ...] = ()) -> _EndTable:
    table = EndingTable(words, particles, boundary)
    return _EndTable(role, {_key(word): meaning for word, meaning in words.items()}, table, not_after)


def _prefix(role: str, words: dict[str, object], after: str = r"\s*") -> _Table:
    pattern = re.compile(r"\A\s*(?!up\s+to\b)(?P<word>%s)(?P<prep>\s+(?:by|to))?%s" % (_alternation(words), after),
                         re.IGNORECASE)
    return _Table(role, {_key(word): meaning for word, meaning in words.items()}, pattern)


def _korean_tables() -> tuple[tuple[_Table, ...], tuple[_EndTable, ...]]:
    suffixes = (
        _suffix("change", _KO_CHANGE_FORMS, particles=KO_PARTICLES),
        _suffix("change", _KO_BARE_CHANGE_FORMS, particles=KO_TO_PARTICLES, not_after=KO_OBJECT_PARTICLES),
        _suffix("level", _KO_LEVEL_FORMS, particles=KO_PARTICLES),
        _suffix("balance", KO_BALANCES, particles=KO_PARTICLES),
        _suffix("to", dict.fromkeys(KO_TO_LEVEL, True)),
    )
    prefixes = (
        _prefix("per", KO_PER_UNIT),
        _prefix("annual", dict.fromkeys(KO_ANNUAL, True), after=r"\s+"),
        _prefix("balance", KO_BALANCES, after=r"(?:\s*(?:는|은|가|이|폭은|규모는))?\s*"),
        _prefix("base", dict.fromkeys(KO_BASES, True)),
    )
    return prefixes, suffixes


def _english_tables() -> tuple[tuple[_Table, ...], tuple[_EndTable, ...]]:
    suffixes = (
        _suffix("change", {**EN_CHANGE_NOUNS, **EN_CHANGE_COMPARATIVES}, boundary=True),
        _suffix("balance", EN_BALANCES, boundary=True),
        _suffix("per", EN_PER_UNIT, boundary=True),
        _suffix("annual", dict.fromkeys(EN_ANNUAL_AFTER, True), boundary=True),
        _suffix("base", dict.fromkeys(EN_BASES, True), boundary=True),
    )
    prefixes = (
        _prefix("change", EN_CHANGE_VERBS, after=r"\s+"),
        _prefix("change", {f"{article} {noun}": way for noun, way in EN_CHANGE_NOUNS.items()
                           for article in ("a", "an", "")}, after=r"\s+of\s+"),
        _prefix("balance", {f"{article} {word}": sign for word, sign in EN_BALANCES.items()
                            for article in ("a", "")}, after=r"\s+of\s+"),
        _prefix("level", dict.fromkeys(EN_LEVEL_VERBS, True), after=r"\s+"),
        _prefix("annual", dict.fromkeys(EN_ANNUAL_BEFORE, True), after=r"\s+"),
        _prefix("to", {"to": True}, after=r"\s+"),
    )
    return prefixes, suffixes


def says_negative(text: str, language: str) -> bool:
    """Whether ``text`` holds a word that makes an amount it states negative: a fall, a decline, a deficit.

    A claim may write the sign its quote's words give (``-37%`` for "a decline of 37%").
    """
    return bool(_negative_words(language).search(text))


def says_balance(text: str, language: str) -> bool:
    """Whether ``text`` names a balance (a deficit, a surplus; 적자, 흑자): a figure of either sign.

    Such a figure's size alone ("up from $67 billion" in a sentence on the deficit) says nothing
    of its side, so it cannot be held against a negative row.
    """
    balances = KO_BALANCES if language == "ko" else EN_BALANCES
    return bool(_words_pattern(language, tuple(balances)).search(text))


def says_change(text: str, language: str, way: str) -> bool:
    """Whether ``text`` holds a change word going ``way`` (``up`` or ``down``).

    A value whose own words say "increase" is not what a quote that only says "sliding" states.
    """
    return bool(_words_pattern(language, _change_words(language, way)).search(text))


def says_per(text: str, language: str, per: str) -> bool:
    """Whether ``text`` holds a per-unit word of denominator ``per`` (배럴당, a barrel for ``barrels``).

    A value ``톤당 102.82달러`` is not what a quote pricing a barrel states.
    """
    table = KO_PER_UNIT if language == "ko" else EN_PER_UNIT
    words = tuple(word for word, unit in table.items() if unit == per)
    return bool(words) and bool(_words_pattern(language, words).search(text))


def _change_words(language: str, way: str) -> tuple[str, ...]:
    if language == "ko":
        forms = (_KO_CHANGE_FORMS, _KO_BARE_CHANGE_FORMS)
        return tuple(word for table in forms for word, to in table.items() if to == way)
    tables = (EN_CHANGE_VERBS, EN_CHANGE_NOUNS, EN_CHANGE_COMPARATIVES)
    return tuple(word for table in tables for word, to in table.items() if to == way)


@lru_cache(maxsize=None)
def _negative_words(language: str) -> re.Pattern[str]:
    balances = KO_BALANCES if language == "ko" else EN_BALANCES
    words = [*_change_words(language, DOWN), *(word for word, sign in balances.items() if sign < 0)]
    return _words_pattern(language, tuple(words))


@lru_cache(maxsize=None)
def _words_pattern(language: str, words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words``: Korean ones glued to what precedes them, English ones as whole words."""
    if language == "ko":
        return re.compile(_alternation(words))
    return re.compile(r"\b(?:%s)\b" % _alternation(words), re.IGNORECASE)


@lru_cache(maxsize=None)
def _tables(language: str) -> tuple[tuple[_Table, ...], tuple[_EndTable, ...]]:
    """The (prefix, suffix) tables of ``language``, compiled on first use: a Korean run never compiles English."""
    builders = {"ko": _korean_tables, "en": _english_tables}
    return builders[language]() if language in builders else ((), ())


_ARTICLE = compile_lazily(r"\A\s*an?\s+", re.IGNORECASE)


@dataclass
class _Found:
    """Predicate words found so far while stripping, and what the last suffix left."""

    roles: list[tuple[str, object, str]]
    to: bool = False
    level_word: bool = False
    particle: str = ""
    particle_to: bool = False

    def of(self, role: str) -> list[object]:
        return [meaning for found, meaning, _ in self.roles if found == role]


def read_value(text: str, language: str | None = None) -> Worded | None:
    """A claim's written value as a quantity with its predicate, or None when not readable.

    Words the grammar reads itself (at least, 웃돌았다) stay the grammar's: when the
    predicate words leave nothing the grammar can read, the whole text is its to read.

    >>> w = read_value("7.4% 감소했다")
    >>> (w.quantity.value, w.quantity.unit, w.predicate.form, w.predicate.sign)
    (Decimal('-7.4'), '%', 'change', -1)
    >>> w = read_value("달러당 1,305.4원")
    >>> (w.quantity.value, w.quantity.unit)
    (Decimal('1305.4'), 'KRW/USD')
    >>> read_value("44억 달러").predicate is None
    True
    """
    language = language or detect_language(text)
    prefixes, suffixes = _tables(language)
    rest, found = _strip(text.strip(), prefixes, suffixes)
    if found.roles:
        quantity = _parse_rest(rest, found, language)
        if quantity is not None:
            return _with_predicate(replace(quantity, text=text.strip()), found)
    quantity = parse_quantity(text, language)
    return Worded(quantity, None) if quantity is not None else None


def _strip(text: str, prefixes, suffixes) -> tuple[str, _Found]:
    """Peel predicate words off both ends until none is left."""
    found = _Found([])
    rest = text
    changed = True
    while changed:
        changed = False
        for table in suffixes:
            ending = table.find(rest)
            if ending and ending.start > 0:
                _note_suffix(found, table, ending)
                rest, changed = rest[:ending.start], True
                break
        for table in prefixes:
            match = table.match(rest)
            if match and match.end() < len(rest):
                found.roles.append((table.role, table.meaning(match), match.group("word")))
                found.to = found.to or table.role == "to" or (match.group("prep") or "").strip().lower() == "to"
                rest, changed = rest[match.end():], True
                break
    return rest, found


def _note_suffix(found: _Found, table: _EndTable, ending: Ending) -> None:
    particle = ending.particle or ""
    found.roles.append((table.role, table.words[_key(ending.entry)], ending.word))
    found.particle = particle
    found.particle_to = table.role == "change" and particle in KO_TO_PARTICLES
    found.to = found.to or found.particle_to or table.role == "to"
    found.level_word = found.level_word or table.role == "to"


def _parse_rest(rest: str, found: _Found, language: str) -> Quantity | None:
    """The grammar's reading of what the predicate words leave; 수준 and "a" tried off too.

    A particle taken for the predicate's may be the number's own (100유로 늘었다: the 로
    of 유로), so the rest is tried with it put back; 수준 ("the level of") makes an
    otherwise exact number approximate, as the grammar's own 수준 does.
    """
    stripped = rest.strip()
    sized = _sized_by_level(stripped, language)
    if sized is not None:
        return sized
    candidates = [(stripped, False)]
    if language == "ko" and stripped.endswith("수준"):
        candidates.append((stripped[: -len("수준")], True))
    if _ARTICLE.match(stripped):
        candidates.append((_ARTICLE.sub("", stripped, count=1), False))
    if found.particle:
        candidates.append((rest + found.particle, False))
    for candidate, level_word in candidates:
        quantity = parse_quantity(candidate, language)
        if quantity is None:
            continue
        if candidate == rest + found.particle and found.particle:
            found.to = found.to and not found.particle_to
        if (level_word or found.level_word) and quantity.qualifier is Qualifier.EXACT:
            quantity = replace(quantity, qualifier=Qualifier.APPROX)
        return quantity
    return None


#: "a tick to 3.5%", "2 points from 5.5%": a move and the figure it moved to or from, which gives the move its unit.
_MOVED_TO = compile_lazily(r"\A(?:(?P<tick>a\s+tick)|(?P<points>\S.*?)\s+points?)\s+(?:to|from)\s+(?P<level>.+)\Z",
                           re.IGNORECASE)


def _sized_by_level(rest: str, language: str) -> Quantity | None:
    """"(down) a tick to 3.5%" is a move of 0.1 pp, "(fell) 2 points from 5.5%" one of 2 pp: the value is
    the move, and the figure after "to" or "from" only tells a rate's points from an index's."""
    match = _MOVED_TO.match(rest) if language == "en" else None
    level = parse_quantity(match["level"], language) if match else None
    if level is None:
        return None
    if match["tick"]:  # type: ignore[index]
        unit = tick_of(level.kind, level.unit)
        return Quantity(unit[0], TICK, unit[1], precision=TICK / 2, text=match["tick"]) if unit else None  # type: ignore[index]
    move = parse_quantity(match["points"], language)  # type: ignore[index]
    if move is None or move.kind is not Kind.NUMBER or move.unit is not None or not is_rate(level.kind):
        return None
    return replace(move, kind=Kind.PERCENTAGE_POINT, unit="pp")


def _with_predicate(quantity: Quantity, found: _Found) -> Worded | None:
    """Apply the words' sign, direction, form and rate to the quantity; None when they clash."""
    ways = set(found.of("change"))
    balances = set(found.of("balance"))
    pers = found.of("per")
    if len(ways) > 1 or len(balances) > 1 or (ways and balances) or len(pers) > 1:
        return None
    direction = ways.pop() if ways else None
    form = CHANGE if direction and not found.to else LEVEL
    if quantity.kind is Kind.MULTIPLE and direction is not None:
        if direction == DOWN:
            return None  # 세 배 줄었다: no agreed meaning
        form = LEVEL  # 두 배 늘었다 = 두 배로 늘었다 = 2×
    if direction is None and found.to and quantity.kind in (Kind.RATIO, Kind.MULTIPLE) and quantity.value is not None:
        direction = DOWN if quantity.value < 1 else UP  # to a fraction of itself: it fell
    sign = (-1 if direction == DOWN else 1) if form == CHANGE else (balances.pop() if balances else 0)
    if sign and any(bound is not None and bound < 0 for bound in (quantity.value, quantity.low, quantity.high)):
        return None  # a minus sign and a fall: which one is meant?
    if sign < 0:
        quantity = negated(quantity)
    per = pers[0] if pers else None
    if per is not None:
        if quantity.unit is None or "/" in quantity.unit:
            return None
        quantity = replace(quantity, unit=f"{quantity.unit}/{per}")
    words = tuple(word for _, _, word in found.roles)
    return Worded(quantity, Predicate(form, direction, sign, per, bool(found.of("annual")), words))


def as_written(quantity: Quantity, predicate: Predicate | None) -> Quantity:
    """The number as the grammar reads it where the article writes it, without the words' sign or rate.

    A quote "수출은 7.4% 감소했다" states 7.4%; the claim's −7.4% is that number with its verb.

    >>> w = read_value("달러당 1,305.4원")
    >>> as_written(w.quantity, w.predicate).unit
    'KRW'
    """
    if predicate is None:
        return quantity
    if predicate.sign < 0:
        quantity = negated(quantity)
    if predicate.per is not None and quantity.unit is not None:
        quantity = replace(quantity, unit=quantity.unit.rpartition("/")[0])
    return quantity


def negated(quantity: Quantity) -> Quantity:
    """The quantity with its sign flipped: a fall by 7.4% is −7.4%, a range flips its ends."""
    def neg(value: Decimal | None) -> Decimal | None:
        return None if value is None else -value
    return replace(quantity, value=neg(quantity.value), low=neg(quantity.high), high=neg(quantity.low))


# --- ranks ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _rank_pattern(language: str) -> re.Pattern[str]:
    """Rank phrases of ``language``, built and compiled on first use: a value is read for rank words
    only when its sentence holds one (``worded.RANK_HINTS``), and building their alternations at
    import cost every run a millisecond, a plain ``check`` included (issue 25, item 6)."""
    sources = {
        "ko": (r"""\A\s*
        (?: (?P<record> %s ) \s*                          # 사상 최대, 역대 최고치
          | (?P<span> .+? ) \s* 만[에의] \s*               # 3년 만에 최저, 13년 2개월만의 최고
          | (?P<since> \d{4} ) \s* 년 \s* 이후 \s*         # 2008년 이후 최고
        )
        (?P<extreme> %s ) \s* (?:치|수준)?
        """ % (_alternation(KO_RECORD), _alternation(KO_EXTREMES)),
        re.VERBOSE),
        "en": (r"""\A\s* (?P<article> an?\s+|the\s+ )?
        (?: (?:record|all-time)[\s-]+ (?P<extreme1> %(noun)s )                      # record high
          | (?P<extreme2> %(sup)s ) (?:\s+level)? \s+ (?: on\s+record | ever )       # the lowest on record
          | (?P<extreme3> %(sup)s ) (?:\s+level)? \s+ since \s+ (?P<since> \d{4} )  # the highest since 2008
          | (?P<extreme4> %(sup)s ) (?:\s+level)? \s+ in \s+ (?P<span> .+ )         # lowest in three years
          | (?P<span2> [\w ]+? ) - (?P<unit> year | month ) \s+ (?P<extreme5> %(noun)s )  # a three-year low
          | (?P<record> record ) (?: \s+ (?!(?:%(function)s)\b) (?P<noun> [a-z][a-z-]* ) )?         # a record, record profit
        )
        """ % {"noun": _alternation(EN_EXTREME_NOUNS), "sup": _alternation(EN_SUPERLATIVES),
               "function": _alternation(EN_NOT_RECORD_NOUNS)},
        re.VERBOSE | re.IGNORECASE),
    }
    return re.compile(*sources[language])


_MONTHS_IN = {"years": 12, "decades": 120, "months": 1}
#: What may follow Korean rank words besides a verb (최저였다, 최고치를).
_KO_PARTICLE_TAIL = compile_lazily(r"(?:를|을|로|으로|이다|였다|인|의|에)\s*\Z")   # 최고치인 172포인트


def read_rank(text: str, language: str | None = None) -> Rank | None:
    """Rank words (사상 최대, 3년 만에 최저, the highest since 2008), or None.

    >>> r = read_rank("3년 만에 최저")
    >>> (r.extreme, r.window, r.months)
    ('min', 'span', 36)
    >>> read_rank("the highest since 2008").since
    2008
    """
    language = language or detect_language(text)
    _, suffixes = _tables(language)
    verbs = tuple(table for table in suffixes if table.role in ("level", "change"))
    rest, _ = _strip(text.strip(), (), verbs)
    rest = rest.strip().rstrip(".")
    if language == "ko":
        match = _rank_pattern("ko").fullmatch(rest) or _rank_pattern("ko").fullmatch(_KO_PARTICLE_TAIL.sub("", rest))
        if match is None:
            return None
        extreme = KO_EXTREMES[match["extreme"]]
        return _rank(extreme, match["record"], match["span"], match["since"], text, language)
    match = _rank_pattern("en").fullmatch(rest)
    if match is None:
        return None
    if match.start("record") >= 0:
        return _record(match, text)
    word = fold(next(match[f"extreme{i}"] for i in range(1, 6) if match[f"extreme{i}"]))
    extreme = {**EN_EXTREME_NOUNS, **EN_SUPERLATIVES}[word]
    span = match["span"] or (f"{match['span2']} {match['unit']}s" if match["span2"] else None)
    record = "record" if match["extreme1"] or match["extreme2"] else None
    return _rank(extreme, record, span, match["since"], text, language)


def _record(match: re.Match[str], text: str) -> Rank | None:
    """"a record", "record profit": the highest on record, unless the noun says low ("record lows").

    A bare "record" needs "a" or its noun: the "record" of "track record" or "for the record"
    ranks nothing.
    """
    noun = fold(match["noun"] or "")
    if not (noun or fold(match["article"] or "").startswith("a")):
        return None
    extreme = EN_EXTREME_NOUNS.get(noun.removesuffix("s"), "max")
    return Rank(extreme, "record", text.strip())

def _rank(extreme: str, record: str | None, span: str | None, since: str | None, text: str,
          language: str) -> Rank | None:
    """The rank for the window the words gave; a span must be a whole number of years or months."""
    if record:
        return Rank(extreme, "record", text.strip())
    if since:
        return Rank(extreme, "since", text.strip(), since=int(since))
    parts = [_whole_months(part, language) for part in _span_parts(span.strip(), language)]
    if not parts or None in parts:
        return None
    months = sum(months for months, _ in parts)  # type: ignore[misc]
    return Rank(extreme, "span", text.strip(), months=months, stated_in_years=all(years for _, years in parts))


#: One duration of a Korean span that may write several: "13년 2개월" is 13 years and 2 months.
_KO_SPAN_PART = compile_lazily(r"\s*\d+(?:\.\d+)?\s*(?:개월|년|달)")


def _span_parts(span: str, language: str) -> list[str]:
    """The durations a rank's span adds up: each of "13년 2개월", else the span as one."""
    if language == "ko":
        parts = [match.group() for match in _KO_SPAN_PART.finditer(span)]
        if len(parts) > 1 and "".join(parts).replace(" ", "") == span.replace(" ", ""):
            return parts
    return [span]


def _whole_months(span: str, language: str) -> tuple[int, bool] | None:
    """Months in one duration of a span and whether it was stated in years; None unless whole."""
    duration = parse_quantity(span.strip(), language)
    if duration is None or duration.kind is not Kind.DURATION or duration.unit not in _MONTHS_IN:
        return None
    if duration.value is None or duration.value <= 0 or duration.value != duration.value.to_integral_value():
        return None
    return int(duration.value) * _MONTHS_IN[duration.unit], duration.unit != "months"
