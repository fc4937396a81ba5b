"""Issue 22: every provider code as published (``ecos.403Y003.*AA``) and each series' own name beside its code.

The real ECOS StatisticSearch answers in ../shared/reference-data/ecos (see its
LICENSE-NOTE.txt) are read unedited; ECOS writes the total index 총지수 as ``*AA``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import check
from checker.cli import main
from checker.commands.explain import trail
from checker.commands.fetch_for import Asked, plan
from checker.periods import parse_period
from checker.reference import ReferenceData, clear_cache
from checker.reference.entry import Entry
from checker.reference.sources import dart, ecos, kosis
from checker.reference.write import render

ECOS = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "ecos"
ANSWERS = ("import_cost2.json", "import_amount2.json")
CASES = Path(__file__).parent / "reference_cases" / "sources"
needs_ecos = pytest.mark.skipif(not (ECOS / ANSWERS[0]).is_file(), reason=f"shared ECOS answers not found in {ECOS}")


def claims(tmp_path: Path, body: str, reference: str = "import_cost2.json") -> Path:
    """A Korean claim file on the real import value index answer, copied beside it."""
    (tmp_path / "import_cost2.json").write_bytes((ECOS / "import_cost2.json").read_bytes())
    (tmp_path / "article.txt").write_text("5월 수입금액지수는 176.42였다.\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2022-06-20, language: ko}\n"
                    f"reference: [{reference}]\nclaims:\n" + body, encoding="utf-8")
    clear_cache()
    return path


@needs_ecos
@pytest.mark.parametrize("answer", ANSWERS)
def test_every_code_of_the_real_ecos_answers_loads(answer: str) -> None:
    rows = json.loads((ECOS / answer).read_text(encoding="utf-8"))["StatisticSearch"]["row"]
    data, errors = ReferenceData.load([ECOS / answer])
    assert errors == []
    published = {f"ecos.{row['STAT_CODE']}.{row['ITEM_CODE1']}" for row in rows}
    assert data.metrics() == published and any(key.endswith(".*AA") for key in published)


@needs_ecos
@pytest.mark.parametrize("written", ["{id: total, value: '176.42', metric: ecos.403Y003.*AA, period: 2022-05}",
                                     "id: total\n    value: '176.42'\n    metric: ecos.403Y003.*AA\n    period: 2022-05"])
def test_the_total_index_is_checked_under_its_published_code(tmp_path: Path, written: str) -> None:
    """``*`` mid-key needs no quotes, in a flow mapping or a block one."""
    report = check([claims(tmp_path, f"  - {written}\n")], language="en")
    assert report.errors == []
    [result] = report.results
    assert result.verdict == "supported", result.explanation
    assert "ecos.403Y003.*AA (수입금액지수 · 총지수) 2022-05 = 176.42" in result.explanation


@needs_ecos
def test_evidence_and_explain_name_the_series(tmp_path: Path) -> None:
    report = check([claims(tmp_path, "  - {id: goods, value: '150', metric: ecos.403Y003.3AA, period: 2022-05}\n")],
                   language="en")
    [result] = report.results
    assert any("(수입금액지수 · 공산품)" in step for step in result.steps), result.steps
    assert "ecos.403Y003.3AA (수입금액지수 · 공산품) 2022-05" in trail(result)


@needs_ecos
def test_a_near_miss_key_proposes_every_equally_close_series_by_name(tmp_path: Path) -> None:
    """The issue's trap: a key between 총지수 and another item must not lead silently to the other item."""
    report = check([claims(tmp_path, "  - {id: t, value: '176.42', metric: ecos.403Y003.AA, period: 2022-05}\n")],
                   language="en")  # the Korean words: test_korean_desk
    [result] = report.results
    assert result.verdict == "error"
    assert ("did you mean one of 'ecos.403Y003.*AA' (수입금액지수 · 총지수), 'ecos.403Y003.1AA' (수입금액지수 · 농림수산품)"
            in result.explanation and "their names differ" in result.explanation), result.explanation


@needs_ecos
def test_a_single_near_miss_is_proposed_with_its_name(tmp_path: Path) -> None:
    report = check([claims(tmp_path, "  - {id: t, value: '1', metric: ecos.403Y003.3AB, period: 2022-05}\n")],
                   language="en")
    assert "(did you mean 'ecos.403Y003.3AA' (수입금액지수 · 공산품)?)" in report.results[0].explanation


@needs_ecos
def test_a_fetched_file_keeps_the_published_code_and_reads_back(tmp_path: Path) -> None:
    """``claimcheck fetch`` writes CSV; ``*AA`` in its metric column must read back as the same key."""
    read = ecos.read((ECOS / "import_cost2.json").read_text(encoding="utf-8"), "import_cost2.json", Entry(Path("x")))
    total = [row for row in read.observations if row.metric == "ecos.403Y003.*AA"]
    path = tmp_path / "ecos.csv"
    path.write_text(render(total, ".csv", {"source": "ECOS"}), encoding="utf-8")
    clear_cache()
    again, errors = ReferenceData.load([path])
    assert errors == [] and again.metrics() == {"ecos.403Y003.*AA"}


