"""Numbers that are not quantities: names, ranks, ages, quarter names, page chrome.

The grammar reads what a number *says*; whether the text is *stating a quantity* needs
the words around it. Each rule below looks at one found expression in its article and
returns why it is not a quantity (shown in ``Extraction.negatives``), or None. Rules
are registered in :data:`RULES`; adding one is one function and one entry.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from checker.lazy_regex import compile_lazily
from checker.quantities.countries import SHARED_CURRENCY
from checker.quantities.english import LETTER_AMOUNT, scale_of_next
from checker.quantities.lengths import not_a_million
from checker.quantities.model import Kind, Quantity, Qualifier
from checker.quantities.numerals import is_hangul
from checker.quantities.tables import (CURRENCY_PREFIXES, EN_DENOMINATORS, EN_PHYSICAL_UNITS,
                                       ISO_CURRENCY_CODES, KO_COUNTED_NOUNS, KO_CURRENCY_WORDS, KO_HEDGE_PARTICLES,
                                       KO_NAME_TITLES, KO_TRAILING_PARTICLES)
from checker.quick_init import quick_init

Rule = Callable[[str, Quantity], "str | None"]


@quick_init   # one a number refused: ``checker.quick_init``
@dataclass(frozen=True, slots=True)
class Negative:
    """A number that is not a quantity, and why (a model name, an age, page chrome).

    Defined here, not with ``Extraction`` in ``model``: ``check`` reads its quotes with
    ``numbers``, which returns these, and need not create the classes of a whole extraction.
    """

    start: int
    end: int
    reason: str


class Registry(dict):  # type: ignore[type-arg]
    """A dict of named entries (``REGIONS``, ``RULES``) that counts its changes in ``version``.

    The tables worked out from a registry (``_Derived``) are asked at every number: comparing a count
    tells them it is unchanged, where comparing every entry cost a pass over the registry each time.
    Every method that adds, replaces or removes an entry counts one change.
    """

    version = 0


def _counted(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` of ``dict``, counting a change in ``version`` once it has run (or failed part way)."""
    def changing(self: Registry, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        finally:
            self.version += 1
    changing.__name__ = method.__name__
    return changing


for _method in ("__setitem__", "__delitem__", "__ior__", "clear", "pop", "popitem", "setdefault", "update"):
    setattr(Registry, _method, _counted(getattr(dict, _method)))
del _method


_NAME_WORD_BEFORE = compile_lazily(r"(?:[A-Za-z]*[A-Z][A-Za-z]*|[\uac00-\ud7a3]+) $")   # Llama 2, 라마 2
#: A capital opening a sentence marks no name: "Employing 112 in Finland" states a number.
_SENTENCE_OPENER = compile_lazily(r"(?:^|[.!?\n][\s\"'“‘]*|^[\s\"'“‘]+)[A-Z][a-z]+ $")
_OPENING_QUOTE = compile_lazily(r"""['"‘“「『][^'"’”」』\n]{0,20}$""")
_CLOSING = compile_lazily(r"""['"’”」』)]|$|[^\w]""")
_QUARTER_NAME = compile_lazily(r"[ ]?사?분기(?![ ]?(?:연속|째|동안|간|만에))")    # 3분기, 3 사분기, not 3분기 연속
_EN_QUARTER = compile_lazily(r"(?<![\w])(?:Q[1-4]|[1-4]Q)(?![\w])")
#: "6-year-olds" name an age as "a 6-year-old" does.
_AGE = compile_lazily(r"[ ]?(?:세|살)(?![\uac00-\ud7a3])|(?:[ -]years?)?[ -]olds?\b|[ ]of[ ]age\b", re.IGNORECASE)
_AGE_BEFORE = compile_lazily(r"(?:만|aged?)[ ]?$")
#: The second character of an ``_AGE`` match after its first: "세", "살" or a space or hyphen and
#: then one of these (" 세", " years old", "-old", " of age").
#: The last character before an ``_AGE_BEFORE`` match's end ("만", "age", "aged", a space; a newline before ``$``).
_AGE_BEFORE_LAST = frozenset("만ed \n")
_AGE_SECOND = {" ": frozenset("세살yYoO"), "-": frozenset("yYoO")}


def _may_be_age_after(text: str, end: int) -> bool:
    """Whether ``_AGE`` may match at ``end``: by its first two characters, without the regex
    (most numbers are followed by a space and some other word)."""
    first = text[end:end + 1]
    if first in ("세", "살"):
        return True
    second = _AGE_SECOND.get(first)
    return second is not None and text[end + 1:end + 2] in second
_CHROME_WORDS = compile_lazily(
    r"(?:댓글|공감|좋아요|싫어요|조회수?|추천|공유|구독자?|comments?|likes?|shares|views|replies)[ :]*$",
    re.IGNORECASE)
_CHROME_AFTER = compile_lazily(r"[ ]*(?:comments?|likes?|views|replies)[ ]*(?:\n|$)", re.IGNORECASE)
_LINE_END = compile_lazily(r"[ ]*(?:\n|$)")
_HANGUL = compile_lazily(r"[\uac00-\ud7a3]")
_DIGIT = compile_lazily(r"\d")
_PARTICLE = compile_lazily(r"(?:%s)(?![\uac00-\ud7a3])" % "|".join(
    sorted(set(KO_TRAILING_PARTICLES + KO_HEDGE_PARTICLES + ("이다", "입니다", "과", "와")), key=len, reverse=True)))
#: Nouns after "N대" that make it an epithet (AI 4대 천왕 = "the big four"), not N units.
EPITHET_NOUNS: tuple[str, ...] = (
    "천왕", "강국", "기업", "그룹", "은행", "금융지주", "과제", "원칙", "명문", "도시",
    "거래소", "시중은행", "빅테크", "메이저", "회계법인", "로펌", "궁궐", "성인병",
    "브랜드", "업체", "통신사", "건설사", "조선사", "제약사", "산업", "분야",
    "주주", "음반사", "재벌", "이통사",   # 2대 주주 (the second-largest holder), 4대 음반사 (the four majors)
)
_EPITHET = compile_lazily(r"[ ]?(?:%s)" % "|".join(EPITHET_NOUNS))
#: A scope before "N대" that makes it the top N of a kind whatever follows (세계 3대 가위 브랜드, 유럽의 10대 전문
#: 화학회사): a count of machines names no world or region it ranks in.
_EPITHET_SCOPE_BEFORE = compile_lazily(r"(?:세계|국내|유럽|미국|아시아|글로벌|업계|국내외|전국|최대)의?[ ]?$")


Clue = Callable[[str], object]

#: The last text a word clue lowered, and its lower-cased form: ``regions`` asks several
#: word clues about one text, which is then lowered once, not once a clue (one tuple,
#: replaced whole, so that threads never pair one text with another's lower case).
_lowered: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    """``text.lower()``, from ``_lowered`` when the text is the one lowered last."""
    global _lowered
    last = _lowered
    if last[0] is not text:
        last = _lowered = (text, text.lower())
    return last[1]


def _words(*words: str) -> Clue:
    """A clue for a case-insensitive pattern: one of ``words`` in the lower-cased text.

    Exact only for words without i, s or k: a case-insensitive regex also matches ı, ſ
    and the Kelvin sign there, which ``str.lower`` leaves as they are.
    """
    if any(set(word) & set("isk") for word in words):
        raise ValueError(f"a word clue cannot hold i, s or k: {words}")
    def clue(text: str) -> bool:
        lowered = _lower(text)  # once a text, not once a word or a clue
        for word in words:   # a loop, not ``any`` over a generator: a clue runs on every text
            if word in lowered:
                return True
        return False
    return clue


def _either(first: Clue, second: Clue) -> Clue:
    """A clue that holds when one of two does: two regexes that each open on a literal
    search faster than one alternation of them, which the engine tries at every position."""
    return lambda text: first(text) or second(text)


class _Guarded:
    """``clue``, tried only where ``guard`` (a word test, faster than a case-insensitive regex
    the engine tries at every position) holds: ``guard`` must hold wherever ``clue`` does.

    Both are kept: ``regions`` asks the regions of one guard as a group, the guard once a text
    (``_AFTER_A_DIGIT`` guards four), then each region's own clue where it holds.
    """

    __slots__ = ("guard", "clue")

    def __init__(self, guard: Clue, clue: Clue) -> None:
        self.guard, self.clue = guard, clue

    def __call__(self, text: str) -> object:
        return self.guard(text) and self.clue(text)


_guarded = _Guarded


def _once(clue: Clue) -> Clue:
    """``clue``, asked once a text: the guard that several regions share (one search, not one a region).

    The last text asked and its answer are one tuple, replaced whole, as in ``_lower``.
    """
    last: tuple[object, bool] = (None, False)
    def once(text: str) -> bool:
        nonlocal last
        memo = last
        if memo[0] is not text:
            memo = last = (text, bool(clue(text)))
        return memo[1]
    return once


#: What the clues of the regions that open on a digit (a phone number, a time of day, an
#: ordinal) have in common: a digit and what follows it. Few texts hold one, and one search
#: for them all then spares each region its own search of the text's digits.
_AFTER_A_DIGIT = _once(re.compile(
    r"\d(?:\d\d[-. /]\d\d\d\d|\d{9}|st|nd|rd|th|:\d\d|[ ]?[ap]\.?m\b)", re.IGNORECASE).search)


#: Clues that several regions share, each searched once a text (``_once``): a slash between digits
#: (5/17/2018, 2023/24), and a digit's dot or bracket before a space or before a short group and a dot
#: (1. First, 2) second, 192.168.1.2, 2022.1.13.2); two dots: a decimal (9.3) is no clue.
SLASH_AFTER_DIGIT = _once(re.compile(r"/(?<=\d/)\d").search)
DOTTED_RUN = _once(re.compile(r"[.)](?<=\d[.)])(?:[ \t]|(?<=\.)\d{1,3}\.\d)").search)


#: Letters before digits that open an amount, not a name: ISO codes, the grammar's letter prefixes
#: (Rs, RMB, KSh, Ksh: papers write it both ways) and the letters of US$, NT$, HK$.
_NOT_NAME_LETTERS: tuple[str, ...] = tuple(sorted(
    {*ISO_CURRENCY_CODES, "US", "NT", "HK"}
    | {symbol for symbol in CURRENCY_PREFIXES if symbol.isalpha()}
    | {symbol.capitalize() for symbol in CURRENCY_PREFIXES if symbol.isalpha() and not symbol.isupper()}
    | {symbol.lower() for symbol in CURRENCY_PREFIXES if symbol.isalpha()}))   # euro18.6 million


class Region:
    """A kind of stretch holding no quantity, and a clue every such stretch contains.

    The clue is a literal, or a regex that opens on a digit, which the regex engine
    finds by a fast scan; the region's own pattern opens with a look-behind and so is
    tried at every position. Most texts lack the clue, and then the pattern is not run
    at all: the regions found are the same, found in a fraction of the time. Most
    regions hold a digit (``needs_digit``): a text without one skips their clues too.
    The pattern is compiled when a clue is first found, so a run whose texts never
    hold one does not pay for compiling it. A region that ``ends_expressions`` is one
    token a number before it cannot run into: "100 9/11 responders" states 100, never
    100 and 9/11; others may close an expression that starts before them ("June 4th").
    """

    def __init__(self, clue: Clue, source: str, flags: int = 0, needs_digit: bool = True,
                 ends_expressions: bool = False) -> None:
        self.clue, self.needs_digit, self.ends_expressions = clue, needs_digit, ends_expressions
        self.pattern = compile_lazily(source, flags)


#: What both forms of a product name open with (letters, a hyphen maybe, a digit), looked
#: ahead for first: most words fail it, and then the long list of currency codes is not tried.
PRODUCT_NAME_OPENING = r"(?=[A-Za-z]+-?\d)"

#: Stretches of text holding no quantity, found before the grammar runs so that none of
#: their digits starts an expression ("Q3 to $2 billion" must not read "3 to $2 billion").
#: Clue regexes are compiled here, not lazily: every text holding a digit runs them. A
#: newer pattern opens on the character its matches start with and checks what stands
#: before it by a look-behind after that character (``\d(?<![\w.]\d)``, not
#: ``(?<![\w.])\d``): the engine then scans for that character, where a leading
#: look-behind is tried at every position of a long article. Clues are written the same
#: way (``/(?<=\d/)\d``, not ``\d/\d``): a clue runs on every text with a digit, and one
#: opening on a digit is tried at each digit of it.
REGIONS: Registry = Registry({
    "a phone number": Region(
        _guarded(_AFTER_A_DIGIT, re.compile(r"\d\d\d[-. /]\d\d\d\d").search),
        r"(?<![\w.])(?:\+\d{1,3}[ -]?|1[-. ])?\(?\d{2,4}\)?[-. ]\d{3,4}[-. /]\d{4}(?!\d)",   # 1-888-373-7888
        ends_expressions=True),
    "a date written with slashes": Region(                      # 5/17/2018, 2018/5/17에
        SLASH_AFTER_DIGIT,
        r"(?<![\w/.])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}/\d{1,2}/\d{1,2})(?![\d/])", ends_expressions=True),
    "a month written with a slash (6/2007, 1-9/2007)": Region(   # not the ratio 6/2007
        _guarded(SLASH_AFTER_DIGIT, re.compile(r"/(?<=\d/)(?:19|20)\d\d").search),
        r"(?<![\w/.,])(?:(?:0?[1-9]|1[0-2])[-–])?(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])", ends_expressions=True),
    "a name written with a slash (9/11, 24/7, 50/50)": Region(   # the event, "always", "even": no ratios
        _guarded(SLASH_AFTER_DIGIT, re.compile(r"/(?:(?<=9/)11|(?<=24/)7|(?<=20/)20|(?<=50/)50)").search),
        r"(?<![\w/.,])(?:9/11|24/7|20/20|50/50)(?![\w/])",
        ends_expressions=True),
    "list or section numbering": Region(                        # also IP addresses (192.168.1.2입니다)
        DOTTED_RUN,
        r"^[ \t]*(?:\d{1,3}(?:\.\d{1,3})*[.)]|\(\d{1,3}\))(?=[ \t])"
        r"|(?<![\w.,])\(?\d{1,2}\)(?=[ \t]+[^\W\d_])"                  # So, 1) I didn't … 2) the
        r"|(?<![\w.])\d{1,3}(?:\.\d{1,3}){2,}(?![\dA-Za-z_]|\.\d)",
        re.MULTILINE),
    "the name of a quarter or half-year": Region(               # the third quarter, first-quarter, second half
        _words("quarter", "half"),
        r"\b(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[ -]+(?:quarter|half)\b", re.IGNORECASE,
        needs_digit=False),
    "a period relative to another (a year earlier)": Region(
        _words("earl", "ago", "before"),
        r"\b(?:a|one)[ -]+(?:year|month|quarter)[ -]+(?:earlier|ago|before)\b", re.IGNORECASE,
        needs_digit=False),
    "the name of a quarter (N/4분기)": Region(                   # 2008년 4/4분기, 2·4분기 (a middle dot for the slash)
        re.compile(r"분기(?:(?<=[/·ㆍ・]4분기)|(?<=[/·ㆍ・]4 분기))").search, r"(?<![\d/·ㆍ・])[1-4][/·ㆍ・]4[ ]?분기"),
    "a range of months (1~9월)": Region(
        re.compile(r"월").search, r"(?<![\d~-])\d{1,2}[ ]?[~-][ ]?\d{1,2}[ ]?월"),
    "an agency dateline ((서울=뉴스1))": Region(                # (세종=연합뉴스), (서울=뉴스1): a place and a wire
        re.compile(r"=").search, r"[(（][ ]?[가-힣]{1,10}[ ]?=[ ]?[^()（）=\n]{1,20}[)）]", ends_expressions=True),
    "an HTML character reference (&#39;)": Region(              # text pasted from a page's source
        re.compile(r"&#").search, r"&#(?:\d+|[xX][0-9A-Fa-f]+);", ends_expressions=True),
    "a plan or section named by its number (401(k), 501(c)(3))": Region(
        re.compile(r"\((?<=\d\()[a-z]\)").search, r"(?<![\w.,])\d{1,4}\([a-z]\)(?:\(\d{1,2}\))?",
        ends_expressions=True),
    "a date or name of digits joined by hyphens (5-17-2018, 9-9-9)": Region(   # not three numbers
        re.compile(r"-(?<=\d-)\d{1,2}-\d").search, r"(?<![\w.,-])\d{1,2}(?:-\d{1,2})+-(?:\d{4}|\d{1,2})(?![\w-])",
        ends_expressions=True),
    "a year written with an apostrophe ('08)": Region(          # the '08 race: 2008, not 8; not a quote ('50 percent')
        _guarded(lambda text: " '" in text or " ’" in text,    # a space stands before it in every match
                 re.compile(r"['’]\d\d").search),
        r"['’](?:(?<=\bthe [’'])|(?<=\bin [’'])|(?<=\bof [’'])|(?<=\bsince [’'])|(?<=\bfrom [’'])|(?<=\bby [’']))"
        r"\d\d(?![\w'’%.,])",
        re.IGNORECASE),
    "a time of day (12:30, 3 p.m., 2.13 am)": Region(
        _guarded(_AFTER_A_DIGIT, re.compile(r"\d:\d\d|\d ?[ap]\.?m\b", re.IGNORECASE).search),
        r"\d(?<![\w.,:]\d)\d?(?::\d\d){1,2}(?:[ ]?[ap]\.?m\b\.?)?(?![\d:])|\d(?<![\w.,:]\d)\d?[ ]?[ap]\.?m\b\.?"
        r"|\d(?<![\w.,:]\d)\d?\.[0-5]\d[ ]?[ap]\.?m\b\.?",                       # 2.13 am, 3.15 pm: a dot for the colon
        re.IGNORECASE, ends_expressions=True),
    "a score or vote tally (a 5-4 decision, won 3-2)": Region(
        re.compile(r"[-–:](?<=\d[-–:])(?:\d|(?<=-)to-\d)").search,
        r"\d(?<![\w.,-]\d)(?:(?<=\bvoted \d)|(?<=\bruled \d)|(?<=\bwon \d)|(?<=\blost \d)|(?<=\bbeat \d))"
        r"\d{0,2}(?:-to-|[-–:])\d{1,3}(?![\w,%-]|\.\d)"
        r"|\d(?<![\w.,-]\d)\d{0,2}(?:-to-|[-–:])\d{1,3}"
        r"(?=[ ](?:margin|vote|votes|decision|ruling|majority|win|victory|loss|defeat|lead|split|score)\b)",
        re.IGNORECASE, ends_expressions=True),
    "a number sign (#1, No. 1, patent no. 7,804,288)": Region(   # "#1 in oil consumption": a rank
        _guarded(lambda text: "#" in text or "No." in text or "no." in text, re.compile(r"#\d|[Nn]o\.[ ]?\d").search),
        r"#(?<![\w&]#)\d+\b|[Nn](?<!\w[Nn])o\.[ ]?\d+(?:,\d{3})*\b", ends_expressions=True),
    "an ordinal": Region(                                       # 162nd Avenue, 3rd
        _guarded(_AFTER_A_DIGIT, re.compile(r"\d(?:st|nd|rd|th)").search),
        r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)\b"),
    "digits with broken grouping (1,0000, 1,000,00)": Region(   # no reading is sure: 1 and 0000, or 10000?
        re.compile(r",(?:\d{4}|\d{3},\d\d?(?![\d,])|(?<=\d{4},)\d{3})").search,
        r"\d(?<![\w.,]\d)\d{0,2}(?:,\d{3})*,\d{4,}|\d(?<![\w.,]\d)\d{0,2}(?:,\d{3})+,\d\d?(?![\d,])"
        r"|\d(?<![\w.,]\d)\d{3,}(?:,\d{3})+(?:\.\d+)?(?![\d,])",   # 358706,290.00: not 358706 and 290.00
        ends_expressions=True),
    "two amounts of one Korean scale run together (5777만 1110만)": Region(   # one number, or a list of two?
        re.compile(r"[만억조][ ]\d").search,                   # a scale closes a group once: 5억 3000만, not 5만 3만
        r"\d(?<![\w.,]\d)[\d,]*(?:\.\d+)?[ ]?(?P<scale>[만억조])[ ]\d[\d,]*(?:\.\d+)?[ ]?(?P=scale)",
        ends_expressions=True),
    "a decimal comma after four digits (9663,51)": Region(      # 9663.51 or a lost group: no reading is sure
        re.compile(r",(?<=\d{4},)\d\d?(?![\d,])").search,
        r"\d(?<![\w.,]\d)\d{3,},\d\d?(?![\d,])", ends_expressions=True),
    "an international phone number (+358 10 33 21307)": Region(   # groups after +CC: no one number
        lambda text: "+" in text,                                 # a literal: no pattern compiled at import
        r"\+(?<![\w+]\+)(?=(?:[ ().-]*\d){8})[1-9]\d{0,2}(?:[ .-]\(?\d{1,5}\)?){2,5}(?![\w%]|[.,]\d)",
        ends_expressions=True),
    "a record or footnote number in brackets ([7307])": Region(   # an id, not a figure
        lambda text: "[" in text, r"\[(?<![\w\]]\[)\d{1,9}\](?![(\w])", ends_expressions=True),
    "a citation's page range (12 (2024) 88006-88021, pp. 5-9)": Region(   # pages, not a range of values
        lambda text: ("(" in text or "p." in text) and ("-" in text or "–" in text),
        r"(?:\((?:19|20)\d\d\)[ ,:]*|p(?<!\wp)p?\.[ ]?)\d+[-–]\d+(?![\w%]|[.,]\d)", ends_expressions=True),
    "a network generation": Region(                             # 5G, 3.5G: not billions
        re.compile(r"G(?<=\dG)").search, r"(?<![\w$€£¥₩.,])[2-6](?:\.5)?G(?![A-Za-z0-9])"),   # 3G와: a particle may follow
    "a decade (1980s, '80s, 1980년대)": Region(                 # an era, not the year 1980 or the number 80
        re.compile(r"0(?<=\d0)(?:s\b|[ ]?년대)").search,
        r"\d(?<![\w.,'’]\d)\d{2}0s\b|['’]\d0s\b|\d(?<![\w.,]\d)(?:\d\d)?0[ ]?년대", ends_expressions=True),
    "an anniversary (2주년)": Region(                          # 창립 50주년: a name of the day, not 50 weeks
        re.compile(r"주년(?:(?<=\d주년)|(?<=\d 주년))").search, r"\d(?<![\w.,]\d)\d{0,3}[ ]?주년",
        ends_expressions=True),
    "a fiscal-year label (2021회계연도)": Region(                # its months are the company's, not a calendar year
        re.compile(r"회(?:(?<=\d회)|(?<=\d 회)|(?<=\d년회)|(?<=\d년 회))계[ ]?연도").search,
        r"\d(?<![\w.,]\d)\d{3}(?:[-/]\d{2}(?:\d\d)?)?년?[ ]?회계[ ]?연도", ends_expressions=True),
    "a range of days (1월 29~30일)": Region(                    # the dates of a meeting, not a count of days
        _guarded(lambda text: "월" in text,    # in every match of the pattern: English texts skip the regex
                 re.compile(r"[~～-](?:(?<=\d[~～-])|(?<=\d [~～-]))[ ]?\d{1,2}[ ]?일").search),
        r"\d(?<![\w.,~～-]\d)\d?[ ]?월[ ]?\d{1,2}[ ]?[~～-][ ]?\d{1,2}[ ]?일", ends_expressions=True),
    "a fact-checker's rating (Half True, 절반의 사실)": Region(   # the rating's name, not one half
        _guarded(_words("half", "절반"), re.compile(r"(?i:half)[ -](?i:true|flip)|절반의?[ ]?사실").search),
        r"\b[Hh]alf[ -](?:[Tt]rue|TRUE|[Ff]lip)\b|\bHALF[ -](?:TRUE|FLIP)\b|절반의?[ ]?사실", needs_digit=False,
        ends_expressions=True),
    "a web address (URL)": Region(                             # https://…/2021/05/article-12345
        lambda text: "://" in text or "www." in text or "WWW." in text,   # the pattern ignores case
        r"(?:(?:https?|ftp)://|www\.)(?=[^\s<>\"'）)\]]*\d)[^\s<>\"'）)\]]*[^\s<>\"'）)\].,;:!?]",
        re.IGNORECASE, needs_digit=True, ends_expressions=True),
    "a file or page path (/news/2021/05)": Region(             # a path's digits name a page
        re.compile(r"/[A-Za-z][\w.-]*/").search,
        r"/(?<![\w/.]/)(?=[\w./?=&%-]*\d)[A-Za-z][\w.-]*(?:/[\w.-]+)+/?(?:\?[\w=&%.-]*)?", needs_digit=True,
        ends_expressions=True),
    "a DOI (10.1000/182)": Region(
        re.compile(r"10\.\d{4,9}/").search, r"1(?<![\w.]1)0\.\d{4,9}/[^\s<>\"']*[^\s<>\"'.,;:!?)]",
        ends_expressions=True),
    "an ISBN (978-3-16-148410-0)": Region(
        _either(re.compile(r"-(?<=97[89]-)\d").search,
                _guarded(_words("bn"), re.compile(r"[sSſ](?<=(?i:is))(?i:bn)").search)),
        r"(?i:ISBN)(?:-1[03])?[:：]?[ ]?[\d-]{9,16}[\dXx]\b"
        r"|9(?<![\w.-]9)7[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX]\b", ends_expressions=True),
    "an article or record id (기사번호 12345, article ID 12345)": Region(
        _guarded(_words("cle", "기사"), re.compile(r"(?i:기사[ ]?번호|article[ ]?(?:id|no|number))").search),
        r"(?:기사[ ]?번호|(?i:article)[ ]?(?i:id|no\.?|number))[ ]?[:：#]?[ ]?\d[\d-]*", ends_expressions=True),
    "part of a product or model name": Region(
        re.compile(r"\d(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z]-\d))").search,
        r"""(?<![\w$])""" + PRODUCT_NAME_OPENING + r"""
            (?! (?:%s) \d | x20ac\b )             # EUR21m, US15, KSh38, x20ac (€ written out) are money, not names
            (?! %s )                              # R60,000, N25,750, R1.3 trillion: the rand, the naira
            (?: [A-Za-z]*[A-Z][A-Za-z]*-?          # H100, GPT-4, S24, Q3, iPhone15
              | [a-z]+                             # mp3, x86 (mid-2022 is a date: no hyphen here)
            )
            \d[\w.]*
            (?: ,\d{3} (?!\d) [\w.]* )*            # R60,000, N25,750: a group after a name's digits is no number
            """ % ("|".join(sorted(_NOT_NAME_LETTERS, key=len, reverse=True)), LETTER_AMOUNT),
        re.VERBOSE),
})


#: A character that stands in every text where a region's clue holds (and so in every text holding
#: the region): a text without it is not asked that region's clue. One ``in`` test of a character
#: spares the clue calls of all the regions listed with it: most English texts hold no slash, no
#: Hangul, no "=", "&", "+", "[" or "G", many no hyphen or comma; 48 clue calls a text were a tenth
#: of the English extraction.
#: A region not listed is asked in every text. ``tests/test_speed_shortcuts.py`` holds each entry
#: to its clue's and its pattern's answers.
REGION_NEEDS: dict[str, str] = {
    **dict.fromkeys(("a date written with slashes", "a month written with a slash (6/2007, 1-9/2007)",
                     "a name written with a slash (9/11, 24/7, 50/50)",
                     "a file or page path (/news/2021/05)", "a DOI (10.1000/182)",
                     "the second year of a span of years (2023/24)"), "/"),
    **dict.fromkeys(("a range of months (1~9월)", "a range of days (1월 29~30일)"), "월"),
    **dict.fromkeys(("a plan or section named by its number (401(k), 501(c)(3))",
                     "a release's page count (AT 09.30 1 ( 1 ))", "a release's page count (발표 1 ( 1))"), "("),
    **dict.fromkeys(("a date or name of digits joined by hyphens (5-17-2018, 9-9-9)", "a school grade span (K-12, k-8)"),
                    "-"),
    "a school grade span written out (K to 12)": "K",
    **dict.fromkeys(("digits with broken grouping (1,0000, 1,000,00)", "a decimal comma after four digits (9663,51)"),
                    ","),
    "an agency dateline ((서울=뉴스1))": "=",
    "an HTML character reference (&#39;)": "&",
    "an international phone number (+358 10 33 21307)": "+",
    "a record or footnote number in brackets ([7307])": "[",
    "a network generation": "G",
    "an anniversary (2주년)": "주",
    "the name of a quarter (N/4분기)": "분",
    "a fiscal-year label (2021회계연도)": "회",
    "a time of day (오후 2시 30분)": "시",
    "a time of day after 오전 or 오후 (오전 10.33)": "오",
    "a range of days (2월 12일부터 15일까지)": "일",
    "an ordinal or a numbered article (제2의, 제7조, 제7804,288호)": "제",
}
_Groups = tuple[tuple[str | None, "Clue | None", tuple[tuple[str, "Clue", re.Pattern[str]], ...]], ...]


class _Derived:
    """Tables worked out from a registry (``REGIONS``, ``RULES``) once per key, and worked out again when
    the registry changes (a test or a plug-in registering an entry): asked at every number, they must cost
    a dict lookup, not a pass over the registry (``Registry`` counts its changes)."""

    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self._version = -1
        self._tables: dict[Any, Any] = {}

    def get(self, key: Any, build: Callable[[], Any]) -> Any:
        if self._registry.version != self._version:   # an entry added or replaced since: work them out again
            self._version, self._tables = self._registry.version, {}
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = build()
        return found


_REGION_GROUPS = _Derived(REGIONS)


def _region_groups(digits: bool) -> _Groups:
    """The regions to ask about a text with a digit or without, grouped by the character each needs
    (``REGION_NEEDS``; None: no such character) and by the guard of its clue (``_Guarded``; None: none)."""
    return _REGION_GROUPS.get(digits, lambda: _grouped_regions(digits))


def _grouped_regions(digits: bool) -> _Groups:
    """Each group: the character, the guard, and each region's reason, its clue (past the guard) and pattern."""
    groups: dict[tuple[str | None, Clue | None], list[tuple[str, Clue, re.Pattern[str]]]] = {}
    for reason, region in REGIONS.items():
        if digits or not region.needs_digit:
            clue = region.clue
            guard, asked = (clue.guard, clue.clue) if isinstance(clue, _Guarded) else (None, clue)
            groups.setdefault((REGION_NEEDS.get(reason), guard), []).append((reason, asked, region.pattern))
    return tuple((character, guard, tuple(group)) for (character, guard), group in groups.items())


def regions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` of every region of :data:`REGIONS` in ``text``, by start.

    >>> [(r[2], r[0]) for r in regions("Call 02-123-4567. GPT-4 in Q3, EUR21m.")]
    [('a phone number', 5), ('part of a product or model name', 18), ('part of a product or model name', 27)]
    """
    # Clues and patterns called here, not through a method of each region: 48 regions a text.
    found = [(m.start(), m.end(), reason)
             for character, guard, group in _region_groups(_DIGIT.search(text) is not None)
             if (character is None or character in text) and (guard is None or guard(text))
             for reason, clue, pattern in group if clue(text) for m in pattern.finditer(text)]
    return sorted(found)


def _bare(quantity: Quantity) -> bool:
    """A plain number with no unit and no hedge: the only kind a name or label can be."""
    return quantity.kind is Kind.NUMBER and quantity.unit is None and quantity.qualifier is Qualifier.EXACT


def _bare_range(quantity: Quantity) -> bool:
    """A range of plain numbers with no unit (1~8 of "1~8위"): a range of names or ranks, as a bare number is one."""
    return quantity.kind is Kind.NUMBER and quantity.unit is None and quantity.qualifier is Qualifier.RANGE


def _may_end_with_name(before: str) -> bool:
    """Whether ``_NAME_WORD_BEFORE`` may match ``before``: a letter and a space end it (``$``
    also stands before a last newline). Most numbers follow no such word: the regex, tried
    at each of the window's characters, is spared there."""
    tail = before[:-1] if before.endswith("\n") else before
    return tail.endswith(" ") and tail[-2:-1].isalpha()


#: Words a headline capitalises that name nothing: before digits they make them no model's ("Said The 92
#: Destroyed Tapes", "Father Of 23"), as a sentence's first word does (a number word stays: "For one thing").
_TITLE_CASE_WORDS = frozenset({"The", "Of", "For", "And", "Or", "To", "In", "On", "At", "By", "With",
                               "From", "Only", "Just", "About", "Over", "Under", "Than", "All", "Has", "Have",
                               "Had", "Is", "Are", "Was", "Were", "Says", "Said", "Say"})


def product_name(text: str, quantity: Quantity) -> str | None:
    """Llama 2, iPhone 15, '라마 2': a small bare number after a name (H100 is a region)."""
    if not _bare(quantity) or quantity.value is None or quantity.value >= 1000:
        return None
    before = text[max(0, quantity.start - 24):quantity.start]
    if not _may_end_with_name(before):
        return None
    name = _NAME_WORD_BEFORE.search(before)
    if name is None or _SENTENCE_OPENER.search(text, max(0, quantity.start - 40), quantity.start):
        return None
    if quantity.text[-1:].isdecimal() and (quantity.text[:1].isalpha() or name.group()[:-1] in _TITLE_CASE_WORDS):
        return None   # "Said The 92 Destroyed Tapes", "Showed Only 1": a headline's capitals or a hedge, no name
    quoted = _OPENING_QUOTE.search(before) and _CLOSING.match(text, quantity.end)
    latin = name.group()[0].isascii()
    # A Korean particle after it is grammar, as a space is: "Tekla Structures 16은", "Sentry 360은"
    after = text[quantity.end:quantity.end + 1]
    if quoted or (latin and (not is_hangul(after) or _PARTICLE.match(text, quantity.end))):
        return "part of a product or model name"
    return None


#: A year and "=" right before a number: the base of an index ("(2015년=100)", "1982-84=100"), part of its unit.
_INDEX_BASE_BEFORE = compile_lazily(r"(?:19|20)\d{2}(?:[-–](?:\d{2}|\d{4}))?[ ]?년?[ ]?=[ ]?$")


def index_base(text: str, quantity: Quantity) -> str | None:
    """수입물량지수(2015년=100), CPI (1982-84=100): the level an index sets its base year to, part of the index's
    unit; drafted as a figure, it took the month the story names and would be checked as that month's index."""
    if not _bare(quantity) or "=" not in text[max(0, quantity.start - 2):quantity.start]:
        return None
    return "the base of an index (2015=100)" if _INDEX_BASE_BEFORE.search(text, max(0, quantity.start - 14),
                                                                         quantity.start) else None


def rank(text: str, quantity: Quantity) -> str | None:
    """1순위, 2위, 3차, 1~8위: a bare whole number, or a range of them, glued to a Hangul word that is no unit.

    A particle is no such word: 1,234,567은, 40,000이다 state the number.
    """
    if not (_bare(quantity) or _bare_range(quantity)) or "." in quantity.text \
            or not is_hangul(text[quantity.end:quantity.end + 1]):
        return None
    if _PARTICLE.match(text, quantity.end):
        return None
    return "a rank, ordinal or name (number glued to a word)"


def quarter_name(text: str, quantity: Quantity) -> str | None:
    """3분기, Q3 without a year name a quarter; with a year they are a date."""
    if "분" in text[quantity.end:quantity.end + 3] and _bare(quantity) and _QUARTER_NAME.match(text, quantity.end):
        return "the name of a quarter"
    if "Q" not in text[max(0, quantity.start - 1):quantity.start + 2]:   # where every match of either holds its Q
        return None
    if _EN_QUARTER.match(text, max(0, quantity.start - 1)) or _EN_QUARTER.match(text, quantity.start):
        return "the name of a quarter"
    return None


def age(text: str, quantity: Quantity) -> str | None:
    """만 14세, aged 30, 30-year-old, a 35-Year-Old Man, over 50 years of age: an age, where 만 is not 10^4."""
    if quantity.kind not in (Kind.NUMBER, Kind.DURATION, Kind.COUNT):
        return None
    reach = max(0, quantity.start - 8)   # "aged " at most: no scan of the whole article
    if _may_be_age_after(text, quantity.end) and _AGE.match(text, quantity.end):
        return "an age"
    if (text[quantity.start - 1:quantity.start] in _AGE_BEFORE_LAST and _bare(quantity)
            and _AGE_BEFORE.search(text, reach, quantity.start)):
        return "an age"
    return None


def epithet(text: str, quantity: Quantity) -> str | None:
    """AI 4대 천왕, 5대 은행, 2대 주주, 세계 3대 가위 브랜드: "the big N" or a rank, a title rather than a count of units."""
    if quantity.unit != "units" or not quantity.text.endswith("대"):
        return None
    if _EPITHET.match(text, quantity.end) or _EPITHET_SCOPE_BEFORE.search(text, max(0, quantity.start - 8),
                                                                          quantity.start):
        return "an epithet (N대 …: 'the big N')"
    return None


#: Count nouns of a web page's own counters ("15 comments" ending a line).
CHROME_UNITS: frozenset[str] = frozenset({"comments", "likes", "views", "replies"})


#: The last letters of ``_CHROME_WORDS`` (댓글 … 구독자, comment, likes …, as IGNORECASE reads them),
#: and the first ones of ``_CHROME_AFTER``'s words.
_CHROME_LAST = frozenset("글감요회수천유독자tTsSſeE")
_CHROME_FIRST = frozenset("cClLvVrR")


def _may_end_with_chrome_word(before: str) -> bool:
    """Whether ``_CHROME_WORDS`` may match ``before``: one of its words' last letters before the
    spaces and colons that end it (``$`` also stands before a last newline)."""
    tail = before[:-1] if before.endswith("\n") else before
    return tail.rstrip(" :")[-1:] in _CHROME_LAST


def _may_open_chrome_word(text: str, pos: int) -> bool:
    """Whether ``_CHROME_AFTER`` may match at ``pos``: a word's first letter there or after one space
    (after more spaces, the regex decides)."""
    first = text[pos:pos + 1]
    if first == " ":
        first = text[pos + 1:pos + 2]
    return first == " " or first in _CHROME_FIRST


def page_chrome(text: str, quantity: Quantity) -> str | None:
    """댓글 0, 공감 12, "15 comments" ending a line: counters of the web page, not of the story."""
    if quantity.unit in CHROME_UNITS and _LINE_END.match(text, quantity.end):
        return "page chrome (a counter of the web page)"
    if not _bare(quantity):
        return None
    before = text[max(0, quantity.start - 12):quantity.start]
    if ((_may_end_with_chrome_word(before) and _CHROME_WORDS.search(before))
            or (_may_open_chrome_word(text, quantity.end) and _CHROME_AFTER.match(text, quantity.end))):
        return "page chrome (a counter of the web page)"
    return None


#: "a fraction of", "a few tenths of" right before a whole of one: a share of no stated size.
_SHARE_OF = compile_lazily(r"\b(?:fractions?|%s)\s+of\s+$" % "|".join(sorted(EN_DENOMINATORS, key=len, reverse=True)),
                           re.IGNORECASE)


def share_whole(text: str, quantity: Quantity) -> str | None:
    """"a fraction of a percent", "a few tenths of a percentage point": the unit a share is of.

    A share of a stated size is read with its whole by the grammar (a tenth of a percent is
    0.1 %); one of no stated size leaves the whole alone, which states no "1 percent".
    """
    if quantity.value != 1 or quantity.qualifier is not Qualifier.EXACT:
        return None
    if _SHARE_OF.search(text, max(0, quantity.start - 24), quantity.start):
        return "the unit of a share of no stated size (a fraction of a percent)"
    return None


_OF_WHICH = compile_lazily(r"\s+of\s+(?:the|these|those|them|us|you|his|her|its|our|their|my|your|which|whom)\b",
                            re.IGNORECASE)


_NO_ONE = compile_lazily(r"\b[Nn]o[ -]\Z")
#: "the last one was", "the one true leader", "this one": a determiner before "one" makes it a pronoun or
#: "the only", never the count 1 ("one leader" counts, "the one leader" singles him out). Not "that" or
#: "which", also conjunctions and relatives before a count ("said that one nursing home", "in which one member").
_DETERMINED_ONE = compile_lazily(r"\b(?:the|this|last|each|every|any)[ ][\"“‘']?\Z", re.IGNORECASE)   # the "one true leader"
#: "not one department received", "There's not one public study": none, not the number 1.
_NOT_ONE = compile_lazily(r"\b[Nn]ot[ ]\Z")


def pronoun_one(text: str, quantity: Quantity) -> str | None:
    """"One of the most recent polls", "one of them", "one of which", "quotes no one", "the last one": a
    pronoun, not the number 1; nor is "not one department" (none) a count of one."""
    if not (_bare(quantity) and quantity.text.lower() == "one"):
        return None
    if _OF_WHICH.match(text, quantity.end):
        return "the pronoun one (one of the …)"
    if _NO_ONE.search(text, max(0, quantity.start - 3), quantity.start):
        return "the pronoun no one (nobody)"
    if _NOT_ONE.search(text, max(0, quantity.start - 4), quantity.start):
        return "not one (none)"
    if _DETERMINED_ONE.search(text, max(0, quantity.start - 7), quantity.start):
        return "the pronoun one after a determiner (the last one, the one true leader)"
    return None


#: Words after "N times" that close a count of events ("raised rates seven times last year"); a
#: multiple goes on with what it multiplies ("seven times higher", "20 times earnings", "224 times that").
_EVENT_AFTER = compile_lazily(
    r"[ ]*(?:[.,;:!?)]|$|\n)|[ ]+(?:since|in|last|this|during|between|before|after|already|so|and|or|but|per|each"
    r"|every|a|an|on|when|while|until|from|to|with|without|over the|at)\b", re.IGNORECASE)
#: Verbs of growth before "N times": "sales grew five times in a decade" is a multiple.
_GROWTH_BEFORE = compile_lazily(
    r"\b(?:rose|risen|grew|grown|increased|jumped|multiplied|expanded|surged|soared|climbed|fell|dropped|declined"
    r"|shrank|by)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A post's own counters before "N times": "shared 768 times", "viewed more than 2 million times".
#: "the three times the rates were cut": "the" picks out occasions; a multiple takes none ("three times more").
_THE_BEFORE = compile_lazily(r"\b[Tt]he[ ]\Z")
_COMPARED_AFTER = compile_lazily(r"[ ]+(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|as|than|over)\b",
                                 re.IGNORECASE)
#: After a bare number: an adjective of occasions, then "times" ("voted five separate times").
_OCCASIONS_AFTER = compile_lazily(r"[ ](?:separate|different|distinct|consecutive|straight)[ ]times\b",
                                  re.IGNORECASE)
_POST_COUNT_BEFORE = compile_lazily(r"\b(?:shared|share|viewed|retweeted|reposted|liked|watched)\b[^.!?]{0,24}\Z",
                                    re.IGNORECASE)


#: Korean counters of events (7차례 인상, 두 번의 단계, 10번 이상): a multiple is 배, never one of these.
_KO_EVENT_COUNTERS = ("차례", "번")


def event_count(text: str, quantity: Quantity) -> str | None:
    """"raised rates seven times", "7차례 인상했다", "두 번의 시행 단계로": how often something happened,
    which no reference series counts; "seven times higher" and "20 times earnings" stay multiples. A post's
    "viewed more than 2 million times" is a count about the post, and "withdrawing cash more than 4 times"
    one of events, hedged or not (10번 이상); so are "the three times the rates were cut" and "five separate
    times"."""
    if quantity.kind is Kind.MULTIPLE and quantity.text.endswith(" times") \
            and _POST_COUNT_BEFORE.search(text, max(0, quantity.start - 40), quantity.start):
        return "a count of the post's own shares or views (shared 768 times)"
    if quantity.unit == "times" and any(counter in quantity.text for counter in _KO_EVENT_COUNTERS):
        return "a count of events (N차례, N번)"
    if _bare(quantity) and _OCCASIONS_AFTER.match(text, quantity.end):
        return "a count of events (N separate times)"
    if quantity.kind is not Kind.MULTIPLE or not quantity.text.lower().endswith(" times"):
        return None
    if _THE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start) \
            and not _COMPARED_AFTER.match(text, quantity.end):
        return "a count of events (the three times the rates were cut)"
    if _GROWTH_BEFORE.search(text, max(0, quantity.start - 32), quantity.start):
        return None
    return "a count of events (N times)" if _EVENT_AFTER.match(text, quantity.end) else None


#: "the first nine months of 2021", "the three months ended June 30": a duration naming a period.
#: A headline drops the article: "died in last 6 months" is "in the last 6 months".
_PERIOD_LEAD = compile_lazily(
    r"\bthe\s+(?:(?P<edge>first|last|final|past|latest|previous|prior|opening|initial|same|comparable)\s+)?$"
    r"|\b(?:in|over|during)\s+(?P<bare_edge>last|past)\s+$", re.IGNORECASE)
_PERIOD_TAIL = compile_lazily(r"\s+(?:of|ended|ending|to|through|thru)\b", re.IGNORECASE)


def period_length(text: str, quantity: Quantity) -> str | None:
    """"nine months" in "the first nine months of 2021": the length of the period a figure is
    about (read by the period reader), not a claim of its own."""
    if quantity.kind is not Kind.DURATION or quantity.qualifier is not Qualifier.EXACT:
        return None
    lead = _PERIOD_LEAD.search(text, max(0, quantity.start - 24), quantity.start)
    if lead is None or not (lead["edge"] or lead["bare_edge"] or _PERIOD_TAIL.match(text, quantity.end)):
        return None
    return "the length of a named period (the first nine months of 2021)"


#: "13년 2개월만의 최고", "3년 만에 최저", "the lowest in three years", "a 13-year high".
#: The units after the first are at most three ("13년 2개월 3주 5일만의"): unbounded, each duration of a
#: list of durations read the rest of the list (20,000 characters of "1개월 " took 4 s).
_KO_RANK_AFTER = compile_lazily(
    r"(?:[ ]?\d{1,3}[ ]?(?:개월|달|주|일)){0,3}[ ]?만(?:에|의)?[ ]?(?:사상[ ]?|역대[ ]?)?(?:최고|최저|최대|최소|최장|최단)")
_EN_RANK_BEFORE = compile_lazily(
    r"\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|best|worst|fastest|slowest)\b"
    r"[^.!?\n]{0,30}?\b(?:in|since)\s+(?:more than\s+|nearly\s+|almost\s+|over\s+|about\s+)?$",
    re.IGNORECASE)
_EN_RANK_AFTER = compile_lazily(r"[ -](?:high|low|record)\b", re.IGNORECASE)


def rank_window(text: str, quantity: Quantity) -> str | None:
    """The span a rank is taken over ("13년 2개월만의 최고", "the lowest in three years"): part of
    the rank words drafted with the figure ranked, not a duration claimed."""
    if quantity.kind is not Kind.DURATION:
        return None
    if (_KO_RANK_AFTER.match(text, quantity.end) or _EN_RANK_AFTER.match(text, quantity.end)
            or _EN_RANK_BEFORE.search(text, max(0, quantity.start - 64), quantity.start)):
        return "the window of a rank (13년 만의 최고)"
    return None


_TITLE_AFTER = compile_lazily(r"[ ]?(?:%s)" % "|".join(sorted(KO_NAME_TITLES, key=len, reverse=True)))


def surname(text: str, quantity: Quantity) -> str | None:
    """"반 총장은": the surname 반 before a title, not one half (a name glued to it, 반기문, is no number)."""
    if quantity.text != "반" or not _TITLE_AFTER.match(text, quantity.end):
        return None
    return "a surname (반 before a title)"


def currency_without_country(text: str, quantity: Quantity) -> str | None:
    """"3.6억 크로네", "500 kroner": money of Denmark, Norway or Sweden, the text does not say which
    (the grammar reads the currency with its country: 덴마크 크로네, Norwegian kroner)."""
    if not _bare(quantity):
        return None
    after = quantity.end + (text[quantity.end:quantity.end + 1] == " ")
    if SHARED_CURRENCY.match(text, after):
        return "money in a currency several countries share, named without its country (크로네)"
    return None


RULES: Registry = Registry({
    rule.__name__: rule
    for rule in (product_name, quarter_name, age, rank, epithet, page_chrome, share_whole, pronoun_one, event_count,
                 period_length, rank_window, surname, currency_without_country, index_base)
})


#: The only kinds of quantity a rule can name a reason for, where its first test is on the kind (or
#: ``_bare``: a number): ``why_not`` asks it about no other. A rule not listed is asked about every kind.
#: Most quantities of an article are money or percentages, which two rules in three refuse at once:
#: this spares the calls. ``tests/test_speed_shortcuts.py`` holds each entry to its rule's answers.
RULE_KINDS: dict[str, frozenset[Kind]] = {
    **dict.fromkeys(("product_name", "rank", "pronoun_one", "currency_without_country", "compound_adjective",
                     "one_of_many", "korean_age_in_parentheses", "speed_unit", "index_base"),
                    frozenset({Kind.NUMBER})),
    **dict.fromkeys(("ranked_group", "named_group"), frozenset({Kind.NUMBER, Kind.COUNT})),
    **dict.fromkeys(("period_length", "rank_window", "window_adjective", "korean_window", "korean_year_span"),
                    frozenset({Kind.DURATION})),
    "age": frozenset({Kind.NUMBER, Kind.DURATION, Kind.COUNT}),
    "age_bound": frozenset({Kind.NUMBER, Kind.DURATION}),
    "korean_rate_denominator": frozenset({Kind.COUNT, Kind.DURATION}),
}
#: Rules that name a reason only where Hangul stands in the text (a Korean word, counter or particle
#: around the number): ``why_not`` asks none of them about a text with no Hangul, most English text.
HANGUL_RULES: frozenset[str] = frozenset({
    "rank", "epithet", "surname", "numbered_label", "korean_window", "korean_rate_denominator",
    "korean_age_in_parentheses", "korean_words", "korean_year_span",
})
#: Rules of English words only ("$5 and $6 billion", "34 cents", "below 2007 property taxes"): a text with Hangul is
#: read by the Korean grammar, and ``why_not`` spares it them.
ENGLISH_RULES: frozenset[str] = frozenset({"written_elsewhere"})

_RULES_BY_KIND = _Derived(RULES)


def _rules_for(kind: Kind, hangul: bool | None) -> tuple[Rule, ...]:
    """The rules of ``RULES`` that may name a reason for a quantity of ``kind`` (``RULE_KINDS``) in a
    text with Hangul (no ``ENGLISH_RULES``), without (no ``HANGUL_RULES``) or either (None), in order."""
    return _RULES_BY_KIND.get((kind, hangul), lambda: tuple(
        rule for name, rule in RULES.items()
        if kind in RULE_KINDS.get(name, (kind,))
        and (hangul is not False or name not in HANGUL_RULES)
        and (hangul is not True or name not in ENGLISH_RULES)))


def holds_hangul(text: str) -> bool:
    """Whether a Hangul syllable stands anywhere in ``text`` (what ``why_not`` asks as ``hangul``)."""
    return not text.isascii() and _HANGUL.search(text) is not None   # ``isascii``: no scan, most English text


def why_not(text: str, quantity: Quantity, hangul: bool | None = None) -> str | None:
    """The first rule's reason why ``quantity`` is not a quantity, or None when it is one.

    ``hangul`` False (``holds_hangul`` says no) spares the rules of Korean words, True (it says yes) those of
    English words (``ENGLISH_RULES``); None (not known) asks every rule.
    """
    for rule in _rules_for(quantity.kind, hangul):
        reason = rule(text, quantity)
        if reason is not None:
            return reason
    return None


# --- Age bounds (issue 21, item 8) -----------------------------------------------------------

#: Before an age bound: "aged", "ages", or a word for people followed by the bound's own hedge
#: ("children under 18", "kids under five", "people over 65").
_AGED = compile_lazily(r"\b(?:aged?|ages)\s+\Z", re.IGNORECASE)
_PEOPLE_BEFORE_BOUND = compile_lazily(
    r"\b(?:children|kids|people|adults|youths?|teens|teenagers|women|men|girls|boys|persons|those|anyone|"
    r"students|infants|babies|patients|voters|workers|drivers|users)\s+\Z", re.IGNORECASE)
_BOUND_WORD = compile_lazily(r"(?:under|over|below|above)\s", re.IGNORECASE)
#: After an age: "65 and older" always; "50 and over" after a word for people.
_OLDER_AFTER = compile_lazily(r"\s+(?:and|or)\s+(?:older|younger)\b", re.IGNORECASE)
_BOUND_AFTER = compile_lazily(r"\s+(?:and|or)\s+(?:older|younger|over|above|under)\b", re.IGNORECASE)
_AGE_BOUND_KINDS = (Kind.NUMBER, Kind.DURATION)


def _may_end_with_aged(before: str) -> bool:
    """Whether ``_AGED`` may match ``before``: "age", "aged" or "ages" (ſ for s, as IGNORECASE
    reads it) and white space end it. The regex, tried at each character, is spared elsewhere."""
    return before[-1:].isspace() and before.rstrip().lower().endswith(("age", "aged", "ages", "ageſ"))


def age_bound(text: str, quantity: Quantity) -> str | None:
    """"aged over 55", "children under 18", "aged five to 11", "people 50 and over", "65 or older":
    an age that names a group.

    A bare number after "aged" is ``age``'s; this one reads the hedged and ranged forms,
    where the bound marks who is counted, not an amount the text claims.
    """
    if quantity.kind not in _AGE_BOUND_KINDS or quantity.unit not in (None, "years"):
        return None
    before = text[max(0, quantity.start - 16):quantity.start]
    if _may_end_with_aged(before) and _AGED.search(before):
        return "an age bound naming a group"
    bound_before = _BOUND_WORD.match(text, quantity.start) is not None
    bound_after = quantity.unit is None and _BOUND_AFTER.match(text, quantity.end) is not None
    if not (bound_before or bound_after):
        return None  # most numbers: no bound word around them, so no look for people before
    if (bound_after and _OLDER_AFTER.match(text, quantity.end)) or _PEOPLE_BEFORE_BOUND.search(before):
        return "an age bound naming a group"
    return None


RULES["age_bound"] = age_bound


# --- Numbered labels (issue 21, item 8) ------------------------------------------------------

#: After N번: the words that make it a label or an ordinal, not N times
#: (192번가, 200번지, 15번째, 196번 도로, 15번 고속도로, 2번 출구).
_NUMBERED = compile_lazily(r"(?:째|가|지|길)|[ ]?(?:고속도로|국도|도로|출구|버스|노선|게이트|채널|트랙|레인|타자|홀)")


def numbered_label(text: str, quantity: Quantity) -> str | None:
    """196번 도로, 192번가, 15번째: a number that names a road, a street or a place in order."""
    if quantity.unit != "times" or not quantity.text.endswith("번") or not _NUMBERED.match(text, quantity.end):
        return None
    return "a numbered label or ordinal (N번 도로, N번째)"


RULES["numbered_label"] = numbered_label


# --- Period lengths of another figure: 5년간, 10년 동안, for five years (issue 22, item 4) ---------

#: After a Korean duration, the words that make it a span of time (5년간, 10년 동안, 한 달 새, 한 달 사이): 간격 is an
#: interval, 새로운 a new thing.
_KO_SPAN = compile_lazily(r"(?:간(?!격)|[ ]?(?:동안|새(?![\uac00-\ud7a3])|사이))")
#: Before an English duration: "for five years", "over the next three years", "during the past two years".
_EN_SPAN_BEFORE = compile_lazily(
    r"\b(?:for|over|during|throughout)\s+(?:the\s+)?(?:(?:past|last|next|previous|prior|following|first)\s+)?$",
    re.IGNORECASE)
_SPAN_UNITS = ("years", "months", "weeks", "days", "quarters")
#: Where a clause ends: a full stop not inside a decimal (3.2%), ! ? ; a comma or colon before a space
#: ("$200 million in 1982, Trump had run it for eight years"), a line break, a joining "and", "or" or
#: "but", a word opening a clause of its own ("shrank by a third after holding steady for 30 years"),
#: or a Korean clause ending before a space (지속되며 2년 연장, 늘었고 수입은).
_CLAUSE_END = compile_lazily(
    r"[.!?;](?!\d)|[,:]\s|\n|\s(?:and|or|but|while|whereas|after|before|when|until)\s"
    r"|[\uac00-\ud7a3](?:며|고|면서|지만|는데)\s", re.IGNORECASE)
#: How far either way a span looks for the figure it is the period of: a long sentence is not read whole.
_SPAN_REACH = 160
#: Kinds that are no figure a span could be the period of: a date (2019년부터) or another span.
_NO_FIGURE = (Kind.DATE, Kind.DURATION)
SPAN_REASON = "the length of the period another figure covers (5년간 30% 늘었다)"
#: A bare number that reads as a year ("Founded in 1649"), which the grammar leaves a number.
_YEAR = compile_lazily(r"1\d{3}|20\d\d")


def _figure(quantity: Quantity) -> bool:
    """Whether ``quantity`` is a figure a span may be the period of: not a date, a span or a bare year."""
    if quantity.kind in _NO_FIGURE:
        return False
    return not (quantity.kind is Kind.NUMBER and quantity.unit is None and _YEAR.fullmatch(quantity.text))


def _span(text: str, quantity: Quantity) -> str | None:
    """``before`` or ``either``: where the figure of a duration written as a span may stand; None for
    no span. The grammar reads the "over" of "over eight years" as "more than": it is the span of a
    figure before it ("a 61 percent increase over eight years"), not of one after ("over 360 years of").
    A Korean span about as long (약 6주간 60명이 해고될) is that period still: 약 hedges its length."""
    if quantity.kind is not Kind.DURATION:
        return None
    if quantity.qualifier in (Qualifier.EXACT, Qualifier.APPROX) and (
            quantity.text.endswith(("간", "동안")) or _KO_SPAN.match(text, quantity.end)):
        return "either"
    before = _EN_SPAN_BEFORE.search(text, max(0, quantity.start - 32), quantity.start)
    over = quantity.qualifier is Qualifier.MORE_THAN and quantity.text[:5].lower() == "over " and not before
    if quantity.qualifier is not Qualifier.EXACT and not over:
        return None  # "for over a year" is more than a year
    if quantity.unit in _SPAN_UNITS and over:
        return "before"
    return "either" if quantity.unit in _SPAN_UNITS and before else None


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding ``text[start:end]``, within ``_SPAN_REACH`` characters either way."""
    low = max(0, start - _SPAN_REACH)
    ends = [match.end() for match in _CLAUSE_END.finditer(text, low, start)]
    after = _CLAUSE_END.search(text, end, min(len(text), end + _SPAN_REACH))
    return (ends[-1] if ends else low), (after.start() if after else min(len(text), end + _SPAN_REACH))


def period_spans(text: str, quantities: list[Quantity]) -> set[int]:
    """The indexes of durations that are the period another figure of their clause covers: "3년간" in
    "연간 가치는 향후 3년간 200만 달러로 추산된다", "eight years" in "a 61 percent increase over eight
    years". Such a span is no claim of its own, as ``period_length`` treats "the first nine months of 2021".

    Run on the quantities found (in text order), since only they tell a figure from a year, a
    product's number or a date (2019년부터 5년간 근무했다; 9월부터 11월까지 3개월간). A span with no
    figure in its clause is what the clause asserts ("이 계약은 5년간 지속되며 2년 연장 옵션을", "the
    average American lived for 68 years and 16 workers…") and stays a claim.
    """
    refused = set()
    starts = [quantity.start for quantity in quantities]
    for index, quantity in enumerate(quantities):
        where = _span(text, quantity)
        if where is None:
            continue
        start, end = _clause_around(text, quantity.start, quantity.end)
        last = index + 1 if where == "before" else bisect_right(starts, end)
        near = quantities[bisect_left(starts, start):last]
        if any(_figure(other) and other.end <= end for other in near):
            refused.add(index)
    return refused


# --- English names, ids and eras (issue 21, item 8) ------------------------------------------

#: Words a phone number follows ("call 9876543210", "helpline: +91 9876543210").
PHONE_WORDS: tuple[str, ...] = ("call", "dial", "phone", "ring", "text", "contact", "whatsapp", "helpline", "hotline",
                                "number", "tel", "mobile", "sms")
REGIONS["a phone number written without separators (call 9876543210)"] = Region(
    _guarded(_AFTER_A_DIGIT, re.compile(r"\d{10}").search),
    r"(?:%s)(?:[ ]?[:.])?[ ](?:\+\d{1,3}[ -]?)?\d{10,12}(?![\w]|[.,]\d)" % "|".join(
        r"(?<![\w])%s" % word for word in PHONE_WORDS),
    re.IGNORECASE, ends_expressions=True)
REGIONS["a school grade span (K-12, k-8)"] = Region(        # kindergarten to twelfth grade, not twelve
    re.compile(r"-(?<=[Kk]-)\d").search, r"[Kk](?<![\w-][Kk])-(?:1[0-2]|[1-9])(?![\w-]|\.\d)", ends_expressions=True)
REGIONS["the day and month of a date written with dots (26.03.2010)"] = Region(   # the year stays a date
    DOTTED_RUN, r"\d(?<![\w.,]\d)\d?\.(?:0?[1-9]|1[0-2])\.(?=(?:19|20)\d\d(?![\d%]|[.,]\d))", ends_expressions=True)
REGIONS["a release's clock time after its date (26.03.2010 klo 09.00)"] = Region(   # not "in 2010 at 10.30 euros"
    _guarded(DOTTED_RUN, re.compile(r"\d[ ](?:AT|at|klo)[ ]\d").search),   # the dotted date holds a dotted run
    r"(?<=\.(?:19|20)\d\d[ ])(?:AT|at|klo)[ ](?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d%]|[.,]\d)",
    ends_expressions=True)
REGIONS["a school grade span written out (K to 12)"] = Region(   # as K-12: kindergarten to twelfth grade
    re.compile(r"K[ ](?:to|through|thru)[ ]\d").search,
    r"\bK[ ](?:to|through|thru)[ ](?:1[0-2]|[1-9])(?![\w-]|\.\d)", ends_expressions=True)
REGIONS["a year of an era (79 A.D., 500 BC, AD 79)"] = Region(   # a year, not 79 of anything
    _guarded(lambda text: "AD" in text or "A.D" in text or "BC" in text or "B.C" in text or "CE" in text,
             _either(re.compile(r"\d[ ]?(?:A\.D\.|AD\b|B\.C\.|BCE?\b|CE\b)").search,
                     re.compile(r"A(?<!\wA)\.?D\.?[ ]\d").search)),   # each opens on one character
    r"\d(?<![\w.,]\d)\d{0,3}[ ]?(?:A\.D\.|AD\b|B\.C\.(?:E\.)?|BCE?\b|CE\b)|\bA\.?D\.?[ ]\d{1,4}\b",
    ends_expressions=True)

#: After a number word and a hyphen: an adjective of the form "three-eyed", "two-headed", "four-legged".
_COMPOUND_ADJECTIVE = compile_lazily(r"-[a-z]+ed\b(?!-)", re.IGNORECASE)


def compound_adjective(text: str, quantity: Quantity) -> str | None:
    """"a three-eyed god", "a two-headed calf", "a four-legged robot": the number is part of a
    word that describes, it counts nothing a source could confirm ("a seven-story office" keeps its 7)."""
    if not _bare(quantity) or not _COMPOUND_ADJECTIVE.match(text, quantity.end):
        return None
    return "part of a compound adjective (three-eyed)"


RULES["compound_adjective"] = compound_adjective


# --- English names, windows, ranks and other languages (issue 21, item 8: the second pass) ----

REGIONS["the second year of a span of years (2022-23)"] = Region(   # a fiscal year or season, not 23 of anything
    re.compile(r"[-–](?<=\d\d\d\d[-–])\d\d(?!\d)").search,   # a hyphen or an en dash, as the pattern reads
    r"\d(?<=(?:19|20)\d\d[-–]\d)(?<![\d.,](?:19|20)\d\d[-–]\d)\d(?![\d%]|[.,]\d)")
REGIONS["a section or article of a text (section 5, Article 7)"] = Region(   # identifiers, no amounts
    _guarded(lambda text: ("ection" in text or "rticle" in text or "lause" in text or "hapter" in text
                           or "aragraph" in text or "ECTION" in text or "RTICLE" in text),
             re.compile(r"(?:ections?|rticles?|lauses?|hapters?|aragraphs?|ECTION|RTICLE)[ ]\d").search),
    r"\b(?:[Ss]ections?|[Aa]rticles?|[Cc]lauses?|[Cc]hapters?|[Pp]aragraphs?|SECTION|ARTICLE)"
    r"[ ]\d{1,4}(?:\.\d{1,3})*(?:\([a-z0-9]\))*(?![\d%]|[.,]\d)", ends_expressions=True)
REGIONS["the name of an asteroid or comet (Asteroid 52768)"] = Region(   # a catalogue number, not 52,768 of anything
    _guarded(lambda text: "steroid" in text or "STEROID" in text or "omet" in text,
             re.compile(r"(?:steroids?|STEROID|omets?)[ ]\(?\d").search),
    r"\b(?:[Aa]steroids?|ASTEROID|[Cc]omets?)[ ]\(?\d+(?:[ ][A-Z]{1,2}\d*)?\)?(?![\w%])", ends_expressions=True)

#: After a hyphenated span: the figure it is the window of ("nine-month sales"), or "period" after
#: "the" ("the six-month period": the report's; "over a 5-year period" states a length).
_WINDOW_NOUN = compile_lazily(
    r"\s+(?:sales|revenue|revenues|turnover|profits?|loss|losses|results|earnings|figures|output"
    r"|interim|performance|operating|net|pre-?tax|production|deliveries|volumes?|(?P<period>periods?))\b",
    re.IGNORECASE)
_HYPHEN_SPAN = compile_lazily(r"-(?:month|week|year|quarter)\Z", re.IGNORECASE)
_THE_SPAN = compile_lazily(r"\bthe\s+(?:(?:first|last|same|whole|entire|full|latest)\s+)?\Z", re.IGNORECASE)


def window_adjective(text: str, quantity: Quantity) -> str | None:
    """"the six-month period", "Seven-month sales", "nine-month profit": the window a figure is counted
    over, written as an adjective (as ``period_length`` reads "the first nine months of"), no duration
    claimed; "a 10-month delay", "a five-year contract" and "over a 5-year period" state theirs."""
    if quantity.kind is not Kind.DURATION or not _HYPHEN_SPAN.search(quantity.text):
        return None
    noun = _WINDOW_NOUN.match(text, quantity.end)
    if noun is None or (noun["period"] and not _THE_SPAN.search(text, max(0, quantity.start - 16), quantity.start)):
        return None
    return "the length of a named period (the six-month period, nine-month sales)"


#: After "the N": a superlative, and N the size of a ranked group ("the five largest brands control 90 %").
_SUPERLATIVE_AFTER = compile_lazily(
    r"\s+(?:largest|biggest|smallest|highest|lowest|richest|poorest|best|worst|leading|most|least|fastest"
    r"|slowest|strongest|weakest|busiest|oldest|newest|deadliest|costliest|wealthiest)\b", re.IGNORECASE)


#: Before the number: the words that rank a group ("the top 10", "the last four elections"), or a rank that the
#: number moves to ("went from 31st to 14"). Not "the first": "valid for the first 1000 callers" states a number.
_RANKED_BEFORE = compile_lazily(r"\b[Tt]he[ ](?:top|last|past)[ ]\Z")
_FROM_RANK_BEFORE = compile_lazily(r"\bfrom[ ]\d+(?:st|nd|rd|th)[ ]to[ ]\Z")


def ranked_group(text: str, quantity: Quantity) -> str | None:
    """"the five largest brands", "the 10 biggest banks", "the top 10", "the last four elections": how many
    a ranking (by size or by time) takes, which names the group a figure is about, not a count a source
    states; "from 31st to 14" moves to a rank. A span ("the last four years") is ``period_length``'s."""
    if quantity.kind not in (Kind.NUMBER, Kind.COUNT) or quantity.qualifier is not Qualifier.EXACT:
        return None
    before = text[max(0, quantity.start - 5):quantity.start]   # most numbers: none of the words below, no regex
    reach = max(0, quantity.start - 16)
    if before.endswith(("top ", "last ", "past ")) and _RANKED_BEFORE.search(text, reach, quantity.start):
        return "the size of a ranked group (the top 10, the last four elections)"
    if not _bare(quantity):
        return None
    if before[-4:].lower() == "the " and _SUPERLATIVE_AFTER.match(text, quantity.end):
        return "the size of a ranked group (the five largest)"
    if before.endswith(" to ") and _FROM_RANK_BEFORE.search(text, reach, quantity.start):
        return "a rank (from 31st to 14)"
    return None


#: Measures stay read after "the two": "within the two miles around the campus" states a distance.
_MEASURE_UNITS = frozenset({*EN_PHYSICAL_UNITS.values(), "miles", "acres", "yards", "inches"})


def named_group(text: str, quantity: Quantity) -> str | None:
    """"between the two continents", "the two presidents before him", "the first of the two project phases":
    "the two" points back at a pair named elsewhere, as "both" does ("the two singers Blake Shelton and Gwen
    Stefani"), and counts nothing to check. Only "two": "the three people on the stage" was labelled a count
    (quantemp-dev-3), and digits ("of the 13 speeches that fetched $500,000") state one."""
    if quantity.kind not in (Kind.NUMBER, Kind.COUNT) or quantity.qualifier is not Qualifier.EXACT \
            or quantity.value != 2 or quantity.unit in _MEASURE_UNITS:
        return None
    if quantity.text.split(" ", 1)[0].lower() != "two" or text.startswith("-", quantity.end) \
            or not _THE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start):
        return None   # "the two-mile line": a measure written as an adjective
    return "a pair named before (the two companies)"


#: "of 82", "of the 12", "of Nokia's 12", "of Acme s 12" (the apostrophe lost): the group's count in digits.
_OF_A_NUMBER = compile_lazily(r"\s+of\s+(?:the\s+|[A-Z][\w&.-]*(?:'s|’s|[ ]s)\s+)?\d")


def one_of_many(text: str, quantity: Quantity) -> str | None:
    """"one of 82 organizations", "one of Nokia's 12 plants": the one is a member of the group counted after it,
    no number 1."""
    if quantity.text.lower() == "one" and _bare(quantity) and _OF_A_NUMBER.match(text, quantity.end):
        return "one member of a group counted after it (one of 82)"
    return None


#: German words no English sentence holds, lower-case as German writes them mid-sentence (a name
#: English borrows, "von der Leyen", holds two at most). Three of them in a sentence make it German.
_GERMAN_WORDS = compile_lazily(
    r"\b(?:und|nicht|habe|haben|hat|ist|sind|sei|wurde|wurden|wird|werden|eine|einer|einem|einen|mit|auf|f\u00fcr"
    r"|\u00fcber|bisher|etwa|nur|auch|sich|oder|nach|dass|noch|bei|seit|wie|kein|keine|der|das|dem|zum|zur)\b")
_GERMAN_NEEDED = 3
#: One of these stands in every German sentence of any length: a text with none is not searched.
_GERMAN_CLUE = re.compile(r" (?:und|der|die|das|ist|nicht|habe|hat|sei) ")
#: A German number writes its thousands with a dot (1.500) and its decimals with a comma: the English
#: grammar reads 1.500 as 1.5, a silent wrong value; the words around it are what tell.
GERMAN_REASON = "a number of a German sentence (1.500 is 1500 there; the English grammar would misread it)"
_SENTENCE_EDGE = compile_lazily(r"[.!?](?=\s)|\n")


@lru_cache(maxsize=4)
def _german_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` of each sentence of ``text`` written in German, found once per text
    (every number of an article asks; a text's hash is kept by the string, so asking again is cheap)."""
    if _GERMAN_CLUE.search(text) is None:
        return ()
    found = [(match.start(), match.group()) for match in _GERMAN_WORDS.finditer(text)]
    if len({word for _, word in found}) < _GERMAN_NEEDED:
        return ()
    edges = [0, *(match.end() for match in _SENTENCE_EDGE.finditer(text)), len(text)]
    words: dict[int, set[str]] = {}
    for start, word in found:
        words.setdefault(bisect_right(edges, start) - 1, set()).add(word)
    return tuple((edges[i], edges[i + 1]) for i, seen in sorted(words.items()) if len(seen) >= _GERMAN_NEEDED)


def german_sentence(text: str, quantity: Quantity) -> str | None:
    """A number in a sentence written in German, which an English text may quote: not read as English."""
    spans = _german_sentences(text)
    if spans and any(start <= quantity.start < end for start, end in spans):   # most texts: none, no generator
        return GERMAN_REASON
    return None


for _rule in (window_adjective, ranked_group, named_group, one_of_many, german_sentence):
    RULES[_rule.__name__] = _rule


# --- Korean regions and rules (issue 21, item 8: Korean dev misses) -----------------------------

REGIONS["a time of day (오후 2시 30분)"] = Region(           # the minutes of a clock time, not a duration
    re.compile(r"시(?:(?<=\d시)|(?<=\d 시))").search,
    r"\d(?<![\d.,:]\d)\d?[ ]?시[ ]?(?:\d{1,2}[ ]?분(?:[ ]?\d{1,2}[ ]?초)?|반)"
    r"|\d(?<![\d.,:]\d)\d?\.[0-5]\d[ ]?시(?!간)", ends_expressions=True)   # 오전 10.58시: a dot for the colon
REGIONS["a time of day after 오전 or 오후 (오전 10.33)"] = Region(   # a market report's clock, a dot for the colon
    re.compile(r"오[전후][ ]?\d").search, r"\d(?:(?<=오[전후] \d)|(?<=오[전후]\d))\d?[.:][0-5]\d(?![\d%]|[.,]\d)",
    ends_expressions=True)
REGIONS["a range of days (2월 12일부터 15일까지)"] = Region(   # days of a month, not a count of days
    re.compile(r"일[ ]?부터").search,
    r"\d(?<![\d.,]\d)(?:(?<=일부터\d)|(?<=일부터 \d)|(?<=일 부터 \d))\d?[ ]?일"       # … 15일: the last day
    r"|\d(?<![\d.,]\d)(?<!월\d)(?<!월 \d)\d?[ ]?일(?=[ ]?부터[ ]?\d{1,2}[ ]?일)",      # 12일부터 15일: the first
    ends_expressions=True)
REGIONS["an ordinal or a numbered article (제2의, 제7조, 제7804,288호)"] = Region(   # 제 makes a number a name
    re.compile(r"제[ ]?\d").search,
    r"제(?<![\uac00-\ud7a3]제)[ ]?\d[\d,]*(?:[조항호절장편권차회기관]|번째)?", ends_expressions=True)

#: Before a duration: the edge of the window a figure is counted over (첫 9개월); 지난 3년간 with a figure
#: in its clause is `period_spans`, alone it is what the clause asserts (지난 60년 동안 내보냈다).
_KO_WINDOW_EDGE = compile_lazily(r"첫[ ]?$")
#: After it: a figure counted over it (6개월간의 영업이익, 7개월 판매량), or "N년 전 같은 기간" (a year-ago period).
_KO_WINDOW_FIGURE = compile_lazily(
    r"(?:의)?[ ]?(?:영업이익|영업손실|순이익|순손실|세전이익|세전손실|매출액?|순매출액?|판매량|실적|수익|이익|손실)"
    r"|[ ]?전[ ]?(?:같은|동기|해당)")


def korean_window(text: str, quantity: Quantity) -> str | None:
    """첫 9개월 동안, 6개월간의 영업이익, 1년 전 같은 기간: the length of the period a figure is
    counted over (the Korean of "the first nine months"), not a duration the text claims.
    A duration stated as a fact (향후 4년간, 30년 수명) names no figure after it and stays."""
    if quantity.kind is not Kind.DURATION or quantity.qualifier is not Qualifier.EXACT:
        return None
    edge = quantity.unit != "days" and _KO_WINDOW_EDGE.search(text, max(0, quantity.start - 4), quantity.start)
    if edge or _KO_WINDOW_FIGURE.match(text, quantity.end):   # 지난 2일 is a date: "the 2nd", read as one
        return "the length of a named period (첫 9개월, 6개월간의 영업이익)"
    return None


#: After "1리터" of "1리터에 0.42크로온", "1주당 500원": the per-one of a rate, then its amount.
_KO_PER_ONE = compile_lazily(r"(?:에|당)[ ]?(?:약[ ]?)?\d")
#: After "10만 명" of "10만 명당 25명", "200개당 940만 유로": 당 makes any count the base of a rate
#: (에 does not: "3명에 1명꼴" and "100명에 달해" are no rates of a base).
_KO_PER_MANY = compile_lazily(r"당[ ]?(?:약[ ]?)?\d")


def korean_rate_denominator(text: str, quantity: Quantity) -> str | None:
    """1리터에 0.42크로온, 1주당 500원, 10만 명당 25명: the base of a rate ("per one", "per 100,000"),
    as "a day" is in "$2 a day": the amount after it is the figure."""
    if not text.startswith("당", quantity.end) and quantity.value != 1:
        return None   # most quantities: one look at the character after them
    if quantity.kind not in (Kind.COUNT, Kind.DURATION) or not _HANGUL.search(quantity.text):
        return None
    per = _KO_PER_ONE if quantity.value == 1 else _KO_PER_MANY
    return "the unit of a rate (1리터에 …, 10만 명당 …)" if per.match(text, quantity.end) else None


_KO_PERSON_BEFORE = compile_lazily(r"[\uac00-\ud7a3A-Za-z]\($")
_KO_PERSON_MARK_BEFORE = compile_lazily(r"(?:씨|모)\($")
_KO_PERSON_AFTER = compile_lazily(r"\)[ ]?(?:%s)" % "|".join(sorted(KO_NAME_TITLES, key=len, reverse=True)))


def korean_age_in_parentheses(text: str, quantity: Quantity) -> str | None:
    """김모(42)씨, A씨(29)는, 홍길동(35) 대표: a person's age, as Korean news writes it after the name."""
    if not _bare(quantity) or quantity.value is None or not 0 < quantity.value < 120 or "." in quantity.text:
        return None
    before = text[max(0, quantity.start - 3):quantity.start]
    if "(" not in before or not _KO_PERSON_BEFORE.search(before):   # most numbers: no bracket before them
        return None
    if _KO_PERSON_MARK_BEFORE.search(before) or _KO_PERSON_AFTER.match(text, quantity.end):
        return "an age (이름(35) 씨)"
    return None


RULES["korean_window"] = korean_window
RULES["korean_rate_denominator"] = korean_rate_denominator
RULES["korean_age_in_parentheses"] = korean_age_in_parentheses


# --- Korean idioms, groups and moments (issue 21, item 8) ------------------------------------

#: Words before 한 (one) that make it an idiom: 다시 한번 (once again), 동료 중 한 명 (one of them),
#: 다른 한 명 (another of them: one of a group the text counted, no count of its own).
KO_ONE_IDIOM_BEFORE: tuple[str, ...] = ("다시", "또", "중", "가운데", "다른")
#: What follows 한 in an idiom: 한 곳에(서) (all in one place), 한 번도 (never), 한 번에 (at once).
KO_ONE_IDIOM_AFTER: tuple[str, ...] = ("곳에서", "곳에", "번도", "번에")
_KO_ONE_BEFORE = compile_lazily(r"(?:%s)[ ]$" % "|".join(KO_ONE_IDIOM_BEFORE))
_KO_ONE_AFTER = compile_lazily(r"한[ ]?(?:%s)" % "|".join(KO_ONE_IDIOM_AFTER))


def korean_idiomatic_one(text: str, quantity: Quantity) -> str | None:
    """다시 한번, 회사 중 한 곳, 다른 한 명, 한 곳에 집중: 한 (one) in an idiom, which counts nothing a figure could."""
    if quantity.value != 1 or not quantity.text.startswith("한"):
        return None
    if _KO_ONE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start) or _KO_ONE_AFTER.match(
            text, quantity.start):
        return "an idiom with 한 (다시 한번, 중 한 명, 다른 한 명, 한 곳에)"
    return None


#: Words after "N0대" that make it an age group or the decade of a figure (30대 여성, 30대 후반),
#: not N0 units of something.
KO_AGE_GROUP_WORDS: tuple[str, ...] = (
    "초반", "중반", "후반", "남성", "여성", "남자", "여자", "남녀", "부부", "청년", "직장인", "가구주",
    "연령층", "인구", "소비자", "근로자", "취업자", "구직자", "자영업자", "세대",
)
_KO_AGE_GROUP = compile_lazily(r"[ ]?(?:%s)" % "|".join(KO_AGE_GROUP_WORDS))
#: "50대 50 합작법인": N대 M is the split N to M, not N units (M a bare number, no unit glued to it).
_KO_SPLIT = compile_lazily(r"[ ]?\d{1,3}(?![\d.,%]|[\uac00-\ud7a3])")


def korean_age_group(text: str, quantity: Quantity) -> str | None:
    """20대 여성, 30대 후반, 50대 50: an age group, the decade of a figure or a split, not N units."""
    if quantity.unit != "units" or not quantity.text.endswith("대") or quantity.value is None:
        return None
    if _KO_SPLIT.match(text, quantity.end):
        return "a split (50대 50)"
    if quantity.value % 10 == 0 and 10 <= quantity.value <= 90 and _KO_AGE_GROUP.match(text, quantity.end):
        return "an age group or a figure's decade (20대 여성, 30대 후반)"
    return None


#: After a duration, "전" with no word of its own: 1년 전, 3주 전에, 2년 전보다 (as "a year ago").
#: Not 10년 전부터: "since ten years ago" states the span up to now, a duration.
_KO_AGO = compile_lazily(r"[ ]?전(?:에는|에도|에|보다는|보다|의|과|까지|인|처럼)?(?![\uac00-\ud7a3])")


def korean_time_ago(text: str, quantity: Quantity) -> str | None:
    """1년 전, 3주 전에: how far back a moment lies, which names when a figure holds, as "a year ago"
    does in English; no duration the text claims."""
    if quantity.kind is not Kind.DURATION or quantity.qualifier is not Qualifier.EXACT:
        return None
    return "a moment in the past (1년 전)" if _KO_AGO.match(text, quantity.end) else None


#: Products Korean news names in Hangul with a model number after them (아이폰 15, 갤럭시 24).
KO_PRODUCT_NAMES: tuple[str, ...] = (
    "아이폰", "아이패드", "애플워치", "맥북", "갤럭시", "윈도", "윈도우", "플레이스테이션", "엑스박스", "픽셀",
    "라마", "제미나이", "클로드", "노키아", "모토로라",   # 노키아 2610: a handset's model number
)
_KO_PRODUCT_BEFORE = compile_lazily(r"(?<![\uac00-\ud7a3])(?:%s)[ ]?$" % "|".join(KO_PRODUCT_NAMES))
#: Their last syllables, looked at before the regex is tried.
_KO_PRODUCT_LAST = frozenset(name[-1] for name in KO_PRODUCT_NAMES)
#: Units of the nouns counted with no counter (250여 고객): "시티24 이용자" is a service's users, not 24.
_COUNTED_NOUN_UNITS = frozenset(KO_COUNTED_NOUNS.values())


#: After a bare number that follows a Hangul word: a noun a name numbers (이노바 2 프로젝트, 보다폰 225 모델), a
#: particle at most glued to it. A count would take a counter (프로젝트 3개, 3개 모델), not stand bare before it.
_KO_NAMED_THING_AFTER = compile_lazily(
    r"[ ](?:프로젝트|모델|시리즈|에디션|버전)(?:[의은는이가을를에도와과]|에서)?(?![\uac00-\ud7a3])")


def korean_product_name(text: str, quantity: Quantity) -> str | None:
    """아이폰 15, 갤럭시 24, 시티24: the number of a product or service named in Hangul, not a quantity.

    Digits glued to the Hangul before them end a name (시티24 이용자들), as Latin ones do (iPhone15).
    """
    if not (_bare(quantity) or quantity.unit in _COUNTED_NOUN_UNITS) or not quantity.value \
            or not quantity.text[:1].isdigit():
        return None
    before = text[max(0, quantity.start - 2):quantity.start]
    if not before or not (is_hangul(before[-1]) or (before[-1] == " " and is_hangul(before[0]))):
        return None   # no Hangul word right before (English text): nothing to look up
    if is_hangul(before[-1]):   # glued: 시티24, not 1000 and over (a name's digits are few)
        return "part of a product or model name (아이폰 15, 시티24)" if quantity.value < 1000 else None
    if before[0] in _KO_PRODUCT_LAST and _KO_PRODUCT_BEFORE.search(text, max(0, quantity.start - 8), quantity.start):
        return "part of a product or model name (아이폰 15, 시티24)"   # any model number: 노키아 2610
    if _bare(quantity) and text.startswith(" ", quantity.end) and _KO_NAMED_THING_AFTER.match(text, quantity.end):
        return "part of a product or model name (아이폰 15, 시티24)"   # 이노바 2 프로젝트: Korean counts with a counter
    return None


#: "가장 많이 거래되는 40개 종목", "그 중 가장 큰 두 곳": a superlative and the words it ranks by, each a
#: Hangul word, the last an adnominal (a syllable ending in ㄴ: 큰, 높은, 거래되는), right before the count.
_KO_SUPERLATIVE_BEFORE = compile_lazily(r"(?:가장|제일)[ ](?P<words>[\uac00-\ud7a3]+(?:[ ][\uac00-\ud7a3]+){0,2})[ ]$")
#: Words that rank the count itself, not the group's members: "가장 많은 300명이 참가했다" is 300 people.
_KO_RANKING_THE_COUNT = frozenset({"많은", "적은"})
#: Units of the members a ranking takes or an index is named by (a bare number, 개, 곳, 명, 개사 …),
#: not of amounts or measures ("가장 긴 5km 구간" is a length).
_RANKED_MEMBERS = frozenset({None, "items", "places", "people", "companies", "countries", "units", "ships", "stores",
                             "customers", "houses", "households"})
#: Where the 종성 ㄴ of a Hangul syllable sits: (code point - 가) % 28.
_FINAL_NIEUN = 4


def korean_group_size(text: str, quantity: Quantity) -> str | None:
    """How many a name or a ranking puts in a group, not a count a source states: 가장 많이 거래되는 40개
    종목, 가장 큰 두 곳 (the Korean of "the five largest"), OMX 노르딕 40 지수, 코스피 200 지수 (an index
    named by its member count). Not "가장 많은 300명" (the count is what is ranked), no amount or measure."""
    if quantity.unit not in _RANKED_MEMBERS:
        return None   # most quantities: an amount, a rate or a measure
    if text.startswith(("지수", " 지수"), quantity.end):
        return _index_name(text, quantity)
    # Only the window the search below reads: a look at the whole text for every quantity made reading
    # a long article quadratic (a 5.9 MB article: minutes).
    before = text[max(0, quantity.start - 24):quantity.start]
    if "가장" not in before and "제일" not in before:
        return None   # most quantities: no superlative right before them
    if quantity.qualifier is not Qualifier.EXACT or quantity.value is None or quantity.value >= 1000 \
            or quantity.value != int(quantity.value):
        return None
    ranked = _KO_SUPERLATIVE_BEFORE.search(before)
    if ranked is None or ranked["words"] in _KO_RANKING_THE_COUNT:
        return None
    last = ranked["words"][-1]
    if (ord(last) - 0xAC00) % 28 != _FINAL_NIEUN:
        return None   # "가장 먼저 3명이": an adverb, no adnominal naming what the members are ranked by
    return "the size of a ranked group (가장 큰 두 곳)"


def _index_name(text: str, quantity: Quantity) -> str | None:
    """The reason of a bare number right before 지수 (the caller's test), which names the index (코스피 200 지수,
    OMX 노르딕 40 지수); not "2020=100 지수" (its base)."""
    if not _bare(quantity) or "=" in text[max(0, quantity.start - 2):quantity.start]:
        return None
    return "part of an index's name (코스피 200 지수)"


#: After "1가구": the homes of a rule named by numbers ("1가구 1주택", "1가구 2주택자", "1가구 다주택"), no count.
#: ("1인 1표" needs nothing: a number glued to 표 is refused as part of a word already.)
_KO_RULE_NAME_AFTER = compile_lazily(r"[ ]?(?:[1-9]|다)[ ]?주택")
#: Words around "N세대" that make it households: after it (1,000세대 아파트, 3세대가 거주) or before it (아파트 500세대).
_KO_HOUSEHOLD_AFTER = compile_lazily(
    r"(?:[가이를은는의]|에|로)?[ ]?(?:거주|입주|아파트|주택|단지|분양|공급|임대|규모|이주|주민|오피스텔|빌라)")
_KO_HOUSEHOLD_BEFORE = compile_lazily(r"(?:아파트|단지|주택|오피스텔|빌라|분양|임대|입주)[^.!?\n]{0,8}$")
#: From this many on, "N세대" counts households: no product or family has twenty generations.
_GENERATIONS_AT_MOST = 20
_HOUSEHOLD_REACH = 14


def korean_households(text: str, quantity: Quantity) -> str | None:
    """Households that are none: "1가구 1주택", the name of a rule ("one household, one home"; "1가구당
    1주택" is a rate, 당 makes it one), and "3세대 제품", a generation of a product or a family: "N세대"
    counts households only where housing is named around it (1,000세대 아파트, 3세대가 거주, 아파트 500세대)."""
    if quantity.unit != "households" or quantity.value is None:
        return None
    if quantity.value == 1 and quantity.text.endswith("가구") and _KO_RULE_NAME_AFTER.match(text, quantity.end):
        return "the name of a rule (1가구 1주택)"
    if not quantity.text.endswith("세대") or quantity.value >= _GENERATIONS_AT_MOST or _KO_HOUSEHOLD_AFTER.match(text, quantity.end) \
            or _KO_HOUSEHOLD_BEFORE.search(text, max(0, quantity.start - _HOUSEHOLD_REACH), quantity.start):
        return None
    return "a generation (3세대 제품), not households"


#: "24시간 7일", "24시간 365일": around the clock, every day (the Korean of "24/7"), neither part a span claimed.
_KO_AROUND_THE_CLOCK = compile_lazily(r"24[ ]?시간[ ](?:7|365)[ ]?일")
#: The characters "24시간 " stands before the second part of ``_KO_AROUND_THE_CLOCK`` at most.
_CLOCK_REACH = 6
#: After a span: the name of a schedule or system it defines (주 5일 근무제, 52시간제, 5일 근무 제도를), then a
#: particle or no Hangul. "5일 근무했다" states a span; "5일 근무제를 도입했다" names a rule.
_KO_SCHEDULE_AFTER = compile_lazily(r"[ ]?(?:(?:근무|교대|운영|영업|수업|등교)[ ]?)?제(?:도)?"
                                    r"(?:[을를은는이가의와과도]|에서|에|로)?(?![\uac00-\ud7a3])")


#: After "N일": a moving average it names (50일 이동평균, 200일선을, 20일 이평선, 50일 MAP), a chart's line.
_KO_MOVING_AVERAGE_AFTER = compile_lazily(
    r"[ ]?(?:이동[ ]?평균|이평)|선(?:[을를은는이가의에와과도]|에서)?(?![\uac00-\ud7a3])|[ ]?MAP?(?![A-Za-z])")


def korean_named_span(text: str, quantity: Quantity) -> str | None:
    """A span of days or hours that names something rather than lasting: a schedule ("주 5일 근무제", "주
    52시간제"), the idiom "around the clock" ("24시간 7일 운영") or a moving average ("50일 이동평균", "200일선",
    the Korean of "the 50-day moving average"). Drafted as 7 days or 52 hours they would be checked as lengths
    of time nobody stated."""
    if quantity.kind is not Kind.DURATION or quantity.unit not in ("days", "hours"):
        return None
    if _KO_SCHEDULE_AFTER.match(text, quantity.end):
        return "the name of a schedule (주 5일 근무제, 52시간제)"
    clock = _KO_AROUND_THE_CLOCK.search(text, max(0, quantity.start - _CLOCK_REACH), quantity.end + _CLOCK_REACH)
    if clock is not None and clock.start() <= quantity.start < clock.end():
        return "around the clock (24시간 7일, 24시간 365일)"
    if quantity.unit == "days" and quantity.qualifier is Qualifier.EXACT and _KO_MOVING_AVERAGE_AFTER.match(
            text, quantity.end):
        return "the name of a moving average (50일 이동평균, 200일선)"
    return None


#: After a bare number: a subunit of money the Korean grammar does not read (70.3펜스, 30센트), as in English,
#: or finance's "mm" (million) before a currency word (5mm 유로), which it reads as millimetres nowhere else.
_KO_SUBUNIT_AFTER = compile_lazily(r"[ ]?(?:센트|펜스|페니)")
_KO_CURRENCY_AFTER = compile_lazily(r"[ ]?(?:%s)" % "|".join(sorted(KO_CURRENCY_WORDS, key=len, reverse=True)))
_KO_MM_MONEY_AFTER = compile_lazily(r"[ ]?mm[ ]?(?:%s)" % "|".join(sorted(KO_CURRENCY_WORDS, key=len, reverse=True)))


def korean_subunit(text: str, quantity: Quantity) -> str | None:
    """"70.3펜스로", "5mm 유로": pence, or money whose scale is written "mm": read as the bare 70.3 or 5, either
    would be checked as that many of the series' own unit."""
    if quantity.unit == "millimetres" and _KO_CURRENCY_AFTER.match(text, quantity.end):
        return "an amount scaled with mm (5mm 유로), which is not read"   # millimetres read alone, "5mm"
    if not _bare(quantity):
        return None
    if _KO_SUBUNIT_AFTER.match(text, quantity.end):
        return "an amount in cents or pence, which is not read (34 cents is no 34)"
    if text.startswith(("mm", " mm"), quantity.end) and _KO_MM_MONEY_AFTER.match(text, quantity.end):
        return "an amount scaled with mm (5mm 유로), which is not read"
    return None


#: After "N장": the section of a law or a document it numbers (14장 21절, 3장 2조): a chapter, no sheets.
_KO_CHAPTER_AFTER = compile_lazily(r"[ ]?\d{1,3}[ ]?(?:절|조|항)")


def korean_chapter(text: str, quantity: Quantity) -> str | None:
    """"회사법 14장 21절": a chapter number, not 14 sheets (장 counts sheets and names chapters)."""
    if quantity.unit != "sheets" or not _KO_CHAPTER_AFTER.match(text, quantity.end):
        return None
    return "a chapter number (14장 21절)"


#: After a duration: the adnominal 된 ("has become"), which makes it the age of what follows (25년 이상 된 선박,
#: 10년 된 차, 생후 6개월 된 아기); not 된다 or 됐다, which state the span itself ("5년이 됐다").
_KO_AGED_AFTER = compile_lazily(r"[ ]?된(?![\uac00-\ud7a3])")


def korean_thing_age(text: str, quantity: Quantity) -> str | None:
    """"선박의 50%가 25년 이상 된 것", "10년 된 차": the age of a thing, which names the group a figure is about
    (as "aged over 55" does, and "over 25 years old" in English): no span the text claims."""
    if quantity.kind is not Kind.DURATION or not text.startswith(("된", " 된"), quantity.end):
        return None
    return "the age of a thing (25년 이상 된 선박)" if _KO_AGED_AFTER.match(text, quantity.end) else None


_KO_CURRENCY_ALTERNATION = "|".join(sorted(KO_CURRENCY_WORDS, key=len, reverse=True))
#: A currency word standing as a word of its own right before an amount ("유로 12.49달러"), not the unit of an amount
#: before it ("9억 유로 13억 달러" is two amounts).
_KO_CURRENCY_WORD_BEFORE = compile_lazily(
    r"(?<![\w])(?<![\d만억조천백mnMN][ ])(?P<word>%s)화?[ ]?$" % _KO_CURRENCY_ALTERNATION)
#: A currency word right after an amount, ending its word (a particle or a copula at most): "EUR 5달러였다", not
#: "5 원자재" (원 opening another word), nor before digits ("LVL 99,000 유로 139,538.17": it opens the next amount).
_KO_CURRENCY_WORD_AFTER = compile_lazily(
    r"[ ]?(?P<word>%s)화?(?:(?:[은는이가을를의에도로과와]|으로|에서)(?![\uac00-\ud7a3])|였|이었|이다|이며|이고"
    r"|(?![\uac00-\ud7a3]|[ ]?\d))" % _KO_CURRENCY_ALTERNATION)
#: The characters before an amount looked at for a currency word ("미국 달러 " at most).
_CURRENCY_WORD_REACH = 8


def korean_two_currencies(text: str, quantity: Quantity) -> str | None:
    """"유로 12.49달러", "EUR 5달러였다": one amount written with two different currencies, one on each side. Read,
    it took whichever the grammar met first, a guess; as "EUR 1,000만 유로" shows, a currency written on both sides
    is one currency, so two different ones are an error in the text."""
    if quantity.kind is not Kind.MONEY or quantity.unit is None or quantity.high is not None:
        return None
    before = _KO_CURRENCY_WORD_BEFORE.search(text, max(0, quantity.start - _CURRENCY_WORD_REACH), quantity.start)
    after = _KO_CURRENCY_WORD_AFTER.match(text, quantity.end)
    other = [KO_CURRENCY_WORDS[match["word"]] for match in (before, after) if match is not None]
    return "one amount written with two currencies (유로 12.49달러)" if any(u != quantity.unit for u in other) else None


_KOREAN_WORD_RULES: tuple[Rule, ...] = (korean_idiomatic_one, korean_age_group, korean_time_ago, korean_product_name,
                                        korean_group_size, korean_households, korean_named_span, korean_chapter,
                                        korean_subunit, korean_thing_age, korean_two_currencies)


def korean_words(text: str, quantity: Quantity) -> str | None:
    """The rules above, run only where Hangul ends the expression or stands right before it: each
    needs one there, and one look here spares English text four calls a quantity."""
    before = text[max(0, quantity.start - 2):quantity.start]
    if not (is_hangul(quantity.text[-1:]) or is_hangul(before[-1:]) or is_hangul(before[:1])):
        return None
    return next((reason for rule in _KOREAN_WORD_RULES if (reason := rule(text, quantity)) is not None), None)


RULES["korean_words"] = korean_words

#: Before "07년" of "2006~07년": the span's first year and its tilde.
_KO_SPAN_FIRST_YEAR = compile_lazily(r"(?<![\d.,])(?:19|20)\d\d~$")


def korean_year_span(text: str, quantity: Quantity) -> str | None:
    """"2006~07년 겨울": the second year of a span of years (a season, a fiscal year), not 7 years."""
    if quantity.kind is not Kind.DURATION or quantity.unit != "years" or len(quantity.text) != 3 \
            or not quantity.text[:2].isdecimal():
        return None
    before = text[max(0, quantity.start - 6):quantity.start]
    return "the second year of a span of years (2006~07년)" if _KO_SPAN_FIRST_YEAR.search(before) else None


RULES["korean_year_span"] = korean_year_span

REGIONS["a release's page count (발표 1 ( 1))"] = Region(   # page 1 of 1 after a Korean release header's word
    re.compile(r"\((?<=[1-9] \()[ ]?[1-9][ ]?\)").search,
    r"[1-9](?<=발표 [1-9]|공시 [1-9]|공고 [1-9]|보도 [1-9])[ ]\([ ]?[1-9][ ]?\)", ends_expressions=True)


def speed_unit(text: str, quantity: Quantity) -> str | None:
    """"설계 속도 900m", "a speed of 900m": a number whose glued "m" is a speed's unit (metres a minute or
    a second), which no grammar here reads; drafted as a bare 900 it would be checked as 900 of nothing."""
    if not text.startswith(("m", " m"), quantity.end) or not _bare(quantity):
        return None   # most numbers: one look at the characters after them ("900m", "900 m-min")
    return "a speed written with a unit not read (속도 900m)" if not_a_million(text, quantity.end) else None


RULES["speed_unit"] = speed_unit


# --- English: the third dev draw (issue 21, item 8) ---------------------------------------------------------

REGIONS["the second year of a span of years (2023/24)"] = Region(   # an academic or fiscal year, not the ratio 2023/24
    _guarded(SLASH_AFTER_DIGIT, re.compile(r"/(?<=\d\d\d\d/)\d\d").search),
    r"\d(?<=(?:19|20)\d\d/\d)(?<![\d.,/](?:19|20)\d\d/\d)(?:\d|(?<=/1)9\d\d|(?<=/2)0\d\d)(?![\d%/]|[.,]\d)", ends_expressions=True)
REGIONS["a version number (2022.1.13.2)"] = Region(   # a release's name, not 2022.1 and 13.2
    DOTTED_RUN, r"\d(?<![\w.]\d)\d*(?:\.\d{1,3}){3,}(?![\w]|\.\d)",   # short groups: DOTTED_RUN holds
    ends_expressions=True)
REGIONS["a release's page count (AT 09.30 1 ( 1 ))"] = Region(   # page 1 of 1 after a release header's date or time
    re.compile(r"\((?<=[1-9] \()[ ]?[1-9][ ]?\)").search,
    r"[1-9](?<=\d\d\d\d [1-9]|\d[.:]\d\d [1-9])[ ]\([ ]?[1-9][ ]?\)", ends_expressions=True)
REGIONS["the day and month of a date written with dots (26.03.2010)"] = Region(   # Nordic releases: not 26.03
    re.compile(r"\.(?<=\d\.)\d\d?\.(?:19|20)\d\d").search,                     # the year after it stays a date
    r"(?<![\w.,])(?:0?[1-9]|[12]\d|3[01])(?:[-–](?:0?[1-9]|[12]\d|3[01]))?\.(?:0?[1-9]|1[0-2])\."
    r"(?=(?:19|20)\d\d(?![\d,%]|\.\d))", ends_expressions=True)
REGIONS["a time of day after klo (klo 09.00)"] = Region(   # Finnish kello, "o'clock", in a release header
    re.compile("klo ").search,
    r"\b[Kk]lo[ ](?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.,])", ends_expressions=True)
REGIONS["a week of the year (week 17 of 2006)"] = Region(   # a date, not 17 of anything
    re.compile("eek ").search,   # a literal: the engine searches it as fast as `in`, with no Python frame
    r"\b[Ww]eek[ ](?:[1-9]|[1-4]\d|5[0-3])(?=[ ]of[ ](?:19|20)\d\d|[ ]?[,.;:)]|$|[ ](?:to|and|through)\b)",
    ends_expressions=True)


def glued_amount(text: str, quantity: Quantity) -> str | None:
    """"$5mmm", "EUR5abc": an amount whose digits run on into letters no scale word reads; $5 would be a
    silent wrong value (five million, maybe), so none is read. "$5m", "$5bn" and "$5k" end in their scale."""
    if quantity.kind is not Kind.MONEY or not quantity.text[-1:].isdigit():
        return None
    after = text[quantity.end:quantity.end + 1]
    return "an amount glued to letters no scale reads ($5mmm)" if after.isascii() and after.isalpha() else None


#: After "at least one": the dose that defines who is counted ("adults who have had at least one COVID-19
#: vaccine shot"), a word or two between.
_DOSE_AFTER = compile_lazily(r"(?:[ ][\w-]+){0,2}[ ](?:doses?|shots?|jabs?|vaccinations?)\b", re.IGNORECASE)
#: Around a bare number: "all three of them", "all 50 of us": a pronoun for a group named before.
_ALL_BEFORE = compile_lazily(r"\b[Aa]ll[ ]\Z")
_OF_PRONOUN = compile_lazily(r"[ ]of[ ](?:them|us|you|these|those)\b", re.IGNORECASE)


def group_reference(text: str, quantity: Quantity) -> str | None:
    """"all three of them" refers to a group the text has counted already; "at least one vaccine shot" names
    who is counted (the vaccinated), not how many shots: neither is a figure of its own."""
    if quantity.kind is not Kind.NUMBER or quantity.unit is not None:
        return None
    if quantity.qualifier is Qualifier.AT_LEAST and quantity.value == 1 and _DOSE_AFTER.match(text, quantity.end):
        return "the dose that defines a group (at least one shot)"
    if quantity.qualifier is Qualifier.EXACT and _OF_PRONOUN.match(text, quantity.end) \
            and _ALL_BEFORE.search(text, max(0, quantity.start - 4), quantity.start):
        return "a reference to a group counted before (all three of them)"
    return None


def misread_amount(text: str, quantity: Quantity) -> str | None:
    """``glued_amount`` for money, ``group_reference`` for bare numbers: one rule a quantity, not two, since
    every kept quantity passes through every rule."""
    if quantity.kind is Kind.MONEY:
        return glued_amount(text, quantity)
    return group_reference(text, quantity) if quantity.kind is Kind.NUMBER else None


RULES["misread_amount"] = misread_amount


# --- Coordinated numbers (issue 21) ------------------------------------------------------------

#: A number with no scale word: digits alone, after a currency sign or not ($5, 10, 2.5).
_UNSCALED = compile_lazily(r"(?:[$€£¥₩]|US\$)?[ ]?\d[\d,.]*")


def shared_scale(text: str, quantity: Quantity) -> str | None:
    """"$5 and $6 billion", "10 and 20 million people": the first number may share the second's scale word
    (five billion) or not (five dollars); either reading is a guess, so none is made.

    A range ("$5 to $6 billion") lends its scale (``assemble.join_range``): its ends are ordered and the bare
    end is held to the other's size; two figures joined by "and" may differ by any factor. A year is never
    refused ("in 2021 and 5 million in 2022"): it dates the figures around it.
    """
    if not text.startswith((" and ", " or "), quantity.end) or quantity.qualifier is not Qualifier.EXACT:
        return None   # most numbers: no "and"/"or" after them
    if not _UNSCALED.fullmatch(quantity.text) or _YEAR_ONLY.fullmatch(quantity.text):
        return None
    if not scale_of_next(text, quantity.end):
        return None
    return "a number that may share the scale word of the next one ($5 and $6 billion)"


_YEAR_ONLY = compile_lazily(r"(?:19|20)\d\d")


# --- Scale words written once for two figures (issue 21) ----------------------------------------

#: A scale word (abbreviated or not) as a figure's last word.
_SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bln|bn|m)\b"
#: After a figure with no scale word: another figure, bracketed or not, then a scale word ("EUR 105.8 ( 83.4 )
#: million", "EUR 2,686.2 1,259.7 million"): the scale is the second figure's, and maybe the first's. The second
#: figure is at most :data:`_OTHER_FIGURE_REACH` characters long: unbounded, each figure of a long run of them
#: ("1 1 1 ...") read the rest of the run for a scale word, a time quadratic in the run.
_OTHER_FIGURE_REACH = 40
_OTHER_THEN_SCALE = compile_lazily(r"[ ](?:\d[\d ,.]{0,%d}?|\([^()\d]{0,24}\d[\d ,.]{0,%d}?[ ]?\))[ ]?%s"
                                   % (_OTHER_FIGURE_REACH, _OTHER_FIGURE_REACH, _SCALE), re.IGNORECASE)
