"""benchmarks/linking_eval.py on a few of its own labels: what it counts as right, wrong, found and missed."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCRIPT = ROOT / "benchmarks" / "linking_eval.py"
sys.path.insert(0, str(ROOT / "benchmarks"))
from linking_eval import half  # noqa: E402  (a script's function, not a package's)


def _labels(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    """The benchmark's own labels, with a few PhraseBank rows and only ``rows`` of liar2."""
    spec = yaml.safe_load((ROOT / "benchmarks" / "linking" / "cases.yaml").read_text(encoding="utf-8"))
    spec["phrasebank"]["pattern"] = "Technopolis"     # a few rows, none linked
    spec["liar2"] = rows
    (tmp_path / "cases.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    (tmp_path / "us-aliases.yaml").write_text((ROOT / "benchmarks" / "linking" / "us-aliases.yaml")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "cases.yaml"


def _run(cases: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--cases", str(cases), *options],
                          capture_output=True, text=True, cwd=ROOT)


def test_the_halves_are_a_hash_of_file_and_row_not_a_choice() -> None:
    assert half("peer-corpora/liar2/test.csv:5915") == "A"
    assert half("peer-corpora/liar2/valid.csv:11169") == "B"


@pytest.mark.skipif(not (SHARED / "peer-corpora" / "liar2").is_dir(), reason="../shared corpora are absent")
def test_a_wrong_link_and_a_missed_label_are_counted_and_shown_only_for_the_half_asked(tmp_path: Path) -> None:
    cases = _labels(tmp_path, [
        {"file": "peer-corpora/liar2/test.csv", "id": 10146, "sha1": "6ae3de5c0a",                  # half A
         "links": {"doubled": {"metric": "fred.GFDEBTN", "period": "2009-Q1", "earlier": "2001-Q1"},
                   "about triple": {"metric": "fred.GFDEBTN", "period": "2014-Q4", "earlier": "2001-Q1"}}},
        {"file": "peer-corpora/liar2/test.csv", "id": 2566, "sha1": "f6be1d022c",                   # half B
         "links": {"57,000": {"metric": "fred.PAYEMS", "period": "2010-08", "earlier": "2010-06"}}}])  # a wrong base
    lines = _run(cases, "--show", "A").stdout.splitlines()
    assert lines[0].startswith("half A: ") and "1 links made, 1 right (precision 1.00)" in lines[0]
    assert lines[0].endswith("1 of 2 labelled links found (recall 0.50)")
    assert lines[1] == ("  missed: peer-corpora/liar2/test.csv id 10146: 'doubled' not linked to "
                        "{'earlier': '2001-Q1', 'metric': 'fred.GFDEBTN', 'period': '2009-Q1'}")
    assert lines[2].startswith("half B: ") and "1 links made, 0 right (precision 0.00)" in lines[2]
    assert len(lines) == 3                                                              # B: totals only
    shown = _run(cases, "--show", "B").stdout.splitlines()
    assert ("  wrong: peer-corpora/liar2/test.csv id 2566: '57,000' linked to "
            "{'metric': 'fred.PAYEMS', 'period': '2010-08', 'earlier': '2010-07'}") in shown


@pytest.mark.skipif(not (SHARED / "peer-corpora" / "liar2").is_dir(), reason="../shared corpora are absent")
def test_a_text_that_is_not_the_one_labelled_stops_the_run(tmp_path: Path) -> None:
    cases = _labels(tmp_path, [{"file": "peer-corpora/liar2/valid.csv", "id": 11169, "sha1": "0000000000", "links": {}}])
    run = _run(cases)
    assert run.returncode != 0
    assert "peer-corpora/liar2/valid.csv id 11169: the text is not the one labelled (sha1 0000000000)" in run.stderr


@pytest.mark.skipif(not (SHARED / "reference-data").is_dir(), reason="../shared reference data is absent")
def test_real_news_links_none_wrongly() -> None:
    """benchmarks/linking_real.py: a wrong link is a silent wrong verdict later; the counts add up."""
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "linking_real.py")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["en", "ko"]
    for line in lines:
        drafted, labelled, right, wrong = map(int, re.findall(r"\d+", line))
        assert wrong == 0 and right <= labelled <= drafted, line


@pytest.mark.skipif(not (SHARED / "reference-data").is_dir(), reason="../shared reference data is absent")
def test_real_news_counts_a_looked_up_change_and_reads_the_texts_asked(tmp_path: Path) -> None:
    """--texts reads another labels file; a percent change drafted as a relation of one metric in two
    periods is a link, right only with both periods labelled (here the first text leaves 71% unlabelled);
    --show lists it."""
    sentence = "Tesla's revenues rose 71% to $53.8 billion in 2021."
    texts = {"texts": [
        {"text": sentence, "language": "en", "published": "2022-02-10",
         "links": {"$53.8 billion": ["cik1318605.Revenues", "2021"]}},
        {"text": sentence, "language": "en", "published": "2022-02-10",
         "links": {"71%": ["cik1318605.Revenues", "2021", "2020"], "$53.8 billion": ["cik1318605.Revenues", "2021"]}}]}
    (tmp_path / "texts.yaml").write_text(yaml.safe_dump(texts), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "linking_real.py"), "--texts",
                             str(tmp_path / "texts.yaml")], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.splitlines() == ["en: 4 numbers drafted, 3 a fact-checker links; 3 linked rightly, 1 wrongly"]
    shown = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "linking_real.py"), "--texts",
                            str(tmp_path / "texts.yaml"), "--show"], capture_output=True, text=True, cwd=ROOT)
    assert shown.stdout.splitlines()[1:] == [
        f"  wrong: {sentence[:40]}: '71%' linked to "
        "{'metric': 'cik1318605.Revenues', 'period': '2021', 'earlier': '2020'}"]


@pytest.mark.skipif(not (SHARED / "peer-corpora" / "liar2").is_dir(), reason="../shared corpora are absent")
def test_the_second_held_out_set_is_one_tally_on_the_first_sets_reference_and_links_none_wrongly() -> None:
    """held-out.yaml has no reference of its own and no halves: one line, every link made right."""
    lines = _run(ROOT / "benchmarks" / "linking" / "held-out.yaml").stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("half held-out: 57 texts, "), lines
    made, right = map(int, re.search(r"(\d+) links made, (\d+) right", lines[0]).groups())  # type: ignore[union-attr]
    assert made == right, lines[0]
