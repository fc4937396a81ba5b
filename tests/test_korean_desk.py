"""Issue 22's "Done when", checked as a Korean desk would (issue 22, items 1-3).

examples/ecos-import-prices checks two real Bank of Korea ECOS answers (../shared, read as they
were saved, skipped when absent) with a Korean claim file: the headline total 총지수 (``*AA``), an
item, a change against the month before, and one refuted, one unverifiable and one error claim.
Every format a person reads is searched for English words; what may stay English is listed here,
with the reason, so a new English word in a Korean report fails this test.
"""
from __future__ import annotations

import html
import io
import json
import pickle
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from rich.cells import cell_len

from checker import reports
from checker.commands.explain import trail
from checker.commands.metrics import listing
from checker.errors import InputError, Location
from checker.evaluation.units import UnitMismatch, conversion_factor
from checker.evaluation.engine import check
from checker.evaluation.results import Report
from checker.reference import ReferenceData, clear_cache
from checker.reference.model import UnknownKey
from reports_support import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "ecos-import-prices"
ECOS = ROOT.parent / "shared" / "reference-data" / "ecos"
ANSWERS = ("import_cost2.json", "import_amount2.json")
needs_ecos = pytest.mark.skipif(not all((ECOS / name).is_file() for name in ANSWERS),
                                reason=f"shared ECOS answers not found in {ECOS}")

VERDICTS = {"import-value-total-may": "supported", "grain-volume-may": "supported", "volume-up-on-april": "supported",
            "manufactures-volume-over-150": "refuted", "volume-record-high": "unverifiable",
            "car-volume-mistyped-code": "error"}
