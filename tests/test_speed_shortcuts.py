"""Shortcuts taken for speed find exactly what the plain definitions find.

Each shortcut (a clue checked before a region's pattern, the scanner's fast search
for candidate positions, the opening words before English period phrases, the dict
lookups for predicate words ending a value, sentence ends found by two fast regexes,
the English number reading kept for a second call at the same place, a character
test before a rule's or the grammar's regex, the precision kept for a value, the first
character after white space or digits found in place, not in a stripped copy, the
cycle collector paused during an extraction that makes no cycles, the rules of ``negatives``
asked only about the kinds of quantity they can refuse and those of Korean words only in a text
with Hangul, an English article read on only before
a word a reading can go on with, the regions asked only
in a text holding the character they need, the paragraph of a one-line text, ASCII text neither
normalized nor folded nor searched for Hangul, a comparison base looked for only after one of its
words, a clause's change words looked for in folded text, the quantities of a one-sentence text
placed without a bisection, the tables of a registry worked out again by its count of changes, the word-start
tries searched in a lower-cased ASCII text, the candidates regex, the hedges before a number and the period forms
narrowed to the character at a place, the regions of one guard asked as a group, a relation detector asked only
of articles holding its kinds, plain Korean digits read without the general loop, a precision
worked out with no power and no tuple of digits)
is held to the slow,
obvious computation on real text: every sentence of the finance corpus in both
languages and the PolitiFact statements of LIAR2, read from ``../shared`` (their
licences forbid copying them), plus written cases for the corners a corpus lacks.
"""
from __future__ import annotations

import csv
import dataclasses
import gc
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest

from checker import extract
from checker.extraction import english_periods, negatives, relations, scanner, sentences, worded
from checker.extraction.prefix_regex import prefix_trie
from checker.quantities import detect_language, grammar, match_quantity, numerals, precision, predicates
from checker.quantities.model import Kind, Quantity
from checker.quantities.endings import EndingTable

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
FINANCE = SHARED / "finance_sentiment_corpus" / "finance_data.csv"
LIAR = SHARED / "liar2" / "valid.csv"

#: Corners of the regions' patterns (written here): case-folded letters (ı, ſ, the
#: Kelvin sign), IP addresses, list numbers at a line start, a model name after a hyphen.
CORNERS = [
    "Call 02-123-4567. GPT-4 in Q3, EUR21m. 5/17/2018 and 2018/5/17에",
    "THE THIRD QUARTER, a YEAR EARLIER, one month ago, a quarter before",
    "a year earlıer, the fırst half, ſecond quarter, 5 \u212aG",
    "1. First\n  2) second\n(3) third 192.168.1.2입니다",
    "162nd Avenue, 3rd, 5G and 3.5G, 1~9월, 2008년 4/4분기, x86 and mp3, mid-2022",
    "+82 10-1234-5678, (02) 123-4567",
    "(서울=뉴스1) 2022년, (세종 = 연합뉴스) 5%",
    "#1 in oil, No. 85, No.2 and &#39;5&#39; &#X27;",
    "after 9/11, open 24/7, 1-9/2007 and 6/2007, a 50/50 split",
    "a 401(k)-style plan, 501(c)(3) groups",
    "the 9-9-9 plan in the '08 race and the ’12 one",
    "at 12:30 p.m. and 3 PM, a 5-4 decision, voted 2-1.",
    "the 1980s, the ’80s, 80년대, 창립 50주년, 2021회계연도, 1월 29~30일, Half True, HALF-FLIP, 절반의 사실",
    "https://example.com/a, www.example.com/2021/05, /news/articleView.html?idxno=12345, doi:10.1000/182.",
    "ISBN-13: 978-0-306-40615-7, 978-3-16-148410-0, 기사번호 12345, Article ID: 2021-0042",
    "ıſbn 0306406152, İSBN-10 0-306-40615-2, a 5-to-4 vote, won 3–2, 2021년 회계연도, 2021 회계 연도, 3 주년, 1월 29 ~ 30일",
    "call 9969777888, Helpline: +91 9969777888, ſms 9969777888; k-12 and K-8; in 79 A.D., 500 BC and AD 79",
    "오후 2시 30분, 14 시 반, 2월 12일부터 15일까지, 3일 부터 5일, 제2의 도시, 제 7조, 특허 제7,804,288호",
    "in 2022-23 and 2019–20, section 5 and ARTICLE 7 (b), Asteroid 52768 (1998 OR2), Comet 67 and patent no. 7,804,288",
    "K to 12 and K through 8, OK to 12 and K to 13",
    "RELEASE 26.03.2010 klo 09.00, 7.2.2007 at 10.30 and 1.2.3 at 4.50, in 2010 at 10.30 euros",
    "매출은 1,0000원, 12,3456명, EUR 1,000,00; 1,000,000원과 1,00,000원",
    "9663,51 kroons, 12345,6; tel. +358 10 33 21307, +1 (800) 555 0199; [7307] and [12]; 12 (2024) 88006-88021, pp. 5–9",
    "the 2023/24 year, 1999/2000 and 2010/4021; build 2022.1.13.2 and 1.2.3; in week 17 of 2006, Week 9. and a week 5%",
    "RELEASE 28.02.2008 AT 09.30 1 ( 1 ) and ANNOUNCEMENT 20 July 2006 1 (2) Sales rose 3 ( 5 ) %",
    "at 12 noon and 9 midnight, 12 noodles; Public Law 107-296, Private Law 95-1 and a Law 5 ruling",
    "Copyright 2019 Reuters, COPYRIGHT (C) 2001-2005, © 2015 Gannett, (c) 2008 AP and copyright law 5",
    "증권거래소 발표 1 ( 1), 공시 2 (3); 2·4분기와 3ㆍ4 분기; 358706,290.00유로; 오전 10.33으로, 오후12:59에",
    "순익 5777만 1110만 유로, 3억 2억 달러, 1.5조 2.5조; 5억 3000만 원",
    "Release 26.03.2010 klo 09.00 1 ( 1 ), born 15.9.1966, EGM 03-04.02.2011, KLO 9.30, 1.5.2010%, 3.12.2010.5",
]
#: Corners of the scanner's candidates (written here): a word opening the text, spaced
#: dollars, fractions inside a word, case folds, signs and minus, Korean numerals.
SCAN_CORNERS = [
    "One third of US$ 3 and u.s $ 100, c $ 16.4 million, hk $ 10; music ' s $ 500",
    "a½ and 3½, ⅔ of €20, -504, - 1,200, .77 and −3",
    "ıN THE 90s, ſeventy, \u212aRW 5, BETWEEN 10 and 20, nearly twenty-one",
    "삼십 명, 이백만 원, 오분의 일, 삼 퍼센트, 구파운드, 천 4백만 달러, 약 2만5,000~3만 달러, 세계 이 아바타",
    "2022년 3분기 44억 달러, 거의 절반, 두 배, 마이너스 3%",
    "주당 유로 1.71, 유로 2024, 유로존 3개국, 달러 3억 원",
    "EUR21m, MUSD 30, ＄5, ￦1000, £3, naïve 5, Éighty",
]