def test_fetch_for_names_the_file_of_a_starred_code_safely() -> None:
    asked = {"ecos.403Y003.*AA": [Asked("total", parse_period("2022-05"), None, None)]}
    [request], failures, _ = plan(asked, "2022-06-20")
    assert failures == [] and request.series == "ecos:403Y003/M/*AA"
    assert request.file_name == "ecos-403Y003-M-%2AAA.csv"


def test_kosis_and_dart_rows_carry_their_names() -> None:
    kosis_data = kosis.read((CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"), "k.json", Entry(Path("k")))
    dart_data = dart.read((CASES / "dart_01234567_2024_11012.json").read_text(encoding="utf-8"), "d.json",
                          Entry(Path("d")))
    first = json.loads((CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"))[0]
    assert kosis_data.observations[0].name.startswith(f"{first['TBL_NM']} · {first['ITM_NM']}")
    assert {row.name for row in dart_data.observations} >= {"매출액"}


# --------------------------------------------------------------------------- claimcheck metrics

def metrics(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["metrics", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


@needs_ecos
def test_metrics_lists_every_key_of_the_real_answers_with_its_name(capsys) -> None:
    code, out, err = metrics(capsys, "--format", "json", str(ECOS / ANSWERS[0]), str(ECOS / ANSWERS[1]))
    assert (code, err) == (0, "")
    listed = json.loads(out)
    codes = {f"ecos.{row['STAT_CODE']}.{row['ITEM_CODE1']}" for answer in ANSWERS
             for row in json.loads((ECOS / answer).read_text(encoding="utf-8"))["StatisticSearch"]["row"]}
    assert [entry["metric"] for entry in listed] == sorted(codes)
    assert {"metric": "ecos.403Y003.*AA", "name": "수입금액지수 · 총지수", "unit": "index (2015=100)",
            "frequency": "monthly", "first": "2022-05", "last": "2022-06", "rows": 2} in listed
    assert all(entry["name"] for entry in listed)


@needs_ecos
def test_metrics_prints_a_table(capsys) -> None:
    code, out, _ = metrics(capsys, str(ECOS / ANSWERS[0]))
    line = next(line for line in out.splitlines() if "ecos.403Y003.*AA" in line)
    assert code == 0 and "수입금액지수 · 총지수" in line and "2022-05" in line and "monthly" in line


@needs_ecos
def test_a_bad_file_is_one_line_and_the_others_are_still_listed(capsys, tmp_path: Path) -> None:
    code, out, err = metrics(capsys, "--format", "json", str(tmp_path / "missing.json"), str(ECOS / ANSWERS[0]))
    assert code == 2 and err == f"{tmp_path / 'missing.json'}:1:1: reference file not found\n"
    assert "ecos.403Y003.*AA" in out


def test_metrics_shows_a_name_as_text_never_as_a_terminal_control(capsys, tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("entity,metric,period,value,unit,source,name\n"
                                    "kr,x,2022,1,%,https://example.org,\"a\x1b[31mred\"\n", encoding="utf-8")
    code, out, _ = metrics(capsys, str(tmp_path / "r.csv"))
    assert code == 0 and "\x1b" not in out and "a\\x1b[31mred" in out


# --------------------------------------------------------------------------- errors in one-line JSON answers

@needs_ecos
def test_a_bad_row_of_a_one_line_answer_is_named_by_json_path_and_identity(tmp_path: Path) -> None:
    """The real answer is one line of 175 kB: a column alone would not tell the user which row it is."""
    text = (ECOS / "import_cost2.json").read_text(encoding="utf-8")
    rows = json.loads(text)["StatisticSearch"]["row"]
    index = next(i for i, row in enumerate(rows) if row["ITEM_CODE1"] == "3AA" and row["TIME"] == "202205")
    written = f'"DATA_VALUE": "{rows[index]["DATA_VALUE"]}"'
    assert text.count(written) == 1
    (tmp_path / "bad.json").write_text(text.replace(written, '"DATA_VALUE": "n/a"'), encoding="utf-8")
    _, errors = ReferenceData.load([tmp_path / "bad.json"])
    [error] = errors
    assert error.message == (f"ECOS row StatisticSearch.row[{index}] (TIME 202205, ITEM_CODE1 3AA): "
                             "value 'n/a' is not a number")


@needs_ecos
def test_lint_names_the_series_it_proposes(tmp_path: Path, capsys) -> None:
    path = claims(tmp_path, "  - {id: t, value: '1', metric: ecos.403Y003.3AB, period: 2022-05}\n")
    code = main(["lint", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "unknown metric 'ecos.403Y003.3AB' (did you mean 'ecos.403Y003.3AA' (수입금액지수 · 공산품)?)" in err