#: A bracketed figure right before a scale word: "( 83.4 ) million" after "EUR 105.8".
_BRACKETED_BEFORE_SCALE = compile_lazily(r"[ ]?\)[ ]?%s" % _SCALE, re.IGNORECASE)
_OPEN_BRACKET = compile_lazily(r"\([ ]?\Z")
_SCALE_REASON = "a figure whose scale word stands after another figure (EUR 105.8 ( 83.4 ) million)"


def scale_after_other(text: str, quantity: Quantity) -> str | None:
    """"EUR 105.8 ( 83.4 ) million", "NOK 15 ( EUR 1.8 ) million": the figure and its bracketed comparison or
    conversion share the scale word written after both. Read alone, EUR 105.8 and 83.4 are a millionth of what the text says; neither is read.
    Asked by ``written_elsewhere`` only where a figure or a bracket follows.
    """
    if not quantity.text[-1:].isdigit() or _YEAR_ONLY.fullmatch(quantity.text):
        return None   # "In 2021 5 million people voted": the year dates the figure after it
    if not _HEDGED_UNSCALED.fullmatch(quantity.text):
        return None
    if _OTHER_THEN_SCALE.match(text, quantity.end):
        return _SCALE_REASON
    if _BRACKETED_BEFORE_SCALE.match(text, quantity.end) and _OPEN_BRACKET.search(text, max(0, quantity.start - 2),
                                                                                   quantity.start):
        return _SCALE_REASON
    return None


