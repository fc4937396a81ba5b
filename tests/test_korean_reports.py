"""Korean reports (issue 22, item 1): a Korean article's reports speak Korean in every format a
person reads, English stays as it was, and the machine fields never change with the language."""
from __future__ import annotations

import io
import json
import re
import string
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rich.cells import cell_len

from checker import messages, reports
from checker.evaluation.engine import check
from checker.evaluation.timing import AFTER, UNKNOWN, Timing, mark, warning
from checker.reports import rich_report
from checker.reports.amounts import korean
from checker.reports.marks import SYMBOL
from reports_support import ROOT, run_cli, tricky

FORMATS = ("rich", "parsable", "json", "junit", "sarif", "github", "markdown", "html", "claimreview")


def rendered(report, name: str) -> str:
    stream = io.StringIO()
    reports.get(name).render(report, stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def worked() -> dict:
    """The worked example (a Korean article) checked as it is (auto) and in English."""
    return {"ko": check([ROOT / "claims"]), "en": check([ROOT / "claims"], language="en")}


def test_a_korean_article_gives_korean_verdicts_totals_and_coverage(worked: dict) -> None:
    report = worked["ko"]
    assert report.language == "ko" and {result.language for result in report.results} == {"ko"}
    assert report.totals_line().startswith("주장 32건: 사실 26, 대체로 사실 2, 사실 아님 0, 판단 유보 4, 오류 0; ")
    assert "공표된 수치로 판정한 것 2건" in report.totals_line()
    assert report.coverage.line(report.language) == "검증 범위: 기사 속 숫자 28개 중 28개에 주장이 있음 (100%)"


def test_the_explanation_reads_in_korean_with_figures_at_korean_scale(worked: dict) -> None:
    explained = {result.id: result.explanation for result in worked["ko"].results}
    assert explained["metaverse-spend-in-won"].endswith(
        "= 13.3026조 [12.6374조, 13.9678조] 원. 주장 '약 13조 원'(약)의 허용 범위는 [12.35조, 13.65조] 원. "
        "근거가 허용 범위 안에 있다: 사실.")
    assert explained["metaverse-spend-in-won"].startswith("기사 속 숫자와 참조 데이터를 함께 대조: ")
    assert "meta.net_income 2022년 3분기 = 43.95억 달러." in explained["q3-2022-net-income"]
    assert "부정확 허용 범위 [1, 3] 안에 있다: 대체로 사실." in explained["black-share-silicon-valley"]
    rules = {result.id: result.rule for result in worked["ko"].results}
    assert rules["metaverse-spend-in-won"] == "약 ±5%: |a − v| ≤ 6,500억"
    assert rules["reality-labs-q3-2022-loss"] == "거의 ±10%: v − 4억 ≤ a ≤ v (거의)"
    assert rules["q3-2022-net-income"] == "정확히: |a − v| ≤ 5,000만"
    english = {result.id: result.rule for result in worked["en"].results}
    assert english["metaverse-spend-in-won"] == "approx ±5%: |a − v| ≤ 650,000,000,000"


def test_the_rich_table_at_80_columns_is_korean_and_fits(worked: dict, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "80")
    stream = Terminal()
    rich_report.render(worked["ko"], stream)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue()).splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert all(word in lines[1] for word in ("판정", "주장", "인용", "주장 → 실제", "기준 · 출처"))
    for verdict, count in worked["ko"].summary().items():
        cell = f"│ {SYMBOL[verdict]} {messages.verdict_name(verdict, 'ko')} "  # never broken over two lines
        assert sum(line.startswith(cell) for line in lines) == count, verdict
    assert "⚠ 날짜를 알" in "".join(lines) and lines[-1].startswith("검증 범위: ")