#: One sentence per form of English period phrase (written here), white space of every kind.
PERIOD_CORNERS = [
    "up from the same period of 2009, the corresponding quarter a year earlier, the year-ago quarter",
    "in the comparable\tperiod in 2007 and the\nthird quarter of 2022; 3rd-quarter, the last quarter of 2010",
    "Q1 of 2010, Q4, 2009, 2Q 2010, the fourth quarter last year, the first half of 2010, H1 2010, 2nd half 2009",
    "the fiscal year ended March 31, 2010, the nine months ended September 30 2010, twelve months ending Dec 2009",
    "the first nine months of 2010, first 6 months of 2009, January-June 2010, Jan to Sept 2009",
    "December 31, 2009 and 31 December 2009, December 2009, in September, since May, for March",
    "fiscal 2014, FY2013, FY 2012/13, fiscal year 2011, the year-ago EUR93.9 m, year-earlier",
    "Last year, this year, next year, the previous year, a year earlier, A\tyear ago, last month, this quarter",
    "EUR 9.3 mn in 2005 (2004), 1999-2000, 'in 2010'",
    "the  same period, a  year earlier, the\n\nthird quarter, 5  December 2009, nine\t\tmonths ended June 2010",
]


def _definition_positions(text: str, language: str) -> list[int]:
    """The scanner's candidates by their definition: the whole regex, then the first-word filter."""
    word = re.compile(r"[^\W\d_]+")
    positions = []
    for candidate in scanner.candidates(language).finditer(text):
        found = word.match(text, candidate.start())
        if not (found and found.group().isascii() and found.group().lower() not in grammar(language).FIRST_WORDS):
            positions.append(candidate.start())
    return positions


def _corpus_texts() -> list[str]:
    texts = []
    if FINANCE.is_file():
        with FINANCE.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                texts += [row["sentence"], row["kor_sentence"]]
    if LIAR.is_file():
        with LIAR.open(encoding="utf-8", newline="") as stream:
            texts += [row["statement"] for row in csv.DictReader(stream)]
    return texts


@pytest.fixture(scope="module", params=["written", "corpora"])
def texts(request: pytest.FixtureRequest) -> list[str]:
    """Every written corner below, then (a second run) the corpora's sentences."""
    if request.param == "written":
        return [*CORNERS, *SCAN_CORNERS, *PERIOD_CORNERS, *SENTENCE_CORNERS]
    found = _corpus_texts()
    if not found:
        pytest.skip(f"corpora not found under {SHARED}: the shortcuts are checked on the written corners only")
    return found


@pytest.mark.parametrize("reason", list(negatives.REGIONS))
def test_a_region_clue_never_hides_a_region(reason: str, texts: list[str]) -> None:
    region = negatives.REGIONS[reason]
    for text in texts:
        assert region.clue(text) or region.pattern.search(text) is None, text


def test_regions_are_every_patterns_matches(texts: list[str]) -> None:
    """Clues and the digit test together: ``regions`` finds what running every pattern finds."""
    for text in texts:
        plain = sorted((m.start(), m.end(), reason) for reason, region in negatives.REGIONS.items()
                       for m in region.pattern.finditer(text))
        assert negatives.regions(text) == plain, text


def test_a_product_name_is_what_its_pattern_finds_without_the_opening_look_ahead(texts: list[str]) -> None:
    pattern = negatives.REGIONS["part of a product or model name"].pattern
    assert negatives.PRODUCT_NAME_OPENING in pattern.pattern
    plain = re.compile(pattern.pattern.replace(negatives.PRODUCT_NAME_OPENING, "", 1), pattern.flags)
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


RULE_CORNERS = ["만 14세, aged 30, 30-year-old, a 35-Year-Old Man, over 50 years of age",
                "30 살, 7-Years-old, 4 OLD, age 5\n, AGED over 55, ageſ  \t 7, ages\n8, aged five",
                "김모(42)씨, A씨(29)는, 홍길동(35) 대표, (\n42) and (7)",
                "Llama 2, iPhone 15, 라마 2, Llama \n2, 3분기, 3 사분기, 3  분기",
                "댓글 0, 공감: 12, COMMENTS 3, Likes : \n4, 조회수 5, 구독자 6\n15 comments\n7  Views\n8 likes",
                "설계 속도 900m, 속력은 12m, a speed of 40m, 높이 3m, 3세대 제품과 1,000세대 아파트",
                "1가구 1주택과 1가구 다주택, 1가구당 1주택, 2006~07년 겨울과 07년",
                "6-year-olds, 5 Year Olds, a 6.25m tower, The 80m wall, a speed of 900 m-min, a width of 2 m"]