#: An amount in a currency code or sign with no scale word: EUR 23.2, EUR1 .13, $ 395,000.
_CODE_UNSCALED = compile_lazily(r"(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₩])[ ]?\d[\d ,.]*")
#: A figure with no scale word, after hedge words or not ("approximately EUR 8.7", "83.4").
_HEDGED_UNSCALED = compile_lazily(r"(?:[A-Za-z.]+[ ]){0,3}(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₩])?[ ]?[-−]?\d[\d ,.]*")
#: Words before an amount compared with an earlier one of its clause ("rose to EUR 103.4 mn from EUR 23.2").
_COMPARED_WITH = compile_lazily(r"\b(?:from|versus|vs\.?|compared\s+(?:with|to)|against)\s+\Z", re.IGNORECASE)
#: How many times larger the earlier amount is when the later one lacks its scale word: as ranges (``_ENDS_APART``).
_SCALE_APART = 1000
UNSCALED_REASON = "an amount compared with a scaled one and written without its scale (EUR 103.4 mn from EUR 23.2)"


def may_compare(text: str) -> bool:
    """Whether ``text`` holds a word that compares a figure with another ("from", "versus", "compared with",
    "against", "vs") right before digits (after a currency or two short words: "from more than 500 ships"),
    which spares most texts the look at each of their figures."""
    for word in _COMPARING_WORDS:
        at = text.find(word)
        while at >= 0:   # a find is a scan in C; the regex, anchored where the word ends, reads only what follows
            if _COMPARED_FIGURE.match(text, at + len(word)):
                return True
            at = text.find(word, at + 1)
    return False