def test_every_human_format_speaks_korean(worked: dict) -> None:
    report = worked["ko"]
    parsable = rendered(report, "parsable").splitlines()
    assert ": imprecise black-share-silicon-valley: 참조 데이터와 대조: " in parsable[0]  # the code a parser splits on
    assert parsable[-2].startswith("주장 32건: ") and parsable[-1].startswith("검증 범위: ")
    markdown = rendered(report, "markdown")
    assert markdown.startswith("## claimcheck: 주장 32건\n\n| 판정 | 주장 수 |\n")
    assert "| ≈ 대체로 사실 | 2 |" in markdown and "### 살펴볼 주장" in markdown
    assert re.search(r"<summary>사실로 확인된 주장 \d+건</summary>", markdown)
    html = rendered(report, "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ko">') and "<title>claimcheck: 주장 32건</title>" in html
    assert "<h1>claimcheck 검증 보고서</h1>" in html and "<h3>근거</h3>" in html and "<dt>주장 → 실제</dt>" in html
    assert "<title>주장 2%: 허용 범위 [1.5, 2.5]; 실제 2.6</title>" in html  # the number line's accessible name
    assert "<dt>claimed → actual</dt>" not in html and '<span class="badge v-imprecise">≈ 대체로 사실</span>' in html
    reviews = json.loads(rendered(report, "claimreview"))
    assert {review["reviewRating"]["alternateName"] for review in reviews} == {"사실", "대체로 사실", "판단 유보"}


def test_ci_formats_speak_korean_around_unchanged_machine_fields(tmp_path: Path) -> None:
    korean_report, english_report = tricky(tmp_path, "ko"), tricky(tmp_path, "en")
    github = rendered(korean_report, "github")
    assert "title=사실 아님 profit::" in github and "title=사실 revenue-ruled-refuted (기록된 판정%3A 사실 아님)::" in github
    assert github.splitlines()[-2].startswith("주장 5건: ")
    sarif, english_sarif = json.loads(rendered(korean_report, "sarif")), json.loads(rendered(english_report, "sarif"))
    results, english_results = sarif["runs"][0]["results"], english_sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [(r["ruleId"], r["level"]) for r in english_results]
    mismatch = next(r for r in results if r["partialFingerprints"]["claimId/v1"].endswith("#revenue-ruled-refuted"))
    assert mismatch["message"]["text"].startswith("기록된 판정은 사실 아님, 실제 판정은 사실. 참조 데이터와 대조: ")
    junit, english_junit = (ElementTree.fromstring(rendered(report, "junit"))
                            for report in (korean_report, english_report))
    assert [(e.tag, sorted(e.attrib)) for e in junit.iter()] == [(e.tag, sorted(e.attrib)) for e in english_junit.iter()]
    failure = junit.find(".//testcase[@name='revenue-ruled-refuted']/failure")
    assert failure.get("type") == "expect-mismatch" and failure.get("message").startswith("기록된 판정은 사실 아님, ")


def test_json_keys_verdict_codes_and_exit_codes_do_not_change(worked: dict) -> None:
    korean_json, english_json = (json.loads(rendered(worked[language], "json")) for language in ("ko", "en"))
    words = ("explanation", "timing_warning", "rule", "steps", "sources")  # the words a person reads
    for korean_result, english_result in zip(korean_json["results"], english_json["results"]):
        assert korean_result.keys() == english_result.keys()
        assert {k: v for k, v in korean_result.items() if k not in words} == \
               {k: v for k, v in english_result.items() if k not in words}
    assert korean_json["summary"] == english_json["summary"]
    assert worked["ko"].exit_code() == worked["en"].exit_code()
    sarif = json.loads(rendered(worked["ko"], "sarif"))
    assert [rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]][0] == "claimcheck/supported"


def test_lang_en_on_the_korean_article_is_english(worked: dict) -> None:
    report = worked["en"]
    assert report.totals_line().startswith("32 claims: 26 supported, 2 imprecise")
    for name in ("markdown", "html", "parsable"):
        text = rendered(report, name)
        assert "판정" not in text and "검증 범위" not in text and "사실 아님" not in text, name
    assert '<html lang="en">' in rendered(report, "html")


@pytest.mark.parametrize("name", FORMATS)
def test_an_english_article_speaks_english_as_before_whatever_the_default(name: str) -> None:
    examples = ROOT / "examples" / "us-economy"
    automatic, english = check([examples]), check([examples], language="en")
    assert automatic.language == "en" and rendered(automatic, name) == rendered(english, name)


def test_lang_ko_turns_an_english_article_korean() -> None:
    report = check([ROOT / "examples" / "us-economy"], language="ko")
    assert report.totals_line().startswith("주장 ") and '<html lang="ko">' in rendered(report, "html")


def test_a_run_over_both_languages_speaks_each_files_language(tmp_path: Path) -> None:
    korean_file = tricky(tmp_path, "ko").results[0].file  # writes the small Korean repository
    report = check([Path(korean_file), ROOT / "examples" / "us-economy" / "payrolls-illustration.yaml"])
    languages = {result.file.rsplit("/", 1)[-1]: result.language for result in report.results}
    assert languages == {"claims.yaml": "ko", "payrolls-illustration.yaml": "en"}
    assert report.language == "ko"  # the page chrome: the first file's language
    english = next(result for result in report.results if result.language == "en")
    assert english.explanation.startswith("Checked against")