def test_the_rule_guards_never_hide_a_match(texts: list[str]) -> None:
    """Each guard of ``age``, ``age_bound``, ``korean_age_in_parentheses``, ``product_name``, ``quarter_name``
    and ``page_chrome`` holds wherever the regex after it matches, at every position."""
    for text in [*texts, *RULE_CORNERS]:
        for at in range(len(text) + 1):
            assert negatives._may_be_age_after(text, at) or negatives._AGE.match(text, at) is None, (text, at)
            assert (text[at - 1:at] in negatives._AGE_BEFORE_LAST
                    or negatives._AGE_BEFORE.search(text, max(0, at - 8), at) is None), (text, at)
            before = text[max(0, at - 3):at]
            assert "(" in before or negatives._KO_PERSON_BEFORE.search(before) is None, (text, at)
            before = text[max(0, at - 24):at]
            assert (negatives._may_end_with_name(before)
                    or negatives._NAME_WORD_BEFORE.search(before) is None), (text, at)
            assert "분" in text[at:at + 3] or negatives._QUARTER_NAME.match(text, at) is None, (text, at)
            assert (negatives._may_end_with_aged(text[max(0, at - 16):at])
                    or negatives._AGED.search(text[max(0, at - 16):at]) is None), (text, at)
            before = text[max(0, at - 12):at]
            assert (negatives._may_end_with_chrome_word(before)
                    or negatives._CHROME_WORDS.search(before) is None), (text, at)
            assert (negatives._may_open_chrome_word(text, at)
                    or negatives._CHROME_AFTER.match(text, at) is None), (text, at)


def _scanned(texts: list[str]) -> list[tuple[str, Quantity]]:
    """Every quantity the scanner reads in ``texts`` (each in its own language), with its text."""
    return [(text, quantity) for text in texts for quantity in scanner.scan(text, detect_language(text))]


def test_a_rule_names_no_reason_for_a_kind_it_is_not_asked_about(texts: list[str]) -> None:
    """``RULE_KINDS``: each quantity read, given every other kind in turn, gets no reason from the rule."""
    assert set(negatives.RULE_KINDS) <= set(negatives.RULES)
    for text, quantity in _scanned([*texts, *RULE_CORNERS]):
        for kind in Kind:
            other = dataclasses.replace(quantity, kind=kind)
            for name, kinds in negatives.RULE_KINDS.items():
                assert kind in kinds or negatives.RULES[name](text, other) is None, (name, kind, text, quantity)


def test_a_rule_of_korean_words_names_no_reason_in_a_text_without_hangul(texts: list[str]) -> None:
    """``HANGUL_RULES``: each quantity read in a text without Hangul, of every kind, gets no reason from them."""
    assert set(negatives.HANGUL_RULES) <= set(negatives.RULES)
    latin = [text for text in [*texts, *RULE_CORNERS, "(42) and (7) 4 units, 5 times, 1 liter per day"]
             if not negatives.holds_hangul(text)]
    for text, quantity in _scanned(latin):
        for kind in Kind:
            other = dataclasses.replace(quantity, kind=kind)
            for name in negatives.HANGUL_RULES:
                assert negatives.RULES[name](text, other) is None, (name, kind, text, quantity)


def test_why_not_asks_the_rules_in_order(texts: list[str]) -> None:
    """The rules sorted by kind and Hangul give the first reason of all the rules asked in turn (in a text
    with Hangul, all but the rules of English words, by design: the Korean grammar reads it)."""
    for text, quantity in _scanned([*texts, *RULE_CORNERS]):
        plain = next((reason for rule in negatives.RULES.values() if (reason := rule(text, quantity))), None)
        hangul = negatives.holds_hangul(text)
        asked = [rule for name, rule in negatives.RULES.items() if not (hangul and name in negatives.ENGLISH_RULES)]
        korean = next((reason for rule in asked if (reason := rule(text, quantity))), None)
        assert negatives.why_not(text, quantity, hangul) == korean, (text, quantity)
        assert negatives.why_not(text, quantity) == plain, (text, quantity)


def test_a_rule_registered_later_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "It fell to $1.4B from $2.2B, a decline of 37%."
    quantity = scanner.scan(text, "en")[0]
    assert negatives.why_not(text, quantity) is None
    monkeypatch.setitem(negatives.RULES, "always", lambda text, quantity: "always")
    assert negatives.why_not(text, quantity) == "always"


def test_the_corners_reach_every_region() -> None:
    assert {reason for text in CORNERS for *_, reason in negatives.regions(text)} == set(negatives.REGIONS)


def test_a_word_clue_refuses_letters_that_fold_to_others() -> None:
    with pytest.raises(ValueError, match="i, s or k"):
        negatives._words("earlier")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_candidate_positions_are_the_definitions(language: str, texts: list[str]) -> None:
    for text in texts:
        assert scanner.candidate_positions(text, language) == _definition_positions(text, language), text


def test_the_scan_corners_are_candidates() -> None:
    assert len(scanner.candidate_positions(SCAN_CORNERS[0], "en")) >= 6
    assert 0 in scanner.candidate_positions(SCAN_CORNERS[0], "en")         # "One" opens the text
    assert SCAN_CORNERS[2].index("\u212aRW") in scanner.candidate_positions(SCAN_CORNERS[2], "en")
    assert SCAN_CORNERS[3].index("천 4백만") in scanner.candidate_positions(SCAN_CORNERS[3], "ko")


def test_a_prefix_trie_matches_every_case_its_words_have() -> None:
    trie = re.compile(prefix_trie(["six", "kilo", "in the"], 3))
    for text in ("SIX", "ſix", "\u212aILO", "İN T", "ın t", "In t"):
        assert trie.match(text), text
    assert not trie.match("sex")


def test_a_lowered_trie_finds_in_the_lower_cased_text_what_the_cased_one_finds(texts: list[str]) -> None:
    """``prefix_trie(..., lowered=True)`` over ``text.lower()`` of an ASCII text: the places of the cased trie over
    the text, for the English periods' opening words, a trie of awkward words and the scanner's word starts (whose
    lowered regex also reads the word standing at each place, as ``candidate_positions`` reads it)."""
    pairs = [(english_periods._openings(), english_periods._openings(True)),
             (english_periods._opening_at_start(), english_periods._opening_at_start(True)),
             (re.compile(rf"\W(?={prefix_trie(['ſix', 'İn', 'naïve', 'x y', 'A.B'], 4)})"),
              re.compile(rf"\W(?={prefix_trie(['ſix', 'İn', 'naïve', 'x y', 'A.B'], 4, lowered=True)})"))]
    awkward = [" Six SIX six, In IN in; NAXVE naxve; X  Y x\ty, a.b A.B", " THE SAME PERIOD, Q3 2010, 1 January"]
    word = re.compile(r"[^\W\d_]*")
    for text in [*texts, *awkward, *SCAN_CORNERS]:
        if not text.isascii():
            continue
        for cased, lowered in pairs:
            assert [m.end() for m in lowered.finditer(text.lower())] == [m.end() for m in cased.finditer(text)], text
        for language in ("en", "ko"):
            finder = scanner._finder(language)
            plain = [(m.end(), word.match(text, m.end()).group().lower()) for m in finder.word_starts.finditer(text)]
            assert [(m.start(1), m.group(1)) for m in finder.word_starts_lowered.finditer(text.lower())] == plain, text