_COMPARING_WORDS = ("from", "versus", "compared", "against", "vs")
#: After a comparing word: white space (or "with"/"to" after "compared", a dot after "vs"), up to two short words
#: ("more than") and a currency, then digits.
_COMPARED_FIGURE = compile_lazily(r"(?:\s+(?:with|to))?\.?\s+(?:[a-z]{1,5}\s+){0,2}(?:[A-Z]{1,3}\s?|[$€£¥₩]\s?)?\d")


def unscaled_comparisons(text: str, quantities: list[Quantity]) -> set[int]:
    """(Asked only of a text that ``may_compare``.) The indexes of amounts written without the scale word of the amount they are compared with: "rose to
    EUR 103.4 mn from EUR 23.2" means EUR 23.2 mn, or the writer dropped a digit; EUR 23.2 is neither read.

    Only when the earlier amount of the clause, in the same currency, is at least a thousand times larger:
    "to EUR 2.1 m from EUR 995,000" writes the second amount whole.
    """
    refused = set()
    for index, quantity in enumerate(quantities):
        if quantity.kind is not Kind.MONEY or quantity.value is None or not _CODE_UNSCALED.fullmatch(quantity.text):
            continue
        if not _COMPARED_WITH.search(text, max(0, quantity.start - 16), quantity.start):
            continue
        earlier = next((other for other in reversed(quantities[:index]) if other.kind is not Kind.DATE), None)
        if (earlier is not None and earlier.kind is Kind.MONEY and earlier.unit == quantity.unit
                and earlier.value is not None and earlier.value >= _SCALE_APART * abs(quantity.value) > 0
                and quantity.start - earlier.end < 120 and not re.search(r"[.;!?]\s", text[earlier.end:quantity.start])):
            refused.add(index)
    return refused