def test_explain_speaks_korean_and_lang_en_keeps_the_english_trail() -> None:
    done = run_cli("explain", "claims/meta-ai-pivot.yaml#metaverse-spend-in-won")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("주장      metaverse-spend-in-won  (")  # labels padded to 10 terminal columns
    assert "판정      ✔ 사실" in lines and "실제 값   13.3026조 원, 구간 [12.6374조, 13.9678조]" in lines
    assert "허용      [12.35조, 13.65조]" in lines and lines[-1].startswith("근거      기사 속 숫자와 ")
    assert any(line.startswith("공표      공표일을 알 수 없는 수치") and "2024년 2월 19일" in line for line in lines)
    english = run_cli("explain", "--lang", "en", "claims/meta-ai-pivot.yaml#metaverse-spend-in-won")
    assert "actual    13,302,600,000,000 KRW, interval [12,637,400,000,000, 13,967,800,000,000]" in english.stdout


def test_check_lang_is_on_the_command_line_and_refuses_other_languages() -> None:
    done = run_cli("check", "claims/", "--lang", "ko", "--format", "parsable")
    assert done.returncode == 0 and done.stdout.splitlines()[-2].startswith("주장 32건: ")
    refused = run_cli("check", "claims/", "--lang", "fr")
    assert refused.returncode == 2 and "invalid choice: 'fr'" in refused.stderr and "Traceback" not in refused.stderr


def test_the_timing_sentences_are_in_the_catalogue() -> None:
    from datetime import date

    after = Timing(AFTER, date(2024, 7, 25), "vintage", date(2022, 10, 27))
    assert warning(after, "ko") == ("기사(2022년 10월 27일) 이후인 2024년 7월 25일에 공표된 수치로 판정, "
                                    "첫 발표 값은 달랐을 수 있다")
    assert mark(after, "ko") == "기사 이후인 2024년 7월 25일의 수치"
    assert warning(after) == ("against figures published 2024-07-25, after the article (2022-10-27); the first "
                              "release may have differed")
    assert "published: 날짜" in warning(Timing(UNKNOWN, None, None, None), "ko")


def test_korean_figures_keep_every_digit_english_shows() -> None:
    assert korean(Decimal("1068300000000000.0")) == "1068.3조"  # explain once printed 1068300000000000.0
    assert korean(Decimal("320000")) == "32만" and korean(Decimal("9999")) == "9,999"


def test_every_message_exists_in_every_language_with_the_same_fields() -> None:
    catalogue = messages._MESSAGES
    assert catalogue["ko"].keys() == catalogue["en"].keys()
    for key, english in catalogue["en"].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(catalogue["ko"][key]) if name}, key


def test_a_field_value_is_never_read_as_a_template() -> None:
    assert messages.say("ko", "note", text="{0} {text!r}") == "참고: {0} {text!r}."


def test_computed_figures_and_lookups_are_described_in_korean(worked: dict) -> None:
    explained = {result.id: result.explanation for result in worked["ko"].results}
    assert ("meta.rename (2021년 10월 28일)부터 meta.horizon_worlds_europe (2022년 8월 16일)까지의 기간 = 9.62424 개월"
            in explained["horizon-worlds-ten-months-after-rename"])
    assert ("meta.close 2023 마지막 값 대비 meta.close 2024년 초부터 마지막 값의 변화율 = 33.7213"
            in explained["stock-up-30pct-ytd"])
    assert "meta.close 2022년 11월 최저 = 88.91 달러." in explained["stock-low-nov-2022"]
    assert "= 2.94133 [2.94117, 2.9415] 배. 주장 '3배'" in explained["stock-tripled-2023"]
    english = {result.id: result.explanation for result in worked["en"].results}
    assert "time from meta.rename (2021-10-28) to meta.horizon_worlds_europe" in english[
        "horizon-worlds-ten-months-after-rename"]


def test_explains_operand_lines_and_ruling_are_korean(worked: dict) -> None:
    steps = {result.id: result.steps for result in worked["ko"].results}
    assert steps["stock-nov-2021"][0].startswith(
        "meta.close 2021년 11월 평균: 336.53 (21개 행, 2021년 11월 1일..2021년 11월 30일) → 336.53 달러 "
        "공표된 값 그대로 한 점으로 비교 (출처: ")
    assert steps["horizon-worlds-ten-months-as-stated"] == (
        "'2021년 10월' 기사에 적힌 값: 2021년 10월 1일..2021년 10월 31일",
        "'2022년 8월' 기사에 적힌 값: 2022년 8월 1일..2022년 8월 31일")
    assert steps["fair-ten-years-before-llama-2"][0].startswith("사건 meta.fair_founded: 2013년 12월 9일 (출처: ")
    done = run_cli("explain", "claims/meta-ai-pivot.yaml#black-share-silicon-valley")
    assert "기록      대체로 사실" in done.stdout.splitlines() and "expect:" not in done.stdout