def test_a_letter_narrows_the_candidates_to_the_same_matches(texts: list[str]) -> None:
    """``_letter_candidates``: at every letter of the texts opening a word, Hangul and other letters too, the match
    ``candidates`` makes there."""
    for text in [*texts, *SCAN_CORNERS, "R60,000 and N25,750, c $ 16.4 million, u.s $ 100, KRW 5",
                 "ſome ſix, Ωmega 5, 약 5, 삼십 명, 유로 1.71, 달러를 기록, 미화 17.8m, 절반"]:
        language = detect_language(text)
        whole = scanner.candidates(language)
        for position, character in enumerate(text):
            if character.isalpha() and (position == 0 or not text[position - 1].isalpha()):
                narrowed = scanner._letter_candidates(language, character).match(text, position)
                plain = whole.match(text, position)
                assert (narrowed and narrowed.span()) == (plain and plain.span()), (text, position)


def test_a_hedge_table_narrowed_to_a_letter_matches_what_it_matches_whole(texts: list[str]) -> None:
    """``HedgeTable._at``: at every ASCII letter opening a word of the texts (and after one), the hedges before a
    number of each grammar match what their whole pattern matches, and ``match`` reads the same hedge."""
    tables = [grammar(language).PREFIX_HEDGES for language in ("en", "ko")]
    for text in [*texts, *CORNERS, "A Total Of 5, AT LEAST 3, ın excess of 9, ~$86k, nearly 40, Almost 2, aBOUT 7"]:
        for position, character in enumerate(text):
            if character.isascii() and character.isalpha() and (position == 0 or not text[position - 1].isalpha()
                                                                or position % 7 == 0):
                for table in tables:
                    narrowed, whole = table._at(character).match(text, position), table._pattern.match(text, position)
                    assert (narrowed and (narrowed.span(), narrowed.groupdict())) == (
                        whole and (whole.span(), whole.groupdict())), (text, position)


def test_the_period_forms_narrowed_to_a_character_match_what_all_forms_match(texts: list[str]) -> None:
    """``english_periods._pattern_at``: at every word start of the texts, the match of all forms, group for group."""
    whole = english_periods._pattern()
    for text in [*texts, *PERIOD_CORNERS]:
        for start in [0, *(m.end() for m in re.finditer(r"[\W_](?=\w)", text))]:
            if start < len(text) and text[start].isascii():
                narrowed, plain = english_periods._pattern_at(text[start]).match(text, start), whole.match(text, start)
                assert (narrowed and (narrowed.span(), narrowed.lastindex, narrowed.groupdict())) == (
                    plain and (plain.span(), plain.lastindex, plain.groupdict())), (text, start)


@pytest.mark.parametrize("source, flags, opens, never", [
    (r"(?:the\s+)?(?:same|\d+[a-c])", re.IGNORECASE, "tTsS059", "xb-"),
    (r"Q(?P<n>[1-4])|(?P<m>[1-4])Q", 0, "Q1234", "q5a"),
    (r"(?<=\bthe\s)(?:jan|feb)\b|x*y", re.IGNORECASE, "jJfFxXyY", "ab1"),
    (r"[^a]|(?=b)c|(d)\1", 0, "abcd", ""),   # a negated class, a back-reference: any character
    ("(?i:ſ)ix|\u212ao", 0, "sSſ\u212a", "ko"),   # ſ read as s under IGNORECASE; the Kelvin sign is no k without it
])
def test_may_open_on_answers_no_only_where_no_match_opens(source: str, flags: int, opens: str, never: str) -> None:
    from checker.extraction.prefix_regex import may_open_on
    assert [c for c in opens if not may_open_on(source, flags, c)] == []
    assert [c for c in never if may_open_on(source, flags, c)] == []


def test_english_period_phrases_are_the_definitions(texts: list[str]) -> None:
    everything = english_periods._pattern()
    for text in texts:
        assert [m.span() for m in english_periods._matches(text)] == [m.span() for m in everything.finditer(text)], text


def test_every_period_corner_holds_phrases() -> None:
    for text in PERIOD_CORNERS:
        assert len(list(english_periods._matches(text))) >= 3, text


def _ending_definition(words: dict[str, object], particles: tuple[str, ...], boundary: bool) -> re.Pattern[str]:
    """The regex an ending table answers for (``checker.quantities.endings``)."""
    def alternation(entries: object) -> str:
        return "|".join(r"\s*".join(map(re.escape, entry.split()))
                        for entry in sorted(entries, key=len, reverse=True) if entry)  # type: ignore[union-attr]
    particle = r"(?:(?P<particle>%s)\s*)?" % alternation(particles) if particles else ""
    return re.compile(r"%s\s*%s(?P<word>%s)\s*[.]?\s*\Z" % (r"\b" if boundary else "", particle, alternation(words)),
                      re.IGNORECASE)


