"""Extraction F1 on hand-labelled real sentences (issue 21, item 8): the dev half holds its figures.

The labels (``tests/extract_gold``) name sentences of ``../shared/peer-corpora`` by row
and sha1 prefix; the corpora's licences keep their text out of the repository, so the
tests skip when ``../shared`` is absent. The held-out half is scored by
``benchmarks/extraction_f1.py`` and reported, not held to a floor here: a floor on it
would invite tuning to it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:  # the benchmarks are scripts beside the package, not part of it
    sys.path.insert(0, _ROOT)

from benchmarks import extraction_f1 as f1  # noqa: E402
from benchmarks import extraction_gold as gold  # noqa: E402

#: Dev-half F1 reached (issue 21, item 8); a lower figure is a regression on real text.
DEV_FLOORS = {"finance": 0.979, "quantemp": 1.0}
#: The second dev draw's F1 reached, for the files a person has labelled. Finance's was 0.984 until
#: "EUR 25.56n" (row 1408, Korean column) was refused rather than read as EUR 25.56: a glued letter
#: after the digits leaves the scale unknown (``negatives.glued_amount``).
DEV_2_FLOORS = {"finance": 0.982, "quantemp": 0.976}
#: The third dev draw's F1 reached, once both halves of the finance file (English and Korean rows) were labelled;
#: finance 0.974 until the Korean rules of the fourth draw's round (ko5) read two more of its rows.
DEV_3_FLOORS = {"finance": 0.981, "quantemp": 0.963}
#: The fourth dev draw's F1 reached, both of finance's halves labelled by hand before any rule (English by en5,
#: Korean by ko5; untuned, at 105b7ba, the whole files scored finance 0.891 and QuanTemp 0.831).
DEV_4_FLOORS = {"finance": 0.978, "quantemp": 0.943}
#: The fifth dev draw (labelled before any rule: en6 the English rows and QuanTemp, ko6 the Korean rows), whole files.
DEV_5_FLOORS = {"quantemp": 0.975, "finance": 0.991}
#: A later finance draw's rows of one language scored alone, each labelled apart (untuned at 14437c8: dev-5 English
#: 0.946, Korean 0.944; dev-4 Korean 0.909).
LANGUAGE_FLOORS = {("ko", "dev-4"): 0.990, ("en", "dev-5"): 0.982, ("ko", "dev-5"): 1.0}
HEDGES = {"exact", "approx", "nearly", "more_than", "at_least", "less_than", "at_most", "range", "decade"}


@pytest.fixture(scope="module")
def scores() -> dict:
    if not gold.available():
        pytest.skip("the peer corpora are not under ../shared/peer-corpora")
    return f1.scores()


#: Each dev draw's floors, by the half's name.
DRAW_FLOORS = {"dev": DEV_FLOORS, "dev-2": DEV_2_FLOORS, "dev-3": DEV_3_FLOORS, "dev-4": DEV_4_FLOORS,
               "dev-5": DEV_5_FLOORS}


@pytest.mark.parametrize("half,corpus", [(half, corpus) for half, floors in DRAW_FLOORS.items()
                                         for corpus in sorted(floors)])
def test_each_dev_draw_f1_holds(scores: dict, half: str, corpus: str) -> None:
    precision, recall, score = scores[corpus, half].rates()
    assert round(score, 3) >= DRAW_FLOORS[half][corpus], \
        f"{corpus} {half}: P {precision:.3f} R {recall:.3f} F1 {score:.3f}"


@pytest.mark.parametrize("language,half", sorted(LANGUAGE_FLOORS))
def test_later_finance_draws_f1_holds_in_each_language(language: str, half: str) -> None:
    """A later draw's rows of one language scored alone: its two languages are different labellers' work."""
    if not gold.available():
        pytest.skip("the peer corpora are not under ../shared/peer-corpora")
    score = f1.Score()
    for sentence, labels in gold.labelled("finance", half):
        if sentence.language == language:
            score.add(labels, f1.predicted(sentence.text, language))
    precision, recall, value = score.rates()
    assert round(value, 3) >= LANGUAGE_FLOORS[language, half], \
        f"finance {half} {language}: P {precision:.3f} R {recall:.3f} F1 {value:.3f}"


@pytest.mark.parametrize("corpus", sorted(DEV_FLOORS))
def test_every_sampled_sentence_is_labelled_once_in_its_own_half(scores: dict, corpus: str) -> None:
    """The half is the hash's, not the labeller's: no sentence moved, none dropped, none in both."""
    seen = []
    for half in gold.HALVES:
        for sentence, labels in gold.labelled(corpus, half):
            assert sentence.half == half, (corpus, sentence.row, sentence.column)
            assert all(hedge in HEDGES for _, _, hedge in labels), (corpus, sentence.row, labels)
            seen.append((sentence.row, sentence.column))
    assert sorted(seen) == sorted((s.row, s.column) for s in gold.sample(corpus))


@pytest.mark.parametrize("corpus", sorted(DEV_FLOORS))
def test_the_later_draws_are_dev_only_and_new(scores: dict, corpus: str) -> None:
    """The later draws add dev sentences to find misses in; none is held out or already labelled."""
    taken = {(s.corpus, s.row, s.column) for s in gold.sample(corpus)}
    for draw in gold.LATER_DRAWS:
        later = gold.later_sample(corpus, draw)
        assert later and all(s.half == "dev" for s in later)
        names = {(s.corpus, s.row, s.column) for s in later}
        assert not taken & names, f"draw {draw} repeats an earlier sentence"
        taken |= names
        if gold.reviewed(corpus, f"dev-{draw}"):
            labels = gold.labelled(corpus, f"dev-{draw}")
            assert [s for s, _ in labels] == later
            assert all(hedge in HEDGES for _, found in labels for _, _, hedge in found)


def test_a_date_is_not_a_quantity_and_a_range_reads_low_to_high() -> None:
    assert f1.predicted("Sales rose 8 % in 2009 to between EUR 2 and 3 million.", "en")[0] == ("8", "%", "exact")
    assert ("25..50", "%", "range") in f1.predicted("a discount of between 25 % and 50 %", "en")
    assert f1.predicted("2009년 3월", "ko") == []


#: The dev misses this item fixed, each on a sentence of its own (not the corpora's text):
#: (language, text, the quantities found as (text, value, unit, qualifier)).
DEV_FIXES = [
    ("en", "Deposits in excess of $250,000 are not insured.",
     [("in excess of $250,000", "250000", "USD", "more_than")]),
    ("en", "They lived in a double-wide trailer; double vaccinated staff are 13 times more likely to test.",
     [("13 times", "13", "x", "exact")]),
    ("en", "Sales doubled, to double the old level.", [("doubled", "2", "x", "exact"), ("double", "2", "x", "exact")]),
    ("en", "The plan reaches net zero by 2050 and net-zero emissions; zero jobs were lost.",
     [("2050", None, None, "exact"), ("zero jobs", "0", "jobs", "exact")]),
    ("en", "Revenue was 580 million $ 743 million, or 10 $ 30 cent.",
     [("580 million", "580000000", None, "exact"), ("$ 743 million", "743000000", "USD", "exact"),
      ("10 $ 30 cent", "10.3", "USD", "exact")]),
    ("en", "Women aged over 55, children under 18, kids under five and people aged 18-45 earn under 50 dollars.",
     [("under 50 dollars", "50", "USD", "less_than")]),
    ("en", "Over 500 people, more than 40 percent, were aged 30.", [("Over 500 people", "500", "people", "more_than"),
                                                                    ("more than 40 percent", "40", "%", "more_than")]),
    ("ko", "연간 3천만 미터톤 이상의 광석과 6.5 MN의 손실.",
     [("3천만 미터톤 이상", "30000000", "tonnes", "at_least"), ("6.5 MN", "6500000", None, "exact")]),
    # seen on QuanTemp claims outside the gold sample (its test split) and finance rows outside it
    ("en", "They earn $2 a day, 3 percent a year, eight hours a day, twice a year; it took a year.",
     [("$2", "2", "USD", "exact"), ("3 percent", "3", "%", "exact"), ("eight hours", "8", "hours", "exact"),
      ("twice", "2", "x", "exact"), ("a year", "1", "years", "exact")]),
    ("en", "Americans 65 and older, adults 18 or older and people 50 and over pay orders of $50 and over.",
     [("$50", "50", "USD", "exact")]),
    ("en", "A total of EUR 7,8 million, 56,1 % of shares; one-off items, one-time costs; "
           "a seven-story office, 1,000 people.",
     [("A total of EUR 7,8 million", "7800000", "EUR", "exact"), ("56,1 %", "56.1", "%", "exact"),
      ("seven", "7", None, "exact"), ("1,000 people", "1000", "people", "exact")]),
    ("en", "Kenya may lose about KSh10 billion; fuel costs Ksh 146.5.",
     [("about KSh10 billion", "10000000000", "KES", "approx"), ("Ksh 146.5", "146.5", "KES", "exact")]),
    ("ko", "영업이익은 33mln에서 41mln유로로, 매출은 2.7mln 유로, 지분은 3.8pct와 24.2 pct였다.",
     [("33mln", "33000000", None, "exact"), ("41mln유로", "41000000", "EUR", "exact"),
      ("2.7mln 유로", "2700000", "EUR", "exact"), ("3.8pct", "3.8", "%", "exact"), ("24.2 pct", "24.2", "%", "exact")]),
    ("ko", "지수는 1.43% 오른 1,138.84포인트로 마감했고 금리는 0.25%포인트 올랐다.",
     [("1.43%", "1.43", "%", "exact"), ("1,138.84포인트", "1138.84", "points", "exact"),
      ("0.25%포인트", "0.25", "pp", "exact")]),
    ("ko", "196번 도로 192번가에서 15번째로 3번 만났고 매출은 3배 늘었다.",   # 3번 a count of events (dev-5)
     [("3배", "3", "x", "exact")]),
    # the English dev-2 misses (QuanTemp's test claims), on sentences written here
    ("en", "The 35-Year-Old Man, a 45-year-old and everyone over 50 years of age; 60% voted.",
     [("60%", "60", "%", "exact")]),
    ("en", "Call 9876543210 or dial +44 7700900123; the helpline took 1,250 calls.",
     [("1,250 calls", "1250", "calls", "exact")]),
    ("en", "Scores for K-12 and k-8 pupils fell; a coin from 79 A.D. or AD 410 sold for $5,000.",
     [("$5,000", "5000", "USD", "exact")]),
    ("en", "Output rose between 2006 and 2011, in 1998-2003 and from 2014 to 2018 by 40%.",
     [("2006", None, None, "exact"), ("2011", None, None, "exact"), ("1998", None, None, "exact"),
      ("2003", None, None, "exact"), ("2014", None, None, "exact"), ("2018", None, None, "exact"),
      ("40%", "40", "%", "exact")]),
    ("en", "A three-eyed god and a two-headed calf; a seven-story office.", [("seven", "7", None, "exact")]),
    ("en", "About 300 Texans and two million Nigerians left; half-a-dozen farms closed.",
     [("About 300 Texans", "300", "Texans", "approx"), ("two million Nigerians", "2000000", "Nigerians", "exact"),
      ("half-a-dozen farms", "6", "farms", "exact")]),
    ("en", "Kenya spends Ksh38 billion; a wage of R60,000 or N25,750 and R1.3 trillion; an R2 or N95 is a name.",
     [("Ksh38 billion", "38000000000", "KES", "exact"), ("R60,000", "60000", "ZAR", "exact"),
      ("N25,750", "25750", "NGN", "exact"), ("R1.3 trillion", "1300000000000", "ZAR", "exact")]),
    ("en", "Five firms, one of which failed, employ 200 staff.",
     [("Five firms", "5", "companies", "exact"), ("200 staff", "200", "people", "exact")]),
    # the second English pass (issue 21, item 8): counted nouns, currencies, hedges and rates, on sentences written here
    ("en", "Some 89,000 children, 200 women and five men left; 39 missing children and 10 menus stayed.",
     [("Some 89,000 children", "89000", "children", "approx"), ("200 women", "200", "women", "exact"),
      ("five men", "5", "men", "exact"), ("39", "39", None, "exact"), ("10", "10", None, "exact")]),
    ("en", "It invested EURO 70mn, a loss of euro18 .6 million, between Euro 2 and 3 million; "
           "Euro 2016 was played and the euro 1.5% higher.",
     [("EURO 70mn", "70000000", "EUR", "exact"), ("euro18 .6 million", "18600000", "EUR", "exact"),
      ("between Euro 2 and 3 million", None, "EUR", "range"), ("2016", None, None, "exact"),
      ("1.5%", "1.5", "%", "exact")]),
    ("en", "The port pays EEK 400mn and adds 0.42 kroons to a litre.",
     [("EEK 400mn", "400000000", "EEK", "exact"), ("0.42 kroons", "0.42", "EEK", "exact")]),
    ("en", "Output is in excess of an average of 40,000 tonnes per day.",
     [("in excess of an average of 40,000 tonnes", "40000", "tonnes", "more_than")]),
    ("en", "Over 10 years, the cut would cost less. Sales rose over 10 years; over 5 years ago they fell.",
     [("10 years", "10", "years", "exact"), ("over 10 years", "10", "years", "more_than"),
      ("over 5 years", "5", "years", "more_than")]),
    ("en", "It pumps 260,000 barrels a day and saves 1-2 mln eur a year; he served 3 years. A year later he left.",
     [("260,000 barrels", "260000", "barrels", "exact"), ("1-2 mln eur", None, "EUR", "range"),
      ("3 years", "3", "years", "exact"), ("A year", "1", "years", "exact")]),
    ("en", "Some 20 or so people, half-a-dozen or more schools and five or more years; it had 6 or more.",
     [("Some 20 or so people", "20", "people", "approx"), ("half-a-dozen or more schools", "6", "schools", "at_least"),
      ("five or more years", "5", "years", "at_least"), ("6 or more", "6", None, "at_least")]),
    # what the snapshot of the reference corpus showed going wrong on the way (each a silent wrong value)
    ("en", "They never labeled Meek one of them; it pays 30 MUSD, LVL 2,5 million EEK 40 million.",
     [("30 MUSD", "30000000", "USD", "exact"), ("LVL 2,5 million", "2500000", "LVL", "exact"),
      ("EEK 40 million", "40000000", "EEK", "exact")]),
    ("en", "He was talking about an average of 80 percent of 30mn new shares in one or more share issues.",
     [("80 percent", "80", "%", "exact"), ("30mn", "30000000", None, "exact"), ("one or more", "1", None, "at_least")]),
    ("en", "Offices on the two top storeys of the four major labels.", [("four", "4", None, "exact")]),   # the two: a pair
    # names, windows and ranks that are no quantities
    ("en", "In 2022-23 and the 2019-20 season, section 5 and Article 7 applied to Asteroid 52768 and patent "
           "no. 7,804,288 at 2.13 am, 3.15 pm and 2.17pm; 12 staff stayed.",
     [("2022", None, None, "exact"), ("2019", None, None, "exact"), ("12 staff", "12", "people", "exact")]),
    ("en", "Net sales for the six-month period and Seven-month sales rose 4%; a 10-month delay, a five-year deal.",
     [("4%", "4", "%", "exact"), ("10-month", "10", "months", "exact"), ("five-year", "5", "years", "exact")]),
    ("en", "The five largest brands, one of 82 groups, and one of the five firms; the top 10 and 5 largest.",
     [("82 groups", "82", "groups", "exact"), ("five firms", "5", "companies", "exact"), ("5", "5", None, "exact")]),
    ("en", "He said 5 percent. Die Ministerin habe bisher etwa 1.500 Euro und nicht mehr gezahlt. Then 7 people left; "
           "Ursula von der Leyen cut 3 jobs.",
     [("5 percent", "5", "%", "exact"), ("7 people", "7", "people", "exact"), ("3 jobs", "3", "jobs", "exact")]),
    # Korean misses of the finance dev halves (dev and dev-2) and of the last session, as general rules
    ("ko", "주당순이익은 0.33유로 대 0.27유로였고 유가는 90달러 대에 머물렀다.",     # 대 between amounts: versus
     [("0.33유로", "0.33", "EUR", "exact"), ("0.27유로", "0.27", "EUR", "exact"), ("90달러 대", "90", "USD", "decade")]),
    ("ko", "박람회는 3월 4일부터 7일까지, 개막식은 오후 6시 30분에 열린다.",         # a range of days, a clock time
     [("3월 4일", None, None, "exact")]),
    ("ko", "배당은 주당 유로 1.25로, 이익은 달러 3.5mln으로 유로 2024 대회 전에 정해졌다.",   # the currency first
     [("유로 1.25", "1.25", "EUR", "exact"), ("달러 3.5mln", "3500000", "USD", "exact"), ("2024", None, None, "exact")]),
    ("ko", "이모(41)씨와 B씨(37)는 제3의 공장과 제12조를 두고 다퉜다.", []),        # ages, an ordinal, an article
    ("ko", "유조선은 하루 12만 배럴, 평균 3,400만ℓ를 싣고 8,500 평방 미터 부두에 섰다.",
     [("12만 배럴", "120000", "barrels", "exact"), ("3,400만ℓ", "34000000", "litres", "exact"),
      ("8,500 평방 미터", "8500", "square metres", "exact")]),
    ("ko", "첫 6개월간의 순이익은 1년 전 같은 기간보다 늘었고, 향후 5년간 3~4mln유로를 투자한다.",
     [("3~4mln유로", None, "EUR", "range")]),   # 5년간 is the span of that figure (period_spans)
    ("ko", "휘발유 1리터에 1.5크로온, 상위 5대 브랜드가 시장을 나눴다.", [("1.5크로온", "1.5", "EEK", "exact")]),
    # Korean misses of the finance dev-2 half and of the snapshot, as general rules (issue 21, item 8)
    ("ko", "이 회사는 40여 개국 300여 고객과 1만 가입자에게, 100여 업체를 거쳐 판매한다.",   # counted with no counter
     [("40여 개국", "40", "countries", "approx"), ("300여 고객", "300", "customers", "approx"),
      ("1만 가입자", "10000", "subscribers", "exact"), ("100여 업체", "100", "companies", "approx")]),
    ("ko", "두 회사는 한 회의에서 두 원자로와 두 프로젝트, 두 주주를 논의했다.", []),   # counters opening other words
    ("ko", "공장은 석회와 가스 세척 설비를 차세대 장비와 세대 교체했고 억만장자가 만장일치로 샀다.", []),
    ("ko", "두 개의 공장, 세 명씩 두 배가량, 이번 건수는 두 건입니다.",
     [("두 개", "2", "items", "exact"), ("세 명", "3", "people", "exact"), ("두 배가량", "2", "x", "approx"),
      ("두 건", "2", "cases", "exact")]),
    ("ko", "사업장을 한 곳에 모았고, 다시 한번 동료 중 한 명이 공장 두 곳을 맡았다.",   # idioms with 한
     [("두 곳", "2", "places", "exact")]),
    ("ko", "30대 여성과 20대 후반, 50대 50 합작사가 크레인 10대를 샀다.",
     [("50", "50", None, "exact"), ("10대", "10", "units", "exact")]),
    ("ko", "아이폰 15와 윈도우 7, 시티24 이용자는 1년 전보다 5% 늘어 3주 전에 발표됐다.", [("5%", "5", "%", "exact")]),
    ("ko", "배출량은 1995년부터 2015년까지, 2006~2009년 사이 1~2년마다 줄었다.",   # calendar years, no span of them
     [("1995년", None, None, "exact"), ("2015년", None, None, "exact"), ("2006", None, None, "exact"),
      ("2009년", None, None, "exact"), ("1~2년", None, "years", "range")]),
    ("ko", "직원은 6개 대륙에 있고 800 MHz 대역을 쓰며 금리는 4%대로 내렸다.",   # 대 of a word: no decade
     [("6개", "6", "items", "exact"), ("800 MHz", "800", "megahertz", "exact"), ("4%대", "4", "%", "decade")]),
    ("ko", "그룹의 구조 개편으로 2001 주식선택권과 10주차 판매가 늘고 1주당 500원, 1,000주씩 나눴다.",
     [("2001", None, None, "exact"), ("500원", "500", "KRW", "exact"), ("1,000주", "1000", "shares", "exact")]),
    ("ko", "EPS는 유로0.3에서 약 유로2.5m로 늘었다.",                                 # the currency glued first
     [("유로0.3", "0.3", "EUR", "exact"), ("약 유로2.5m", "2500000", "EUR", "approx")]),
    # Korean misses of the finance dev-3 draw, as general rules (issue 21, item 8)
    ("ko", "음료는 250밀리리터 병에 담겨 유로4.5m, 미화 5.9m에 팔렸고 미화원 3명이 일했다.",   # 미화: US money, before only
     [("250밀리리터", "250", "millilitres", "exact"), ("유로4.5m", "4500000", "EUR", "exact"),
      ("미화 5.9m", "5900000", "USD", "exact"), ("3명", "3", "people", "exact")]),
    ("ko", "공장은 3월부터 약 8주간 120명을 쉬게 하고, 그는 약 5년간 근무했다.",   # an about-span of another figure
     [("3월", None, None, "exact"), ("120명", "120", "people", "exact"), ("약 5년간", "5", "years", "approx")]),
    ("ko", "인구 10만 명당 25.2명, 300개당 80만 유로였고 사망자는 100명에 달했다.",   # the base of a rate (당, not 에)
     [("25.2명", "25.2", "people", "exact"), ("80만 유로", "800000", "EUR", "exact"), ("100명", "100", "people", "exact")]),
    ("ko", "가장 많이 팔리는 30개 제품과 그 중 가장 큰 두 곳, 제일 좋은 5개 은행이 역대 가장 많은 300명을 뽑았다.",
     [("300명", "300", "people", "exact")]),                                          # ranked groups, a ranked count
    ("ko", "코스피 200 지수와 OMX 노르딕 40 지수는 2.5% 올랐다.", [("2.5%", "2.5", "%", "exact")]),   # index names
    # issue 21's Korean leftovers: a model number after a Latin name and a particle, or after a handset maker
    ("ko", "Office Suite 12는 노키아 6300과 모토로라 1100의 판매를 30만 대 늘렸다.",
     [("30만 대", "300000", "units", "exact")]),
    # seen on finance rows outside the sample: an ISO code after the amount with a particle glued to it
    # (not the code of the next amount), cubic metres, a calendar year before 동안
    ("ko", "매출은 총 52.4 EUR로, 이익은 약 3 MEUR였고 인수가는 61m USD80.5m였다.",
     [("총 52.4 EUR", "52.4", "EUR", "exact"), ("약 3 MEUR", "3000000", "EUR", "approx"),
      ("61m", "61000000", None, "exact"), ("USD80.5m", "80500000", "USD", "exact")]),
    ("ko", "500~800㎥ 탱크와 20세제곱미터 용기를 2011년 동안 납품하고, 지난 1900년 동안의 기록을 보관한다.",
     [("500~800㎥", None, "cubic metres", "range"), ("20세제곱미터", "20", "cubic metres", "exact"),
      ("2011년", None, None, "exact"), ("1900년 동안", "1900", "years", "exact")]),
    # the English dev-3 misses (finance English rows, QuanTemp test claims), as general rules on sentences written here
    ("en", "The fair took place 1812, the town was founded in 1799 and not built until 1850; in 1500 schools it rained.",
     [("1812", None, None, "exact"), ("1799", None, None, "exact"), ("1850", None, None, "exact"),
      ("1500 schools", "1500", "schools", "exact")]),
    ("en", "Fees for the 2023/24 school year, out in week 12 of 2024, rose 3%; version 1.4.2 and build 2021.3.7.1 too.",
     [("2023", None, None, "exact"), ("2024", None, None, "exact"), ("3%", "3", "%", "exact")]),
    ("en", "Men not more than 5 years older, not less than 30 percent, close on 900 cars, near 12,000 bears, ~$40k.",
     [("not more than 5 years", "5", "years", "at_most"), ("not less than 30 percent", "30", "%", "at_least"),
      ("close on 900 cars", "900", "vehicles", "nearly"), ("near 12,000 bears", "12000", "bears", "approx"),
      ("~$40k", "40000", "USD", "approx")]),
    ("en", "Rates near 2019 levels; about 2016 election results; it lost 40%+ of its staff.",
     [("2019", None, None, "exact"), ("2016", None, None, "exact"), ("40%+", "40", "%", "more_than")]),
    ("en", "Insurers charge people 60 and over three times more; data grew eight-fold to 90,000 by 2012.",
     [("three times", "3", "x", "exact"), ("eight-fold", "8", "x", "exact"), ("90,000", "90000", None, "exact"),
      ("2012", None, None, "exact")]),
    ("en", "They bought 40 ATMs and 300 farms to house staff, a 250-millilitre can, 80 Km and 12 TB; not one bank paid.",
     [("40 ATMs", "40", "ATMs", "exact"), ("300 farms", "300", "farms", "exact"),
      ("250-millilitre", "250", "millilitres", "exact"), ("80 Km", "80", "kilometres", "exact"),
      ("12 TB", "12", "terabytes", "exact")]),
    ("en", "It raised $7mmm and EUR 3.5n, then $2m.", [("$2m", "2000000", "USD", "exact")]),   # a glued letter: no scale
    ("en", "Adults with at least one vaccine shot or at least one dose; all four of them won at least one seat.",
     [("at least one", "1", None, "at_least")]),
    ("en", "STOCK EXCHANGE ANNOUNCEMENT 20 July 2006 1 ( 1 ) Sales rose 3 % on 2 ( 4 ) sites.",   # page 1 of 1
     [("20 July 2006", None, None, "exact"), ("3 %", "3", "%", "exact"), ("2", "2", None, "exact"),
      ("4", "4", None, "exact")]),
    ("en", "The post was shared 768 times and viewed over 2 million times; by October, 2010 and over 9,200 stores, "
           "nowhere near 75% of them.",
     [("2010", None, None, "exact"), ("over 9,200 stores", "9200", "stores", "more_than"), ("75%", "75", "%", "exact")]),
    # the English dev-4 misses (finance English rows, QuanTemp test claims), as general rules on sentences written here
    ("en", "As many as 300 nurses quit and she earns as much as P45,500, twice as much as $5,000; 3.2 million lats.",
     [("As many as 300 nurses", "300", "nurses", "at_most"), ("as much as P45,500", "45500", "PHP", "at_most"),
      ("twice", "2", "x", "exact"), ("$5,000", "5000", "USD", "exact"), ("3.2 million lats", "3200000", "LVL", "exact")]),
    ("en", "The club lost about $2 million-plus a year, a 40pc drop, after 30-plus years; it paid more than pounds 400m "
           "and dollars 2bn, not pounds 340.",
     [("about $2 million-plus", "2000000", "USD", "more_than"), ("40pc", "40", "%", "exact"),
      ("30-plus years", "30", "years", "more_than"), ("more than pounds 400m", "400000000", "GBP", "more_than"),
      ("dollars 2bn", "2000000000", "USD", "exact"), ("340", "340", None, "exact")]),
    ("en", "A 3 mm gap, 5 micro litres, one-half metric ton, a 600,000 mt plant and a 15 gallon drum.",
     [("3 mm", "3", "millimetres", "exact"), ("5 micro litres", "5", "microlitres", "exact"),
      ("one-half metric ton", "0.5", "tonnes", "exact"), ("600,000 mt", "600000", "tonnes", "exact"),
      ("15 gallon", "15", "gallons", "exact")]),
    ("en", "Did 40 Nurses Quit? Police Say 12 Officers Stayed",   # a headline's capitals: common nouns
     [("40 Nurses", "40", "nurses", "exact"), ("12 Officers", "12", "officers", "exact")]),
    ("en", "Pay rose $3,000 plus $1,000 under eight years of Obama, 2 1/2 years after the vote; in under 3 years of "
           "work it fell, then turned around 10 days later.",
     [("$3,000", "3000", "USD", "exact"), ("$1,000", "1000", "USD", "exact"), ("eight years", "8", "years", "exact"),
      ("2 1/2 years", "2.5", "years", "exact"), ("under 3 years", "3", "years", "less_than"),
      ("10 days", "10", "days", "exact")]),
    ("en", "Some 9-year-olds were told at 12 noon that Public Law 101-336 passed; 40 wolves vanished between 1850 "
           "and 2000, up from 1500.",
     [("40 wolves", "40", "wolves", "exact"), ("1850", None, None, "exact"), ("2000", None, None, "exact"),
      ("1500", "1500", "wolves", "exact")]),
    # a glued or spaced "m": metres by a length word, refused where it may be metres or millions, money by a currency
    ("en", "A wall with a width of 2.5 m, a 6.25m tower, a 40m-high mast, a €3m grant and a speed of 600 m-min.",
     [("2.5 m", "2.5", "metres", "exact"), ("40m", "40", "metres", "exact"), ("a €3m", "3000000", "EUR", "exact")]),
    # a glued "p" is pence (or a resolution), no bare number; a copyright notice's year is no date of the story
    ("en", "Copyright 2021 Example News. A loaf is 89p, up 4%, and 1080p screens sell for £99.",
     [("4%", "4", "%", "exact"), ("£99", "99", "GBP", "exact")]),
    # a headline's capitalised function word or hedge before digits names no model; "in last 3 months" is a window
    ("en", "Report Says The 40 Missing Files Held Only 2 Names; 31 Chinese workers quit in last 3 months.",
     [("40", "40", None, "exact"), ("Only 2", "2", None, "exact"), ("31", "31", None, "exact")]),
    # a count of events may be hedged ("paid more than 3 times"); members of a party, a fact-check's rating
    ("en", "She was fined 5 times in May and paid more than 3 times; prices rose more than 3 times; nine "
           "Democrats got three Pinocchios.",
     [("more than 3 times", "3", "x", "more_than"), ("nine Democrats", "9", "Democrats", "exact"),
      ("three Pinocchios", "3", "Pinocchios", "exact")]),
    # the next amount's code hyphenated to a million; one member of an owner's group
    ("en", "It paid SEK 90 million ( USD 12.5 m-EUR 9.6 m ) and is one of Acme s 15 plants.",
     [("SEK 90 million", "90000000", "SEK", "exact"), ("USD 12.5 m", "12500000", "USD", "exact"),
      ("EUR 9.6 m", "9600000", "EUR", "exact"), ("15 plants", "15", "plants", "exact")]),
    # the English dev-5 misses (finance English rows, QuanTemp test claims), as general rules on sentences written here
    ("en", "The last one failed, and the one true cause was cost; that one plant closed and each one of them left.",
     [("one", "1", None, "exact")]),   # a determiner makes one a pronoun; "that" may be a conjunction
    ("en", "During the two times rates were cut it voted six separate times; the two times higher rate stayed.",
     [("two times", "2", "x", "exact")]),   # occasions, not multiples; a comparative keeps the multiple
    ("en", "The K to 12 schools and K through 8 classes hired 40 teachers.", [("40 teachers", "40", "teachers", "exact")]),
    ("en", "It went from 22nd to 9 and is in the top 10; the last three mayors and the past 5 managers hired 30 staff.",
     [("30 staff", "30", "people", "exact")]),   # a rank, a ranked group and windows of the latest ones
    ("en", "Talks between the two firms and the two-mile line went on; the two miles of road cost $4m.",
     [("two", "2", None, "exact"), ("two miles", "2", "miles", "exact"), ("$4m", "4000000", "USD", "exact")]),
    ("en", "They pumped “900,000” barrels of oil a day, not 'nearly a million' Albanians; a 14\" pipe, a 6' plank.",
     [("900,000” barrels", "900000", "barrels", "exact"), ("nearly a million' Albanians", "1000000", "Albanians",
                                                            "nearly"), ("14", "14", None, "exact"), ("6", "6", None, "exact")]),
    ("en", "A 16MP camera and a 5 MP sensor; 12 MPs voted.",
     [("16MP", "16", "megapixels", "exact"), ("5 MP", "5", "megapixels", "exact"), ("12 MPs", "12", "MPs", "exact")]),
    ("en", 'He called it the "one true plan"; RELEASE 14.05.2009 klo 10.30 1 ( 1 ) Sales rose 3 % to EUR 2m by '
           '2.6.2009 at 9.15, and in 2009 at 10.30 euros a share.',   # a dotted date's day and month, a release's clock
     [("2009", None, None, "exact"), ("3 %", "3", "%", "exact"), ("EUR 2m", "2000000", "EUR", "exact"),
      ("2009", None, None, "exact"), ("2009", None, None, "exact"), ("10.30 euros", "10.3", "EUR", "exact")]),
    ("en", "He said he heard 400 [thousand], then 2.5 [million] and 5 [sic] or 7 [thousand.",   # an editor's scale word
     [("400 [thousand]", "400000", None, "exact"), ("2.5 [million]", "2500000", None, "exact"), ("5", "5", None, "exact"),
      ("7", "7", None, "exact")]),
    ("en", "Target : Acme Oy Deal size in EUR : 45.5 m Type : Merger; it sold USD : 3 of them.",   # a table's currency field
     [("EUR : 45.5 m", "45500000", "EUR", "exact"), ("3", "3", None, "exact")]),
    # the euro sign written out by the finance corpus's export (x20ac, U+20AC), bracketed or not; x86 stays a name
    ("en", "Shares fell to  x20ac 12.40 US$ 16.10, and sales to (  x20ac ) 2.5 billion; an x86 chip.",
     [("x20ac 12.40", "12.4", "EUR", "exact"), ("US$ 16.10", "16.1", "USD", "exact"),
      ("x20ac ) 2.5 billion", "2500000000", "EUR", "exact")]),
    ("ko", "이익은 x20ac 5,000만이었다.", [("x20ac 5,000만", "50000000", "EUR", "exact")]),   # not EUR 20 nor EUR 5,000
    # Korean misses of the finance dev-4 draw (rows 1064, 2630, 3095, 3399, 3619, 4209, 4404), as general rules
    ("ko", "주문액은 EUR 2,500만 유로가 넘습니다. 수출은 30억 달러를 웃돌았습니다.",   # polite hedge verbs; EUR … 유로
     [("EUR 2,500만 유로가 넘습니다", "25000000", "EUR", "more_than"),
      ("30억 달러를 웃돌았습니다", "3000000000", "USD", "more_than")]),
    ("ko", "순익은 312만 5천 라트였고 라트비아의 두 은행이 참여했다.",   # the lats; 라트비아 is the country
     [("312만 5천 라트", "3125000", "LVL", "exact")]),
    ("ko", "용량은 0.5마이크로리터, 두께는 3mm와 12밀리미터, 생산량은 연 20만 mt이다. 매출은 8mm 유로였다.",
     [("0.5마이크로리터", "0.5", "microlitres", "exact"), ("3mm", "3", "millimetres", "exact"),
      ("12밀리미터", "12", "millimetres", "exact"), ("20만 mt", "200000", "tonnes", "exact")]),
    ("ko", "세 사람을 만났는데 그 중 한 명은 남고 다른 한 명은 떠났다.", []),   # one of them, another of them
    ("ko", "회사의 3·4분기 순이익은 42.1m, 4ㆍ4분기에는 40.2m였다.",   # a quarter written with a middle dot
     [("42.1m", "42100000", None, "exact"), ("40.2m", "40200000", None, "exact")]),
    # left from finance dev-3 (rows 67, 3089): a Korean release header's page count, basis points
    ("ko", "2011년 3월 2일 증권거래소 발표 1 ( 2) 한빛은 금리를 25bp 올렸고 가산금리는 리보+130bps이다.",
     [("2011년 3월 2일", None, None, "exact"), ("25bp", "25", "basis points", "exact"),
      ("130bps", "130", "basis points", "exact")]),
    # seen on finance rows outside the samples: Latin abbreviations glued to a particle, cm, basis points in
    # Hangul, an adverb of degree before a hedge verb
    ("ko", "지분 40PCT도 사들여 성장률은 15ppt로 안내했고, 폭은 30cm가 조금 넘으며 금리는 35 베이시스 포인트 올랐다.",
     [("40PCT", "40", "%", "exact"), ("15ppt", "15", "pp", "exact"),
      ("30cm가 조금 넘으며", "30", "centimetres", "more_than"), ("35 베이시스 포인트", "35", "basis points", "exact")]),
    ("ko", "오전 9.42시 지수는 1,234.5pt로 12pc 올랐고, 매출은 2300만 캐드, 주가는 오후 3.15에 41.5펜스였다.",   # clock, pence
     [("1,234.5pt", "1234.5", "points", "exact"), ("12pc", "12", "%", "exact"),
      ("2300만 캐드", "23000000", "CAD", "exact")]),
    # Korean misses of the finance dev-5 draw, as general rules
    ("ko", "종가는 12달러 40.5센트였다.",   # cents written with decimals: not the dollars alone
     [("12달러 40.5센트", "12.405", "USD", "exact")]),
    ("ko", "순익은 52,300Ls로 늘었고 매출은 12 Lsx, 이익은 9만 Ls 8만이었다.",   # the lats' sign after the amount;
     [("52,300Ls", "52300", "LVL", "exact"), ("12", "12", None, "exact"),   # not a longer word, nor the next
      ("9만", "90000", None, "exact"), ("8만", "80000", None, "exact")]),    # amount's sign
    ("ko", "이 카메라는 24 MP, 구형은 16MP였다.",   # a camera's megapixels
     [("24 MP", "24", "megapixels", "exact"), ("16MP", "16", "megapixels", "exact")]),
    ("ko", "공사는 세 번의 단계로 나뉘고 위원회는 10번 넘게 열렸으며 매출은 두 배 늘었다.",   # counts of events (번),
     [("두 배", "2", "x", "exact")]),                                                   # not the multiple 배
    ("ko", "선박의 약 40%가 20년 이상 된 것이며 회사는 설립 3년이 됐다.",   # an age names the group; a span stays
     [("약 40%", "40", "%", "approx"), ("3년", "3", "years", "exact")]),
    ("ko", "노바 3 프로젝트와 알파 120 모델, 그 4.2 버전에 3개 모델이 더해진다.",   # a name's number; a count has 개
     [("3개", "3", "items", "exact")]),
    ("ko", "한빛 증권거래소 발표 14.05.2009 klo 10.30 1 ( 1) 매출은 5.3% 늘었다. 총회는 02-03.06.2009에 열린다.",
     [("2009", None, None, "exact"), ("5.3%", "5.3", "%", "exact"), ("2009", None, None, "exact")]),   # the day
    # and month of a date written with dots, a Finnish clock time: no figures; the year stays a date
    # seen on a finance row outside the samples: a verb of change right after B makes A에서 B two values
    ("ko", "주당순이익은 0.12유로에서 0.19유로 증가했고 목표가는 3만 원에서 5만 원 사이다.",
     [("0.12유로", "0.12", "EUR", "exact"), ("0.19유로", "0.19", "EUR", "exact"),
      ("3만 원에서 5만 원 사이", None, "KRW", "range")]),
    ("ko", "순익은 120만 유로에서 340만 유로(USD 4.4m)로 늘었고, 목표는 3만 원에서 5만 원(추정) 사이다.",   # an aside
     [("120만 유로", "1200000", "EUR", "exact"), ("340만 유로", "3400000", "EUR", "exact"),   # after B
      ("USD 4.4m", "4400000", "USD", "exact"), ("3만 원에서 5만 원", None, "KRW", "range")]),
    ("ko", "그 회사는 Rs25 크로어를 투자하고 ₹ 1.5 크로르에 공장을 샀다.",   # crore in Hangul: not 25 rupees
     [("Rs25 크로어", "250000000", "INR", "exact"), ("₹ 1.5 크로르", "15000000", "INR", "exact")]),
    ("ko", "금액은 NOK10m에서 NOK20m 사이로 추정되며 이익은 EUR 5.1mn에서 6.2mn으로 늘었다.",   # two amounts
     [("NOK10m에서 NOK20m 사이", None, "NOK", "range"), ("EUR 5.1mn", "5100000", "EUR", "exact"),   # with units, a
      ("6.2mn", "6200000", None, "exact")]),                  # range; a bare end keeps no unit lent to it
    ("ko", "주가는 유로 8.15달러, 목표가는 EUR 9달러였고 대출은 3억 유로 4억 달러, 손실은 LVL 5,000 유로 7,100였다.",
     [("3억 유로", "300000000", "EUR", "exact"), ("4억 달러", "400000000", "USD", "exact"),   # two currencies on
      ("LVL 5,000", "5000", "LVL", "exact"), ("유로 7,100", "7100", "EUR", "exact")]),   # one amount: refused
]


def test_broken_digit_grouping_is_refused_with_its_reason() -> None:
    """1,0000 may be 1 and 0000 or 10000: no reading is sure, so none is made, and the negative says
    why; well-formed groups (1,000,000; the Indian 1,00,000) still read."""
    from checker.extraction import numbers
    for text in ("매출은 1,0000원이다.", "12,3456명이 왔다.", "Sales were EUR 1,000,00 in 2009.",
                 "자본금은 412573,118.50유로이다."):   # not 412573 and 118.50 euros
        quantities, negatives = numbers(text, "ko" if not text.isascii() else "en")
        assert [q for q in quantities if q.kind.value != "date"] == [], text
        assert [n.reason for n in negatives] == ["digits with broken grouping (1,0000, 1,000,00)"], text
    assert [q.value for q in numbers("1,000,000원과 1,00,000원", "ko")[0]] == [1000000, 100000]


def test_two_groups_of_one_korean_scale_are_refused_with_their_reason() -> None:
    """"4321만 2650만 원" may be one number or two: a scale closes its group once (5억 3000만 is one), so none is
    read (finance dev-5 row 3475); a bigger scale before a smaller one still reads."""
    from checker.extraction import numbers
    quantities, negatives = numbers("순익은 4321만 2650만 원, 부채는 3억 2억 달러였다.", "ko")
    assert quantities == []
    assert [(n.start, n.end) for n in negatives] == [(4, 15), (23, 28)]
    assert {n.reason for n in negatives} == {"two amounts of one Korean scale run together (5777만 1110만)"}
    assert [q.value for q in numbers("5억 3000만 원과 1억 3천 5백만 유로", "ko")[0]] == [530000000, 135000000]


@pytest.mark.parametrize("language,text,expected", DEV_FIXES, ids=[case[1][:30] for case in DEV_FIXES])
def test_dev_misses_read_right(language: str, text: str, expected: list) -> None:
    from checker.extraction import numbers
    found = [(q.text, None if q.value is None else f1._plain(q.value), q.unit, q.qualifier.value)
             for q in numbers(text, language)[0]]
    assert found == expected