def test_an_unverifiable_reason_is_korean(tmp_path: Path) -> None:
    claims = tricky(tmp_path, "ko").results[0].file
    text = Path(claims).read_text(encoding="utf-8").replace("    period: 2023\n  - id: revenue-ruled",
                                                            "    period: 2022\n  - id: revenue-ruled", 1)
    Path(claims).write_text(text, encoding="utf-8")
    korean_result, english_result = (check([Path(claims)], language=language).results[0] for language in ("ko", "en"))
    assert korean_result.verdict == english_result.verdict == "unverifiable"
    assert korean_result.explanation == ("acme.revenue의 2022 데이터가 없다 "
                                         "(데이터 범위 2023년 1월 1일..2023년 12월 31일)")
    assert english_result.explanation == "no data for acme.revenue in 2022 (rows cover 2023-01-01..2023-12-31)"


def test_the_claimed_to_actual_cell_writes_the_actual_unit_in_korean(worked: dict) -> None:
    from checker.reports.marks import comparison

    shown = {result.id: comparison(result) for result in worked["ko"].results}
    assert shown["horizon-worlds-ten-months-after-rename"] == "10개월 → 9.62424 개월"
    assert shown["layoff-2023-four-months-later"] == "4개월 → 4.16427 개월"
    english = {result.id: comparison(result) for result in worked["en"].results}
    assert english["horizon-worlds-ten-months-after-rename"] == "10개월 → 9.62424 months"


def _series_repository(folder: Path, claims: str) -> Path:
    """A Korean article and a yearly series 2020..2023 (−0.7, 4.3, 2.6, 1.4) and months 2023-01..05."""
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "article.txt").write_text("기사.\n", encoding="utf-8")
    rows = {"2020": "-0.7", "2021": "4.3", "2022": "2.6", "2023": "1.4",
            "2023-01": "5", "2023-02": "3", "2023-03": "4", "2023-04": "2", "2023-05": "2.5"}
    (folder / "reference.csv").write_text("entity,metric,period,value,unit,source\n" + "".join(
        f"kr,{'monthly' if '-' in period else 'series'},{period},{value},%,https://example.org/{period}\n"
        for period, value in rows.items()), encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
                    "reference: [reference.csv]\nclaims:\n" + claims, encoding="utf-8")
    return path


def test_rank_explanations_and_a_gap_in_the_data_are_korean(tmp_path: Path) -> None:
    path = _series_repository(tmp_path, (
        "  - {id: low, value: '3년 만에 최저', relation: extreme, of: [{metric: kr.series, period: '2023'}]}\n"
        "  - {id: high, value: '2년 만에 최고', relation: extreme, of: [{metric: kr.series, period: '2022'}]}\n"
        "  - {id: record, value: '역대 최고치', relation: extreme, of: [{metric: kr.series, period: '2022'}]}\n"
        "  - {id: gap, value: '사상 최저', relation: extreme, of: [{metric: kr.monthly, period: '2023', agg: min}]}\n"))
    explained = {result.id: (result.verdict, result.explanation) for result in check([path]).results}
    assert explained["low"] == ("supported", "kr.series 2023 = 1.4 %: 2020부터의 이전 행 3개와 비교해 순위를 매겼다: "
                                             "3년 전인 2020 (-0.7)이(가) 이만큼 낮은 마지막 행: 말 그대로 3년 전에 끊긴다.")
    assert explained["high"] == ("refuted", "kr.series 2022 = 2.6 %: 2020부터의 이전 행 2개와 비교해 순위를 매겼다: "
                                            "1년 전인 2021 (4.3)이(가) 이만큼 높은 마지막 행: 2년보다 짧은 기간이다.")
    assert explained["record"][1].endswith("2021 (4.3)도 이만큼 높거나 더 높았다: 기록이 아니다.")
    assert explained["gap"] == ("unverifiable", "kr.monthly: 2023 데이터가 2023년 5월 31일에 끝나 2023 최저은(는) "
                                                "알 수 없다")
    english = {result.id: result.explanation for result in check([path], language="en").results}
    assert english["record"].endswith("2021 (4.3) was as high or higher: no record.")