#: What may stand before and after a predicate word (written here): numbers, particles
#: glued or spaced, a word that the boundary refuses, full stops and spaces.
ENDING_BEFORE = ("", "7.4% ", "순이익을 ", "3.6%로 ", "3.6%로", "a ", "5%", "-", "x")
ENDING_AFTER = ("", ".", " . ", "  ", ". ", "..", "x")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_ending_tables_answer_as_their_regex(language: str, texts: list[str]) -> None:
    for table in predicates._tables(language)[1]:
        words = dict.fromkeys(table.ending._rank)  # the words as written (the lookup keys drop their spaces)
        particles = tuple(table.ending._particles)  # KO_PARTICLES, none, or the "to" particles (올리다)
        definition = _ending_definition(words, particles, table.ending._boundary)
        written = [before + form + after for word in words for before in ENDING_BEFORE for after in ENDING_AFTER
                   for form in (word, word.upper(), word.replace("i", "ı").replace("s", "ſ"), word.replace(" ", "  "))]
        spans = [" ".join(text.split()[-count:]) for text in texts[::7] for count in (1, 2, 3)]
        for text in [*written, *spans]:
            plain = definition.search(text)
            found = table.ending.find(text)
            assert (found and (found.start, found.word, found.particle)) == (
                plain and (plain.start(), plain.group("word"), plain.groupdict().get("particle"))), (table.role, text)


@pytest.mark.parametrize("text", ["이상", "값이 상", "이상.", "x 이 상 .", "Up", "it went up", "5%up", "a-up"])
def test_an_ending_table_tries_paths_in_the_regexs_order(text: str) -> None:
    """A particle that also opens a longer word: the regex takes the particle's path first."""
    words, particles = {"이상": 1, "상": 2, "up": 3}, ("이",)
    plain = _ending_definition(words, particles, boundary=False).search(text)
    found = EndingTable(words, particles).find(text)
    assert (found and (found.start, found.word, found.particle)) == (
        plain and (plain.start(), plain.group("word"), plain.groupdict().get("particle")))


#: The one regex of sentence ends that ``sentences._ends`` replaces: an abbreviated month before a
#: digit ends none, nor a title, nor a company's Inc. before a lower-case word, and a dateline at a line's start (tried there only, ``sentences._dateline_ends``) ends one.
_SENTENCE_ENDS = re.compile(r"""(?: [.!?。]+ ['"’”」』)\]]* (?= \s | $ ) (?<! \b[A-Z]\. )
                                (?! (?<= \b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. ) \s+\d )
                                (?! (?<= \bSept\. ) \s+\d )
                                (?<! \bMr\. ) (?<! \bMs\. ) (?<! \bDr\. ) (?<! \bMrs\. )
                                (?! (?<= \bInc\. ) \s+[a-z] ) (?! (?<= \bLtd\. ) \s+[a-z] )
                                (?! (?<= \bCo\. ) \s+[a-z] ) (?! (?<= \bCorp\. ) \s+[a-z] )
                            | (?= \r?\n )
                            | (?m: ^ ) %s )""" % sentences._DATELINE.pattern, re.VERBOSE)
SENTENCE_CORNERS = ["Boston, Jan. 4, 2023 - Rents fell in Sept. 2022.\r\nCHICAGO (AP) -- x\rDENVER (AP) - y", "다.\r\n다음.\n\n끝", "U.S.\nJ. Smith said.\r\rx", "rose 2.5%.)\n", "\n", "", "a\r\n\r\nb?!\n",
                    "Wait... what?! Yes.\" No。。 x .. y!.", "...",
                    "Mr. Roe of Acme Inc. said. Acme Inc. Then Dr. No and Co. sold. Mrs. Kim of Lee Ltd. rose."]


def test_sentence_ends_are_the_definitions(texts: list[str]) -> None:
    for text in [*texts, "\n".join(texts[:500])]:
        assert sentences._ends(text) == [match.end() for match in _SENTENCE_ENDS.finditer(text)], text


_WORD = re.compile(r"\S+")
#: Words before a number in a long sentence: a window of 256 characters cuts a word, holds
#: too few whole words, or reaches the sentence's start.
WORD_CORNERS = [
    "x" * 300 + " fell " + "y" * 250 + " 7.4%",
    "z" * 600 + " 5%",
    ("word " * 80) + "rose 5% and " + ("longword" * 40) + " 6%",
    "sales fell 7.4%",
]


def test_words_before_a_number_are_the_last_of_its_sentence(texts: list[str]) -> None:
    """``worded._word_starts_before`` reads a window, not the sentence from its start."""
    for text in [*texts, *WORD_CORNERS, " ".join(texts[:300])]:
        for found in extract(text).quantities:
            start, pos = found.sentence[0], found.quantity.start
            plain = [match.start() for match in _WORD.finditer(text, start, pos)][-worded.WORDS_BEFORE:]
            assert worded._word_starts_before(text, start, pos) == plain, text


def test_an_english_number_read_again_is_read_as_anew(texts: list[str]) -> None:
    """``scan_english`` keeps its last reading: asked again there, and after another text or
    place, it answers what reading anew answers (at every place the scanner asks)."""
    for text in texts:
        for pos in scanner.candidate_positions(text, "en"):
            plain = numerals._read_english(text, pos)
            assert numerals.scan_english(text, pos) == plain, text
            assert numerals.scan_english(text, pos) == plain, text
    assert [numerals.scan_english(t, 0).value for t in ("5 bn", "7 bn", "7 bn"[:2] + " million")] == [
        5_000_000_000, 7_000_000_000, 7_000_000]


#: White space of every kind after a number, and the characters the fraction test passes over.
SPACE_CORNERS = ["5 \u00a0\u3000 percent", "3\t\n 약", "7 - 1/2", "2 1/4", "1 ½", "4 -5", "9 ", "8 \u2028about", "6 ٣/4"]


def test_a_hedge_after_spaces_is_looked_for_as_after_lstrip(texts: list[str]) -> None:
    """``HedgeTable._may_start`` finds the first character after white space in place: as ``lstrip`` does."""
    for language in ("ko", "en"):
        table = grammar(language).SUFFIX_HEDGES
        for text in [*texts, *SPACE_CORNERS]:
            for pos in [i for i, c in enumerate(text) if c.isspace()] + [len(text)]:
                assert table._may_start(text, pos) == _plain_may_start(table, text, pos), (text, pos)


def _plain_may_start(table: object, text: str, pos: int) -> bool:
    """``_may_start`` as first written: the rest of the text copied and stripped."""
    char = text[pos:pos + 1]
    if char.isspace():
        char = text[pos:].lstrip()[:1]
    folded = char.lower()
    return folded in table._first_characters or not (char.isascii() or folded == char.upper())  # type: ignore[attr-defined]


