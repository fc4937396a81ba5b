"""Korean drafts that were silently wrong or junk (issue 21, ko4), each on a sentence written here.

A glued "m" is metres next to a length word (높이 6.25m, 6.25m tall) and millions elsewhere (the
finance reading); "스폰다는 12일 … 내놨다" is the 12th; "3세대 제품" a generation, not households;
"1가구 1주택" the name of a rule; "3일째" three days counted; a day inside last month lends no period
to a statistic; a quote opens after a wire's dateline and byline. Then (ko5): two days of the month joined
("21일 … 과 23일 …") are dates, the day a statistic came out is not its period, "24시간 7일" and "주 5일
근무제" claim no span, "1~8위" is a range of ranks, "200일선" a moving average, "세계 3대" and
"2대 주주" a top group and a rank, "14장 21절" a chapter.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker import extract
from checker.extraction import numbers
from checker.extraction.draft import claims
from checker.quantities.model import Kind

PUBLISHED = "2022-06-13"


def _read(text: str, language: str = "ko") -> list[tuple[str, str, str | None, Decimal | None]]:
    """``(text, kind, unit, value)`` of every quantity kept in ``text``."""
    found, _ = numbers(text, language)
    return [(q.text, q.kind.value, q.unit, q.value) for q in found]


def _refused(text: str, language: str = "ko") -> dict[str, str]:
    """The reason each refused number of ``text`` was refused, by its text."""
    _, refused = numbers(text, language)
    return {text[n.start:n.end]: n.reason for n in refused}


@pytest.mark.parametrize("text,language,value", [
    ("높이 6.25m의 탑을 세웠다.", "ko", "6.25"),
    ("그 탑의 높이는 약 30m다.", "ko", "30"),
    ("키가 1.9m인 선수가 뛰었다.", "ko", "1.9"),
    ("강의 수심 12m 지점에서 찾았다.", "ko", "12"),
    ("2.5m 높이의 담장을 쌓았다.", "ko", "2.5"),
    ("The new mast is 6.25m tall.", "en", "6.25"),
    ("They built a 40m-long bridge.", "en", "40"),
    ("The hull has a length of 185m.", "en", "185"),
])
def test_a_glued_m_next_to_a_length_word_is_metres(text: str, language: str, value: str) -> None:
    assert [(kind, unit, amount) for _, kind, unit, amount in _read(text, language)] == [
        ("count", "metres", Decimal(value))]


@pytest.mark.parametrize("text,language,values", [
    ("패널 크기를 2.4m x 1.2m로 늘렸다.", "ko", ["2.4", "1.2"]),
    ("sheets of 3m x 1.5m", "en", ["3", "1.5"]),
])
def test_the_sides_of_a_size_are_metres(text: str, language: str, values: list[str]) -> None:
    assert [(unit, amount) for _, _, unit, amount in _read(text, language)] == [
        ("metres", Decimal(value)) for value in values]


def test_a_currency_before_the_digits_keeps_a_glued_m_money() -> None:
    assert ("EUR4m", "money", "EUR", Decimal(4_000_000)) in _read("It costs EUR4m x 2 a year.", "en")


@pytest.mark.parametrize("text,value,unit", [
    ("세전 이익은 마이너스 12.4 mn이었다.", "-12400000", None),
    ("현금 흐름은 마이너스 3.5mn 유로였다.", "-3500000", "EUR"),
    ("순이익은 마이너스 1.2 bn으로 돌아섰다.", "-1200000000", None),
])
def test_a_minus_word_keeps_the_english_scale_after_it(text: str, value: str, unit: str | None) -> None:
    """"마이너스 12.4 mn" was -12.4: the Korean numerals read the minus and the digits, not "mn"."""
    assert [(amount, kind_unit) for _, _, kind_unit, amount in _read(text)] == [(Decimal(value), unit)]


@pytest.mark.parametrize("text,language", [
    ("그 회사의 순매출액은 48.2m를 기록했다.", "ko"),   # finance drops the currency: millions
    ("상승폭 2.5m를 기록했다.", "ko"),                  # 폭 inside 상승폭 is no width
    ("매출을 3m 높이고 비용을 줄였다.", "ko"),          # 높이고 is "raising"
    ("Sales were 3m in the year.", "en"),
])
def test_a_glued_m_without_a_length_word_stays_a_million(text: str, language: str) -> None:
    values = [amount for _, _, unit, amount in _read(text, language) if unit != "metres"]
    assert values and values[0] >= 10**6


@pytest.mark.parametrize("text", [
    "가전업체 한빛은 9일 새 냉장고를 내놨다.",
    "한빛전자는 21일 2분기 실적을 발표했다.",
    "한빛은 3일 신제품을 공개했다.",
    "한국은행이 14일 발표한 통계에 따르면 지수는 167.54였다.",   # the day a release came out, as a wire writes it
    "통계청이 2일 공개한 자료를 보면 물가는 5.4% 올랐다.",
])
def test_a_subject_then_n_il_and_a_verb_of_news_is_a_day_of_the_month(text: str) -> None:
    kinds = [(q_text, kind) for q_text, kind, _, _ in _read(text) if q_text.endswith("일")]
    assert kinds and all(kind == Kind.DATE.value for _, kind in kinds)


@pytest.mark.parametrize("text", [
    "한빛은 30일 이내에 결과를 발표했다.",    # a span word after it: days
    "한빛은 3일 만에 새 제품을 내놨다.",
    "한빛은 14일의 유예기간을 발표했다.",
    "공장은 14일 가동을 멈췄다가 재개했다.",    # no verb of news: left as days (not certain)
])
def test_n_il_with_a_span_word_or_no_verb_of_news_stays_days(text: str) -> None:
    assert any(kind == Kind.DURATION.value and unit == "days" for _, kind, unit, _ in _read(text))


@pytest.mark.parametrize("text,counted", [
    ("한빛은 4세대 배터리를 선보였다.", False),
    ("5세대 이동통신망이 깔렸다.", False),
    ("2,400세대 아파트가 들어선다.", True),
    ("아파트 350세대를 공급한다.", True),
    ("12세대가 거주하는 빌라.", True),
])
def test_sedae_counts_households_only_where_housing_is_named(text: str, counted: bool) -> None:
    households = [q for q in _read(text) if q[2] == "households"]
    assert bool(households) is counted
    if not counted:
        assert any(reason.startswith("a generation") for reason in _refused(text).values())


@pytest.mark.parametrize("text,name", [
    ("1가구 1주택 양도세 특례가 유지된다.", "1가구"),
    ("1가구 2주택자는 세금을 더 낸다.", "1가구"),
])
def test_a_rule_named_by_numbers_states_no_quantity(text: str, name: str) -> None:
    assert _read(text) == []
    assert _refused(text)[name].startswith("the name of a rule")


def test_one_person_one_vote_states_no_quantity() -> None:
    assert _read("조합은 1인 1표 원칙을 지켰다.") == []


def test_a_rate_per_one_is_no_rule_name() -> None:
    """1인당 5만원: the amount per person is the figure (the 1인당 is its rate's base)."""
    assert ("5만원", "money", "KRW", Decimal(50000)) in _read("참가자 1인당 5만원을 지급한다.")


def test_n_il_jjae_is_the_days_counted_so_far() -> None:
    """"파업이 5일째 이어졌다": the fifth day running, which a checker verifies as five days counted
    (the first day included), so it is drafted as a duration of 5 days."""
    assert _read("파업이 5일째 이어졌다.") == [("5일", "duration", "days", Decimal(5))]


def test_a_day_inside_last_month_gives_no_period_to_a_statistic() -> None:
    """"지난달 20일 … 3.1% 올랐다": the day is when it was said, not the month the figure measures."""
    result = extract("지난달 20일 수입물가는 3.1% 올랐다.", published=PUBLISHED)
    percent = next(found for found in result.quantities if found.quantity.kind is Kind.PERCENT)
    assert percent.period is None


@pytest.mark.parametrize("lead", ["(부산=뉴스1) 박기자 = ", "[부산=연합뉴스] 박철수 기자 = ", "【부산=뉴시스】"])
def test_a_quote_opens_after_the_wire_dateline_and_byline(lead: str) -> None:
    text = f"{lead}한빛의 매출은 7% 늘었다고 회사가 밝혔다."
    drafted = claims(extract(text, published=PUBLISHED))
    quotes = [claim["quote"] for claim in drafted]
    assert quotes == ["한빛의 매출은 7% 늘었다고 회사가 밝혔다."]
    assert all(quote in text for quote in quotes)


def test_the_second_year_of_a_span_written_with_a_tilde_is_no_duration() -> None:
    """"2015~16년 시즌": the season's second year, not a span of 16 years."""
    assert not any(kind == Kind.DURATION.value for _, kind, _, _ in _read("2015~16년 시즌 관중이 줄었다."))
    assert _refused("2015~16년 시즌 관중이 줄었다.")["16년"].startswith("the second year of a span")
    assert ("3~5년", "duration", "years", None) in _read("투자금은 3~5년 뒤에 회수한다.")


@pytest.mark.parametrize("text", ["보고서는 1997~2008 기간을 다룬다.", "한빛통신 1996-2010 실적 보고서"])
def test_two_bare_years_joined_are_a_span_of_years_not_a_range_of_numbers(text: str) -> None:
    """"1997~2008": read as a range it was 1,997 to 2,008 of nothing, a year read as an amount."""
    assert [kind for _, kind, _, _ in _read(text)] == [Kind.DATE.value, Kind.DATE.value]


def test_the_years_of_a_copyright_notice_are_no_dates_of_the_story() -> None:
    """"(C) 1996-2010 한빛통신": the notice's years, neither a range nor the period of a figure."""
    assert _read("(C) 1996-2010 한빛통신") == []
    assert _refused("(C) 1996-2010 한빛통신")["(C) 1996-2010"].startswith("the year of a copyright notice")


def test_a_range_of_amounts_near_years_stays_a_range() -> None:
    assert _read("가격은 1900~2000원이다.") == [("1900~2000원", "money", "KRW", None)]


@pytest.mark.parametrize("text,language,number", [
    ("이 기계의 설계 속도 1,100m는 업계 최고다.", "ko", "1,100"),
    ("The press runs at a speed of 800m a minute.", "en", "800"),
])
def test_a_glued_m_after_a_speed_word_is_neither_a_million_nor_read(text: str, language: str, number: str) -> None:
    """m a minute: no million, and no length either; the number is refused rather than drafted bare."""
    assert not any(amount is not None and amount >= 10**6 for _, _, _, amount in _read(text, language))
    assert _refused(text, language)[number].startswith("a speed")


@pytest.mark.parametrize("text", ["검찰은 11일 고등법원과 14일 대법원에 각각 소장을 냈다.", "회의는 5일 대전, 9일 광주에서 열린다."])
def test_two_days_of_the_month_joined_are_dates_not_days_counted(text: str) -> None:
    """"11일 고등법원과 14일 대법원에": the days two things happened, no 11 or 14 days."""
    assert [kind for _, kind, _, _ in _read(text)] == [Kind.DATE.value, Kind.DATE.value]


@pytest.mark.parametrize("text", ["그는 3일 출근과 2일 재택을 한다.", "공사는 3일 동안과 5일 동안 멈췄다."])
def test_days_counted_in_a_pair_stay_days(text: str) -> None:
    """Days that go down (dates are told in order) or take a span word are counts of days."""
    assert [kind for _, kind, _, _ in _read(text)] == [Kind.DURATION.value, Kind.DURATION.value]


@pytest.mark.parametrize("text", ["지난 4일 소비자물가는 3.7% 올랐다고 통계청이 밝혔다.",
                                  "5월 4일 발표된 실업률은 2.9%였다."])
def test_the_day_a_statistic_came_out_is_not_its_period(text: str) -> None:
    result = extract(text, published=PUBLISHED)
    percent = next(found for found in result.quantities if found.quantity.kind is Kind.PERCENT)
    assert percent.period is None


def test_a_market_figure_keeps_its_day() -> None:
    result = extract("지난 4일 코스피는 1.8% 올랐다.", published=PUBLISHED)
    percent = next(found for found in result.quantities if found.quantity.kind is Kind.PERCENT)
    assert percent.period == "2022-06-04"


@pytest.mark.parametrize("text,reason", [
    ("이 매장은 24시간 365일 문을 연다.", "around the clock"),
    ("콜센터는 24시간 7일 운영된다.", "around the clock"),
    ("회사는 주 4일 근무제를 도입했고 주 52시간제도 지킨다.", "the name of a schedule"),
])
def test_a_schedule_or_around_the_clock_claims_no_span(text: str, reason: str) -> None:
    assert _read(text) == []
    assert all(why.startswith(reason) for why in _refused(text).values())


def test_a_span_worked_stays_a_span() -> None:
    assert _read("그는 4일 근무했다.") == [("4일", "duration", "days", Decimal(4))]


def test_a_range_of_ranks_is_no_range_of_numbers() -> None:
    """"1~4위 팀": ranks, not the numbers 1 to 4; a range with a unit (1~2원) stays a range."""
    assert _read("1~4위 팀이 결승에 오른다.") == []
    assert _refused("1~4위 팀이 결승에 오른다.")["1~4"].startswith("a rank")
    assert _read("가격은 1~2원 올랐다.") == [("1~2원", "money", "KRW", None)]


@pytest.mark.parametrize("text", ["코스피는 120일선을 회복했다.", "주가는 60일 이동평균 위에 있다.", "주가는 100일 MAP를 넘었다."])
def test_the_window_of_a_moving_average_is_no_span(text: str) -> None:
    """"120일선", "60일 이동평균": a chart line's name, as "the 60-day moving average" is."""
    assert not any(kind == Kind.DURATION.value for _, kind, _, _ in _read(text))
    assert any(why.startswith("the name of a moving average") for why in _refused(text).values())
    assert _read("공장은 60일 동안 멈췄다.") == [("60일 동안", "duration", "days", Decimal(60))]


@pytest.mark.parametrize("text", ["한빛은 세계 3대 공구 브랜드다.", "그는 한빛의 3대 주주다.", "아시아의 5대 은행이 모였다.",
                                  "한빛은 6대 음반사와 협의했다."])
def test_the_top_n_of_a_kind_is_no_count_of_machines(text: str) -> None:
    """"세계 3대 브랜드", "3대 주주": 대 names the top three or a rank there, not three machines."""
    assert _read(text) == []
    assert any(why.startswith("an epithet") for why in _refused(text).values())


def test_machines_counted_with_dae_stay_counted() -> None:
    assert _read("한빛은 크레인 12대를 수주했고 3대 대형 트럭을 샀다.") == [("12대", "count", "units", Decimal(12)),
                                                                  ("3대", "count", "units", Decimal(3))]


def test_a_chapter_and_its_section_are_no_sheets() -> None:
    """"회사법 9장 12절": chapter 9, section 12; "종이 두 장" stays two sheets."""
    assert _read("회사법 9장 12절에 따라 종이 두 장을 냈다.") == [("두 장", "count", "sheets", Decimal(2))]
    assert _refused("회사법 9장 12절에 따라 종이 두 장을 냈다.")["9장"].startswith("a chapter number")