#: Text a Korean reader may see in English: codes and names the files give, not words of the report.
CODES = re.compile(r"https?://\S+|\S+\.(?:yaml|txt|json)(?::\d+)*|(?:ecos\.)?\d{3}Y\d{3}\.[*\w]+|"
                   r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\d+AA|ECOS|claimcheck")
#: YAML keys a sentence tells the user to write (complete: true, since:) stay as they are typed.
KEYS = {"complete", "true", "since"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with the two ECOS answers beside it, as its header says to run it."""
    folder = tmp_path_factory.mktemp("desk")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    for name in ("claims.yaml", "article.ko.txt"):
        shutil.copy(EXAMPLE / name, folder / name)
    for name in ANSWERS:
        shutil.copy(ECOS / name, folder / name)
    return folder / "claims.yaml"


@pytest.fixture(scope="module")
def report(desk: Path) -> Report:
    return check([desk])


def english_words(text: str) -> set[str]:
    """Latin words of two letters or more left once codes, ids, paths and links are taken out."""
    return set(re.findall(r"[A-Za-z]{2,}", CODES.sub(" ", text))) - KEYS


def unwrapped(table: str) -> str:
    """The terminal report with each table cell's lines joined without spaces, so a code the table
    folded (``volume-record-`` / ``high``) reads whole again; the lines below the table as they are."""
    lines, row = [], []
    for line in table.splitlines() + [""]:
        if line.startswith("│"):
            parts = [part.strip() for part in line.strip("│").split("│")]
            row = [before + part for before, part in zip(row, parts)] if row else parts
            continue
        lines += row
        row = []
        if not line.startswith(("┏", "┃", "┡", "├", "└")):
            lines.append(line)
    return "\n".join(lines)


def rendered(report: Report, name: str, width: int | None = None, monkeypatch=None) -> str:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal() if width else io.StringIO()
    if width:
        monkeypatch.setenv("COLUMNS", str(width))
    reports.get(name).render(report, stream)
    return re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue())


@needs_ecos
def test_the_desk_gets_the_verdicts_it_records(report: Report) -> None:
    assert {result.id: result.verdict for result in report.results} == VERDICTS
    assert all(result.expected == result.verdict for result in report.results)
    assert report.language == "ko" and report.errors == []
    assert report.totals_line().startswith("주장 6건: 사실 3, 대체로 사실 0, 사실 아님 1, 판단 유보 1, 오류 1")


@needs_ecos
def test_item_names_stand_beside_codes_and_figures_read_korean(report: Report) -> None:
    explained = {result.id: result.explanation for result in report.results}
    assert "ecos.403Y003.*AA (수입금액지수 · 총지수) 2022년 5월 = 176.42." in explained["import-value-total-may"]
    assert "ecos.403Y004.101111AA (수입물량지수 · 곡류) 2022년 5월 = 164.39." in explained["grain-volume-may"]
    assert explained["volume-up-on-april"].startswith(
        "참조 데이터와 대조: ecos.403Y004.*AA (수입물량지수 · 총지수) 2022년 4월 대비 ecos.403Y004.*AA "
        "(수입물량지수 · 총지수) 2022년 5월의 변화율 = 5.70323 [5.69477, 5.7117] %.")
    assert "2022년 5월 = 128.44 지수(2015=100): 2022년 4월부터의 이전 행 1개와 비교해" in explained["volume-record-high"]
    steps = next(result.steps for result in report.results if result.id == "volume-up-on-april")
    assert steps[0].startswith("ecos.403Y004.*AA 2022년 4월: 121.51 (수입물량지수 · 총지수) → 121.51 지수(2015=100) ±0.005")


@needs_ecos
def test_the_error_row_reads_korean_and_names_the_series_it_proposes(report: Report) -> None:
    error = next(result for result in report.results if result.verdict == "error")
    assert error.explanation == ("참조 데이터에 없는 지표 'ecos.403Y004.3121A' "
                                 "('ecos.403Y004.3121AA' (수입물량지수 · 자동차)을(를) 뜻했나?)")


def human_texts(report: Report, monkeypatch) -> tuple[dict[str, str], dict[int, str], str]:
    """What a person reads in every format (and ``explain``), by name; the terminal tables by width and the HTML page."""
    tables = {width: rendered(report, "rich", width, monkeypatch) for width in (80, 120)}
    texts = {f"rich at {width}": unwrapped(table) for width, table in tables.items()}
    texts["markdown"] = re.sub(r"<[^>]+>|\\(?=[^\w\s])", "", rendered(report, "markdown"))  # tags, escapes
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", rendered(report, "html"), flags=re.S)
    texts["html"] = html.unescape(re.sub(r"<[^>]+>", " ", page))
    texts["github"] = re.sub(r"^::\w+ file=[^,]*,line=\d+,col=\d+,title=", "", rendered(report, "github"), flags=re.M)
    texts["parsable"] = re.sub(r":\d+:\d+: (?:supported|imprecise|refuted|unverifiable|error) ", ": ",
                               rendered(report, "parsable"))  # the code after path:line:col: is the parsed field
    sarif = json.loads(rendered(report, "sarif"))["runs"][0]
    texts["sarif"] = "\n".join([*(rule["shortDescription"]["text"] for rule in sarif["tool"]["driver"]["rules"]),
                                *(result["message"]["text"] for result in sarif["results"])])
    junit = ElementTree.fromstring(rendered(report, "junit"))
    texts["junit"] = "\n".join([*(element.get("message") or "" for element in junit.iter()),
                                *(element.text or "" for element in junit.iter("system-out"))])
    texts["json"] = "\n".join(str(result[field]) for result in json.loads(rendered(report, "json"))["results"]
                              for field in ("explanation", "rule", "timing_warning", "steps") if result.get(field))
    reviews = json.loads(rendered(report, "claimreview"))
    texts["claimreview"] = "\n".join(review["reviewRating"]["alternateName"] + " " + review["reviewBody"]
                                     for review in reviews)
    texts["explain"] = "\n".join(trail(result) for result in report.results)
    return texts, tables, page


@needs_ecos
def test_every_human_facing_format_is_korean_but_codes(report: Report, monkeypatch) -> None:
    texts, tables, page = human_texts(report, monkeypatch)
    assert {name: english_words(text) for name, text in texts.items()} == {name: set() for name in texts}
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert max(cell_len(line) for line in tables[80].splitlines()) <= 80


@needs_ecos
def test_every_format_names_a_series_by_the_key_the_claim_wrote(report: Report, monkeypatch) -> None:
    """An evidence row read ``403Y004.*AA 2022년 4월: 121.51``, dropping ``ecos.``: the reader searched
    the claim file and ``metrics`` for a key neither holds. Every code is whole wherever it shows."""
    texts, _, _ = human_texts(report, monkeypatch)
    bare = {name: re.findall(r"(?<![\w.])\d{3}Y\d{3}\.[*\w]+", text) for name, text in texts.items()}
    assert bare == {name: [] for name in texts}
    assert "ecos.403Y004.*AA 2022년 4월: 121.51" in texts["json"] and "ecos.403Y004.*AA 2022년 4월: 121.51" in texts["html"]


@needs_ecos
def test_a_near_miss_code_proposes_every_equally_close_series_with_its_name(desk: Path) -> None:
    """``*AA`` 총지수 and three items are one character from ``AA``: the hint lists them by name, says
    how many more it leaves out and that their names differ, in the report's language."""
    text = desk.read_text(encoding="utf-8").replace("metric: ecos.403Y003.*AA", "metric: ecos.403Y004.AA")
    near = desk.with_name("near.yaml")
    near.write_text(text, encoding="utf-8")
    korean, english = (next(result.explanation for result in check([near], language=language).results
                            if result.id == "import-value-total-may") for language in ("ko", "en"))
    assert korean == ("참조 데이터에 없는 지표 'ecos.403Y004.AA' (다음 중 하나를 뜻했나? 'ecos.403Y004.*AA' "
                      "(수입물량지수 · 총지수), 'ecos.403Y004.1AA' (수입물량지수 · 농림수산품), 'ecos.403Y004.2AA' "
                      "(수입물량지수 · 광산품) 외 똑같이 가까운 1개; 이름이 서로 다르다)")
    assert english == ("unknown metric 'ecos.403Y004.AA' (did you mean one of 'ecos.403Y004.*AA' (수입물량지수 · 총지수), "
                       "'ecos.403Y004.1AA' (수입물량지수 · 농림수산품), 'ecos.403Y004.2AA' (수입물량지수 · 광산품) and 1 "
                       "more as close; their names differ?)")


@needs_ecos
def test_a_quote_or_value_the_article_does_not_hold_is_korean_in_the_report(desk: Path) -> None:
    text = (desk.read_text(encoding="utf-8")
            .replace("quote: 곡류 수입물량지수가 164.39를 기록했다", "quote: 곡류 수입물량지수는 164.39를 기록했다")
            .replace("value: 전월 대비 5.7% 올랐다", "value: 전월 대비 7.5% 올랐다"))
    wrong = desk.with_name("wrong.yaml")
    wrong.write_text(text, encoding="utf-8")
    explained = {result.id: result.explanation for result in check([wrong]).results}
    assert explained["grain-volume-may"] == ("article.ko.txt에서 인용문을 찾지 못했다; 가장 비슷한 대목(7번째 줄): "
                                             "'곡류 수입물량지수가 164.39를 기록했다'")
    assert explained["volume-up-on-april"] == ("값 '전월 대비 7.5% 올랐다'은(는) 인용문이 말하는 수치가 아니다 "
                                               "(인용문의 수치: '5월', '128.44', '5.7%')")
    linted = run_cli("lint", str(wrong))  # a diagnostic on stderr stays English, as a compiler's does
    assert "quote not found in article.ko.txt; nearest passage (line 7): '곡류" in linted.stderr, linted.stderr


@needs_ecos
def test_metrics_lists_every_published_code_of_both_answers_with_its_name() -> None:
    clear_cache()
    data, errors = ReferenceData.load([ECOS / name for name in ANSWERS])
    listed = {entry["metric"]: entry["name"] for entry in listing(data)}
    published = {}
    for name in ANSWERS:
        for row in json.loads((ECOS / name).read_text(encoding="utf-8"))["StatisticSearch"]["row"]:
            codes = [row[f"ITEM_CODE{index}"] for index in range(1, 5) if row[f"ITEM_CODE{index}"]]
            items = [row[f"ITEM_NAME{index}"] for index in range(1, 5) if row[f"ITEM_NAME{index}"]]
            statistic = re.sub(r"^[\d.]+\s*", "", row["STAT_NAME"])
            published[".".join(["ecos", row["STAT_CODE"], *codes])] = " · ".join([statistic, *items])
    assert errors == [] and len(published) == 548
    assert listed == published


@needs_ecos
def test_units_that_do_not_compare_are_named_as_a_korean_reader_writes_them(desk: Path) -> None:
    """An index claimed in 억 원: the mismatch names 원 and 지수(2015=100), not KRW and index."""
    (desk.parent / "won.txt").write_text("5월 수입금액지수는 176.42억 원이었다.\n", encoding="utf-8")
    won = desk.with_name("won.yaml")
    won.write_text("version: 1\narticle: {file: won.txt, published: 2022-06-15, language: ko}\n"
                   "reference: [import_cost2.json]\nclaims:\n  - {id: won, quote: 176.42억 원이었다, "
                   "value: 176.42억 원, metric: ecos.403Y003.*AA, period: 2022-05}\n", encoding="utf-8")
    korean, english = (check([won], language=language).results[0] for language in ("ko", "en"))
    assert korean.verdict == english.verdict == "error"
    assert korean.explanation == "단위 불일치: 주장은 원, 근거는 지수(2015=100) 단위다"
    assert english.explanation == "unit mismatch: the claim is in KRW, the evidence in index (2015=100)"


def test_a_reason_keeps_its_words_across_a_worker_process() -> None:
    """--workers pickles what a worker raises or returns: the Korean words must survive the trip."""
    with pytest.raises(UnitMismatch) as mismatch:
        conversion_factor("index (2015=100)", "KRW")
    problems = (mismatch.value, UnknownKey("metric", "ecos.403Y004.AA", (("ecos.403Y004.*AA", "수입물량지수 · 총지수"),)),
                InputError.said(Location("claims.yaml", 5, 12), "value.unread", value="대폭"))
    assert [pickle.loads(pickle.dumps(problem)).text("ko") for problem in problems] == [
        "단위 불일치: 주장은 원, 근거는 지수(2015=100) 단위다",
        "참조 데이터에 없는 지표 'ecos.403Y004.AA' ('ecos.403Y004.*AA' (수입물량지수 · 총지수)을(를) 뜻했나?)",
        "'대폭'을(를) 수치로 읽을 수 없다"]


def test_an_unknown_event_reads_korean_with_its_did_you_mean(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("그로부터 10개월 뒤인 2022년 8월.\n", encoding="utf-8")
    (tmp_path / "events.yaml").write_text("events:\n  - {name: meta.rename, date: 2021-10-28, source: x}\n"
                                          "  - {name: meta.launch, date: 2022-08-16, source: x}\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2022-09-01, language: ko}\n"
                    "reference: [events.yaml]\nclaims:\n  - {id: gap, quote: 10개월 뒤, value: 10개월, "
                    "relation: months_between, of: [{event: meta.renam}, {event: meta.launch}]}\n", encoding="utf-8")
    korean, english = (check([path], language=language).results[0].explanation for language in ("ko", "en"))
    assert korean == "참조 데이터에 없는 사건 'meta.renam' ('meta.rename'을(를) 뜻했나?)"
    assert english == "unknown event 'meta.renam' (did you mean 'meta.rename'?)"


#: A wire story written here on the June 2022 figures of the first answer: the lead opens with the
#: wire's mark, the month before is written 전월(176.42), and the level stands before its change.
WIRE_STORY = ("6월 수입금액지수 5% 하락\n\n"
              "(서울=연합뉴스) 박기자 = 한국은행이 14일 발표한 무역지수 통계에 따르면 6월 수입금액지수는 167.54로 "
              "전월(176.42)보다 5.0% 하락했다.\n\n석탄,원유및천연가스 수입금액지수는 6월 190.72로 한 달 전보다 5.6% 내렸다.\n")


@needs_ecos
def test_a_wire_story_drafts_links_a_desk_can_keep(tmp_path: Path) -> None:
    """"(서울=연합뉴스)" named 서울 as the place of every figure of the lead, so no series of the
    whole country was linked there; once it is not, 176.42 took June, the month just named, and was
    refuted against June's 167.54: 전월(…) is the month before. "167.54로 전월(176.42)보다 5.0% 하락했다"
    is the change from May (by hand: 167.54 / 176.42 − 1 = −5.03 %), and "한 달 전보다 5.6% 내렸다" one
    against May too (190.72 / 202.03 − 1 = −5.60 %): neither 내렸다 nor 한 달 전 was read."""
    (tmp_path / "article.txt").write_text(WIRE_STORY, encoding="utf-8")
    drafted = run_cli("extract", "article.txt", "--published", "2022-07-14", "--reference",
                      str(ECOS / "import_cost2.json"), "-o", "claims.yaml", cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    claims = {claim["id"]: claim for claim in yaml.safe_load((tmp_path / "claims.yaml").read_text(encoding="utf-8"))["claims"]}
    assert (claims["number-167.54"]["metric"], claims["number-167.54"]["period"]) == ("ecos.403Y003.*AA", "2022-06")
    assert (claims["number-176.42"]["metric"], claims["number-176.42"]["period"]) == ("ecos.403Y003.*AA", "2022-05")
    change = claims["percent-5-2"]
    assert change["relation"] == "change" and not change["quote"].startswith("(서울")
    verdicts = {result.id: result.verdict for result in check([tmp_path / "claims.yaml"]).results}
    assert claims["percent-5.6"]["of"] == [{"metric": "ecos.403Y003.2011AA", "period": "2022-05"},
                                           {"metric": "ecos.403Y003.2011AA", "period": "2022-06"}]
    assert [verdicts[name] for name in ("number-167.54", "number-176.42", "percent-5-2", "percent-5.6")] == ["supported"] * 4