# --- Subunits of money (issue 21) ---------------------------------------------------------------

#: A subunit word right after a number: "34 cents", "45¢", "one penny", "197 pence". Not "p", which is as often
#: points ("1.13p 내린", "fell 5p") as pence.
#: "34 cents", "197 pence", "73¢", and "99p" glued (British prices; "1080p" is no amount either).
_SUBUNIT_AFTER = compile_lazily(r"[ -]?(?:cents?|pence|pennies|penny)\b|¢|p\b(?![.'’-]?\w)", re.IGNORECASE)


def subunit_amount(text: str, quantity: Quantity) -> str | None:
    """"down 34 cents", "197 pence": an amount in a subunit the grammar does not read (issue 24).
    Read as the bare number, 34 would be checked as 34 of the series' own unit, a hundred times the price."""
    if quantity.unit is not None or not _SUBUNIT_AFTER.match(text, quantity.end):
        return None
    return "an amount in cents or pence, which is not read (34 cents is no 34)"


# --- Years after a preposition that is also a bound (issue 21) ------------------------------------

#: "below 2007 property taxes", "under its 2003 option plan": a bound word, a year, then a noun the year dates.
_BOUND_YEAR = compile_lazily(r"(?:under|below|above)\s+(?:19|20)\d\d", re.IGNORECASE)
_DATED_NOUN_AFTER = compile_lazily(
    r"[ ](?!(?:of|in|for|to|and|or|a|an|the|per|from|at|on|by|than|with|as|is|was|were|are|people|more|less)\b)"
    r"[a-z][a-z-]+\b")