def test_a_fraction_sign_is_looked_for_as_after_lstrip(texts: list[str]) -> None:
    """``_fraction_sign_follows`` passes digits, spaces and minus signs in place: as ``lstrip`` does."""
    for text in [*texts, *SPACE_CORNERS]:
        for pos in range(len(text) + 1):
            follows = text[pos:].lstrip("-0123456789 ")[:1]
            plain = follows == "/" or follows in numerals.VULGAR_FRACTIONS or follows.isdecimal()
            assert numerals._fraction_sign_follows(text, pos) == plain, (text, pos)


def test_a_scale_or_group_word_is_looked_for_wherever_one_may_follow(texts: list[str]) -> None:
    """``_word_may_follow`` holds wherever a scale word, abbreviation or group word matches."""
    words = (numerals._EN_SCALE_WORD, numerals._EN_SCALE_ABBREVIATION, numerals._EN_GROUP_WORD)
    for text in [*texts, *SPACE_CORNERS, "5 \u212a, 3  bn, 4 \n million, 2 ſ, 7 dozen, 6 - 7, 8 -million, 9 %"]:
        for pos in range(len(text) + 1):
            if not numerals._word_may_follow(text, pos):
                assert not any(word.match(text, pos) for word in words), (text, pos)


def test_an_unplaced_currency_is_looked_for_wherever_one_may_end(texts: list[str]) -> None:
    from checker.quantities import english
    for text in [*texts, "$Z5, €AB 12, $x.1,000.5, ₩Kr7 and $Ab٣"]:
        for pos in range(len(text) + 1):
            if not english._may_follow_unplaced_currency(text, pos):
                found = english._UNPLACED_CURRENCY.search(text, max(0, pos - english._UNPLACED_REACH), pos)
                assert pos == 0 or found is None, (text, pos)


#: An article before each word a reading goes on with, in the cases and spacings a corpus lacks.
ARTICLE_CORNERS = [
    "a hundred, A Million, an eighth, a half-dozen, a-dozen, a couple, a score, a third of a million",
    "a quarter million",
    "a US$4.7 billion, an RMB3 bn, a Rs5 lakh, a EUR 20, a MEUR 5, a $5, a €20, a £3, an HK$ 10, a c $ 16.4 million",
    "a dollar, a percent, a per cent, a percentage point, a pp, a year, an hour, a fivefold, a twofold, a tick to 5%",
    "a\tmillion, a  dozen, A-Third, a - half, a tonne, a kilometre, a square metre, an ounce, a barrel a day",
    "a thouſand, a \u212ailo, an ſtock, a 5%, a 10-month delay, a new high, an increase, a x, a times, a fold",
    "a in 4, an out of 5, a and a half, a point five, a tenth of a percent, a half percent, a one-third, a millionss",
]


def test_an_article_opens_no_reading_where_no_follower_stands(texts: list[str]) -> None:
    """``_article_may_open``: where it says no, every reading of the English grammar finds nothing."""
    from checker.quantities import english
    for text in [*texts, *ARTICLE_CORNERS]:
        text = numerals.normalize(text)   # as the grammar reads it
        for pos in range(len(text)):
            opening = english._opening(text, pos)
            if opening in english._LONE_ARTICLES and not english._article_may_open(text, pos + len(opening)):
                assert english._core(text, pos, opening) is None, (text, pos)


def test_an_article_before_any_word_of_the_corpora_opens_what_the_readings_open(texts: list[str]) -> None:
    """Every word of the texts after "a", then what a number may go on with: the guard says no only where
    no reading finds anything (the corpora hold few articles before a scale word or a fraction)."""
    from checker.quantities import english
    words = sorted({word.lower() for text in texts for word in re.findall(r"[A-Za-z]+", text)})
    for word in words:
        for text in (f"a {word} in 4 more", f"a-{word} million", f"A {word} and a half", f"an {word}s of a percent"):
            opening = english._opening(text, 0)
            if not english._article_may_open(text, len(opening)):
                assert english._core(text, 0, opening) is None, text


def test_the_article_corners_open_readings() -> None:
    from checker.quantities import english
    found = [match_quantity(text, pos, "en") for text in ARTICLE_CORNERS for pos in range(len(text))
             if english._opening(text, pos) in english._LONE_ARTICLES]
    assert sum(quantity is not None for quantity in found) >= 25


def test_a_kept_precision_is_the_one_computed_anew() -> None:
    """``digits_precision`` is kept by value: equal values of other exponents, asked after, get what they get anew."""
    from decimal import Decimal
    from checker.quantities import precision
    values = ["1", "1.0", "1E+0", "1000", "1E+3", "1.000E+3", "0", "-0", "0.00", "2022", "2.022E+3", "340", "3.40E+2",
              "-5", "-5.0", "4.4E+9", "4400000000", "0.25", "0.250", "12345678901234567890123456789012345678901"]
    steps = [None, "0.1", "0.10", "1E+8", "100000000", "0.01"]
    for step in steps:
        for value in values:
            args = (Decimal(value), None if step is None else Decimal(step))
            kept, anew = precision.digits_precision(*args), precision.digits_precision.__wrapped__(*args)
            assert (str(kept), kept.as_tuple()) == (str(anew), anew.as_tuple()), (value, step)


def test_extraction_leaves_no_cycles_for_the_paused_collector(texts: list[str]) -> None:
    """``extract`` pauses the cycle collector: what it builds must be freed by reference counting."""
    gc.collect()
    gc.disable()
    try:
        for text in [*texts[::5], "\n".join(texts[:300])]:
            for language in ("en", "ko"):
                extract(text, language, "2024-03-01")
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_extraction_gives_the_collector_back_as_it_found_it() -> None:
    extract("It fell to $1.4B from $2.2B, a decline of 37%.")
    assert gc.isenabled()
    gc.disable()
    try:
        extract("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_extraction_that_fails_still_gives_the_collector_back() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        extract("It fell 37%.", "fr")
    assert gc.isenabled()


def test_every_quantity_the_grammar_makes_is_the_one_its_fields_make(texts: list[str]) -> None:
    """``Quantity`` takes ``quick_init``'s ``__init__`` (held to the generated one in tests/test_quick_init.py):
    every quantity the grammar makes equals, field by field and type by type, the one made of the same fields."""
    seen = 0
    for text in texts:
        for quantity in scanner.scan(text, detect_language(text)):
            values = [getattr(quantity, field.name) for field in dataclasses.fields(Quantity)]
            plain = Quantity(*values)
            assert (quantity, type(quantity), hash(quantity)) == (plain, Quantity, hash(plain)), text
            assert repr(quantity) == repr(plain)
            seen += 1
    assert seen > 0


def test_a_paragraph_number_is_the_line_breaks_before_it(texts: list[str]) -> None:
    """``paragraph_finder`` answers 0 at once in a text with no line break: everywhere, the number
    is the count of line breaks before the position, in one-paragraph texts and in joined ones."""
    for text in [*texts[::7], "\n".join(texts[:50]), "\n", "a\n\nb", ""]:
        paragraph_of = sentences.paragraph_finder(text)
        for position in range(0, len(text) + 1, max(1, len(text) // 40)):
            assert paragraph_of(position) == text.count("\n", 0, position), (text, position)


@pytest.mark.parametrize("reason", list(negatives.REGION_NEEDS))
def test_a_region_is_never_found_without_the_character_it_needs(reason: str, texts: list[str]) -> None:
    """``REGION_NEEDS``: where its character is missing, the region's clue and its pattern find nothing
    (in the corpora and the corners; the corners hold every region, see below)."""
    region, character = negatives.REGIONS[reason], negatives.REGION_NEEDS[reason]
    for text in [*texts, *CORNERS]:
        if character not in text:
            assert not region.clue(text) and region.pattern.search(text) is None, text
    assert any(character in text and region.pattern.search(text) for text in CORNERS)


def test_a_region_registered_later_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouping of the regions by character follows ``REGIONS``: one added after a first text is asked."""
    negatives.regions("5/17/2018")
    monkeypatch.setitem(negatives.REGIONS, "a test region", negatives.Region(lambda text: True, r"\d+"))
    assert (0, 1, "a test region") in negatives.regions("5/17/2018")
    monkeypatch.setitem(negatives.REGION_NEEDS, "a test region", "@")
    monkeypatch.setitem(negatives.REGIONS, "a test region", negatives.Region(lambda text: True, r"\d+"))
    assert (0, 1, "a test region") not in negatives.regions("5/17/2018")


@pytest.mark.parametrize("change", [
    lambda registry: registry.__setitem__("c", 2), lambda registry: registry.__delitem__("a"),
    lambda registry: registry.__ior__({"c": 2}), lambda registry: registry.clear(), lambda registry: registry.pop("a"),
    lambda registry: registry.popitem(), lambda registry: registry.setdefault("c", 2), lambda registry: registry.update(c=2),
])
def test_a_table_derived_from_a_registry_follows_every_change(change: object) -> None:
    """``Registry`` counts every kind of change, so a table ``_Derived`` from it is worked out again after each."""
    registry = negatives.Registry(a=0, b=1)
    derived = negatives._Derived(registry)
    assert derived.get("key", lambda: sorted(registry.items())) == [("a", 0), ("b", 1)]
    change(registry)  # type: ignore[operator]
    assert derived.get("key", lambda: sorted(registry.items())) == sorted(registry.items())


#: Relations of every detector (written here): a conversion, ratios, multiples, changes, spans between dates, a product.
RELATION_CORNERS = [
    "매출은 100억 원($760만)이었다. 2022년 3분기 44억 달러, 전년 대비 절반 수준이었다.",
    "7600만 유로에서 2배인 13100만 유로로 늘었다. 순이익은 3배 늘었다.",
    "Sales rose 12% to $53.8 billion in 2021 from $48 billion.", "최저임금은 2015년 6470원에서 2020년 9160원으로 연평균 7.2% 올랐다.",
    "2021년 3월 사업을 시작해 17개월 뒤인 2022년 8월 상장했다.",
    "사과 3개를 개당 1,000원에 샀고 모두 3,000원을 냈다. It sold 5 units at $20 each for $100.",
]


def test_a_detector_is_asked_only_of_articles_holding_its_kinds(texts: list[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``DETECTOR_KINDS``: the relations found are those of every detector asked of every article, and
    a detector finds none in an article lacking one of its kinds (so skipping it there drops nothing)."""
    assert set(relations.DETECTOR_KINDS) <= set(relations.DETECTORS)
    articles: list[relations.Article] = []
    real = relations.stated_relations
    monkeypatch.setattr(relations, "stated_relations", lambda article: articles.append(article) or real(article))
    for text in [*texts, *RELATION_CORNERS]:
        extract(text, detect_language(text), "2024-03-01")
    for article in articles:
        kinds = {found.quantity.kind for found in article.found}
        plain = [relation for detector in relations.DETECTORS.values() for relation in detector(article)]
        assert real(article) == sorted(plain, key=lambda relation: (relation.claim, relation.relation)), article.text
        for name, needed in relations.DETECTOR_KINDS.items():
            assert needed <= kinds or not list(relations.DETECTORS[name](article)), (name, article.text)


def test_the_relation_corners_reach_every_detector() -> None:
    found = {relation.relation for text in RELATION_CORNERS for relation in extract(text, None, "2024-03-01").relations}
    assert found >= {"convert", "ratio", "multiple", "change", "cagr", "months_between", "product"}, found


#: Letters case-insensitive matching reads as ASCII ones (ſ, ı, İ, the Kelvin sign), and words of neither kind.
FOLD_CORNERS = ["Sales ROſE 5%", "prices fell", "a DECLINE", "İNCREASE", "ıncrease", "\u212aeep", "매출이 줄었다",
                "up", "UP", "uP", "nothing", "", "ﬆ", "déclin", "dRop"]


def test_a_clause_holds_a_word_where_the_regex_finds_it(texts: list[str]) -> None:
    """``relations.holds_word`` looks for plain words in the folded text: it answers as the pattern's search,
    for the word patterns it reads that way and for patterns it leaves to the regex engine."""
    from checker.extraction import relations
    patterns = [relations._CHANGE, relations._FALL, re.compile("rise|Fall", re.IGNORECASE), re.compile("rise|fall"),
                re.compile(r"ri(se)|fall", re.IGNORECASE), re.compile("déclin|rise", re.IGNORECASE)]
    for text in [*texts, *FOLD_CORNERS]:
        for pattern in patterns:
            assert relations.holds_word(pattern, text) == (pattern.search(text) is not None), (pattern, text)
    assert relations._PLAIN_WORDS[relations._CHANGE] and relations._PLAIN_WORDS[relations._FALL]
    assert [relations._PLAIN_WORDS[pattern] is None for pattern in patterns[2:]] == [False, True, True, True]


def test_ascii_text_is_neither_normalized_nor_folded_nor_hangul(texts: list[str]) -> None:
    """``normalize``, ``fold``, ``holds_hangul`` and the gate's fold answer ASCII text without a search: each
    character they map or look for is outside ASCII, so the answers are those of the plain computations."""
    from checker.folding import _FOLDS, fold
    from checker.extraction import gate
    assert all(key > 127 for key in (*numerals._TRANSLATION, *_FOLDS, *gate._FOLD))
    for text in [*texts, *CORNERS, "ſ ı İ \u212a", "１만１，０００명\u00a0약", "plain ascii 5%"]:
        assert numerals.normalize(text) == text.translate(numerals._TRANSLATION), text
        assert fold(text) == text.translate(_FOLDS).lower(), text
        assert negatives.holds_hangul(text) == (negatives._HANGUL.search(text) is not None), text
    text = "plain ascii 5%"
    assert numerals.normalize(text) is text   # the same object: the scanner's number memo is by identity


#: Windows before a number that open a comparison, in every case and fold, and near misses.
BASE_CORNERS = ["up from 9.3", "COMPARED  TO the 2009", "Compared\twith 5", "versus $3", "vs. 4%", "VS 4",
                "as against 7", "more than 9", "OVER 2006", "ſince 1981", "SİNCE the 1981", "overall 5", "thanks 4",
                "fromage 5", "a vs b 5", "from\n5", "x" * 30 + "from 5"]


def test_a_base_before_a_number_is_what_its_regex_finds(texts: list[str]) -> None:
    """``english_periods._base_before`` searches only windows holding one of ``_BASE_WORDS``: at every
    position of the texts it answers as the search of the window does."""
    for text in [*texts[::3], *BASE_CORNERS, " ".join(BASE_CORNERS)]:
        for end in range(len(text) + 1):
            plain = english_periods._BASE_BEFORE.search(text, max(0, end - 24), end) is not None
            assert english_periods._base_before(text, end) == plain, (text, end)
    before_last_word = [english_periods._base_before(text, len(text) - len(text.split()[-1])) for text in BASE_CORNERS]
    assert before_last_word == [True] * 11 + [False, False, False, False, True, False]


def test_each_quantity_is_placed_in_the_sentence_holding_it(texts: list[str]) -> None:
    """``extract`` puts every quantity of a one-sentence text in that sentence without a bisection: the
    sentences it gives are those ``sentence_of`` finds, in one-sentence texts and in joined ones."""
    for text in [*texts[::9], " ".join(texts[:40]), "\n".join(texts[40:80])]:
        for language in ("en", "ko"):
            spans = sentences.sentence_spans(text) or [(0, len(text))]
            starts = [start for start, _ in spans]
            found = extract(text, language).quantities
            assert [f.sentence for f in found] == [
                spans[sentences.sentence_of(spans, starts, f.quantity.start)] for f in found], text


#: Digits before what the general Korean reading goes on with, or stops at (written here).
KOREAN_DIGIT_CORNERS = ["1억 5000만", "1억2000만 원", "1억오천만", "3천", "40 000명", "5 억 달러", "1,000", "4.4억", "1조각",
                        "1억만장자", "0억", "1억만", "2억\t5천만", "2억  5천", "2억   5", "9558억 달러", "1²", "12٣", "3억영",
                        "1234567890123456억", "123456789012345", "7조 .5", "2억.", "8만명", "2018년", "10경 원", "5만 백"]


def test_plain_korean_digits_are_read_as_the_general_reading_reads_them(texts: list[str]) -> None:
    """``numerals._plain_korean`` reads plain digits and a large unit at once: wherever it reads, the general
    loop gives the same number, written the same (a Decimal's digits and exponent included)."""
    read = 0
    for text in [*texts, *KOREAN_DIGIT_CORNERS]:
        text = numerals.normalize(text)
        for pos in range(len(text)):
            plain = numerals._plain_korean(text, pos)
            if plain is not None:
                read += 1
                general = numerals._general_korean(text, pos)
                assert [str(field) for field in plain] == [str(field) for field in general], (text, pos)
    assert read


def _digits_precision_as_first_written(value: Decimal) -> Decimal:
    """``precision.digits_precision`` of digits without a point, as first written: the step a power of ten."""
    place = precision.last_nonzero_place(value)
    half_step = precision.HALF * Decimal(10) ** place
    if place > 0:
        return precision.tidy(min(half_step, abs(value) * precision.ROUND_NUMBER_CAP))
    return precision.tidy(half_step)


def test_a_precision_is_worked_out_as_first_written() -> None:
    """``digits_precision`` gives, written the same, what its first writing gave (the step a power of ten, no
    shortcut for a unit's half): for integers and decimals of every size and sign, past the context's 28 digits too."""
    rng = random.Random(25)
    values = [Decimal(text) for text in ("0", "-0", "5E+2", "0.0500", "1" * 40, "9" * 40 + "000", "3E+47712",
                                         "-1230", "1E-30", "2.5E+5", "4.4E+9", "Infinity", "NaN")]
    for _ in range(20_000):
        digits = rng.randint(0, 40)
        values.append(Decimal(rng.randint(-10**digits, 10**digits)).scaleb(rng.randint(-12, 20)))
        values.append(Decimal(str(rng.randint(0, 99_999)) + "0" * rng.randint(0, 12)))
    for value in values:
        if value.is_finite():
            worked_out = precision.digits_precision.__wrapped__(value)  # type: ignore[attr-defined]
            assert str(worked_out) == str(_digits_precision_as_first_written(value)), value