#: What a year opens with, or the words of a hedged one ("at least 2020", "below 2007").
_YEAR_OPENINGS = ("19", "20", *"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: A hedged year after a word of time: "until at least 2020", "by about 2030".
_HEDGED_YEAR = compile_lazily(r"(?:[A-Za-z]+[ ]){1,2}(?:19|20)\d\d")
_TIME_BEFORE = compile_lazily(r"\b(?:until|till|through|by|since|before|after|from|in)[ ]\Z", re.IGNORECASE)
#: A year and a capital letter naming a series, read as a scale: "Stock Options 2002 B" is no 2,002 billion.
_YEAR_SERIES = compile_lazily(r"(?:19|20)\d\d[ ][A-Z]")


def year_after_bound_word(text: str, quantity: Quantity) -> str | None:
    """"taxes were $3 billion below 2007 property taxes": 2007 is the year of the taxes compared, no figure
    "below 2007"; read as one, the claim would be an upper bound of 2,007 of nothing. So is "until at least
    2020" a year, and "Stock Options 2002 B" a series' name, no 2,002 billion."""
    if quantity.unit is not None or not quantity.text.startswith(_YEAR_OPENINGS):
        return None   # most numbers: no year in their text
    if _YEAR_SERIES.fullmatch(quantity.text):
        return "a year and a letter naming a series (Stock Options 2002 B)"
    if quantity.qualifier is Qualifier.EXACT:
        return None
    if _BOUND_YEAR.fullmatch(quantity.text) and _DATED_NOUN_AFTER.match(text, quantity.end):
        return "a year naming what it dates after a bound word (below 2007 property taxes)"
    if _HEDGED_YEAR.fullmatch(quantity.text) and _TIME_BEFORE.search(text, max(0, quantity.start - 8), quantity.start):
        return "a year after a word of time (until at least 2020)"
    return None


def written_elsewhere(text: str, quantity: Quantity) -> str | None:
    """``shared_scale`` and ``scale_after_other`` for money and numbers, ``subunit_amount`` and
    ``year_after_bound_word`` for numbers too: one rule a quantity, as ``misread_amount``, since every kept
    quantity passes through every rule. The two characters after the number say which may apply: most
    numbers are followed by a space and a letter none of them reads, and are answered at once."""
    kind = quantity.kind
    if kind is not Kind.NUMBER and kind is not Kind.MONEY:
        return None
    after = text[quantity.end:quantity.end + 2]
    reason = None
    if after in _COORDINATION_OPENINGS:
        reason = shared_scale(text, quantity)
    elif after[:1] == ")" or after in (" (", " )") or (after[:1] == " " and after[1:].isdigit()):
        reason = scale_after_other(text, quantity)
    if reason is None and kind is Kind.NUMBER:
        if after in _SUBUNIT_OPENINGS or after[:1] in ("¢", "-", "p", "P"):
            reason = subunit_amount(text, quantity)
        written = quantity.text
        if reason is None and (written[-2:-1] == " " or (written[-4:].isdigit() and written[-4:-2] in ("19", "20"))):
            reason = year_after_bound_word(text, quantity)
    return reason


#: The two characters after a number that may open "and"/"or", or a subunit word after a space.
_COORDINATION_OPENINGS = frozenset({" a", " o", " A", " O"})
_SUBUNIT_OPENINGS = frozenset({" c", " p", " C", " P"})


RULES["written_elsewhere"] = written_elsewhere
RULE_KINDS["written_elsewhere"] = frozenset({Kind.NUMBER, Kind.MONEY})


# --- English: the fourth dev draw (issue 21, item 8) ---------------------------------------------------------

REGIONS["a time of day (12 noon, 12 midnight)"] = Region(   # a clock time, not 12 of anything
    _guarded(lambda text: "noon" in text or "midnight" in text, re.compile(r"\d (?:noon|midnight)").search),
    r"\d(?<![\w.,]\d)\d?[ ](?:noon|midnight)\b", ends_expressions=True)
REGIONS["the number of a public law (Public Law 107-296)"] = Region(   # a statute's name, not a range 107 to 296
    re.compile("Law ").search, r"\b(?:Public|Private)[ ]Law[ ]\d{2,3}-\d{1,4}\b", ends_expressions=True)


#: "a 6.25m tower", "the 80m wall": an article, digits with a glued "m", and a word after them.
_ARTICLE_BEFORE = compile_lazily(r"(?<![\w])(?:an?|the)[ ]\Z", re.IGNORECASE)
_WORD_AFTER = compile_lazily(r"[ ][a-z]")


def metres_or_millions(text: str, quantity: Quantity) -> str | None:
    """"a 6.25m tower": a glued "m" that no currency and no length word decides (``lengths.metres_after``
    reads "a 6.25m-high tower" as metres, "a $6.25m deal" is money). Before a noun it may be six million or
    six metres, so no value is read rather than a guess either way."""
    written = quantity.text
    if quantity.kind is not Kind.NUMBER or quantity.unit is not None or written[-1:] != "m" or not written[-2:-1].isdigit():
        return None
    if not _WORD_AFTER.match(text, quantity.end) or not _ARTICLE_BEFORE.search(text, max(0, quantity.start - 4),
                                                                                quantity.start):
        return None
    return "a glued m that may be metres or millions (a 6.25m tower)"


RULES["metres_or_millions"] = metres_or_millions
RULE_KINDS["metres_or_millions"] = frozenset({Kind.NUMBER})
REGIONS["the year of a copyright notice (© 2015, Copyright 2019)"] = Region(   # the notice's, not the article's
    _guarded(lambda text: "opyright" in text or "OPYRIGHT" in text or "©" in text or "(c)" in text or "(C)" in text,
             re.compile(r"(?:opyright|OPYRIGHT|©|\([cC]\))[ ]?(?:\([cC]\)[ ]?|©[ ]?)?\d").search),
    r"(?:\b[Cc]opyright|\bCOPYRIGHT|©|\([cC]\))[ ]?(?:\([cC]\)[ ]?|©[ ]?)?(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?(?![\d%]|[.,]\d)",
    ends_expressions=True)
