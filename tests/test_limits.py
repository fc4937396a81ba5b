"""Limits: what a hostile or broken input may cost, measured.

A claim file comes from a pull request and an article from anywhere, so each bound is
checked with the resources it protects: a billion-laughs document is refused in well
under a second with a small, measured peak of memory; a 20 GB file is refused by its
size without a byte read; a path written in a claim file cannot leave the claim
repository, by ``..`` or by a symlink.
"""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Callable

import pytest

from checker.claimfile import load_claim_file
from checker.claimfile.yamlpos import MAX_DEPTH, YamlRefused, load as load_yaml
from checker.reference import ReferenceData, clear_cache
from checker.reference.files import MAX_BYTES as REFERENCE_MAX_BYTES
from checker.textfiles import MAX_BYTES

BASE = Path(__file__).parent / "bad_inputs" / "base"
ARTICLE = (BASE / "article.txt").read_text(encoding="utf-8")
HEADER = "version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
SECONDS = 1.0
PEAK_BYTES = 5_000_000
"""Peak Python allocations allowed while refusing one bomb (a built billion laughs is terabytes)."""


def laughs(levels: int, width: int = 10) -> str:
    """A billion-laughs document: ``width ** levels`` strings once every alias is expanded."""
    lines = ["version: 1", "l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines.append(f"claims: *l{levels}")
    return "\n".join(lines) + "\n"


def quadratic_blowup(width: int = 900) -> str:
    """Few aliases, each to one big node: the attack that slips under an alias count alone."""
    return "version: 1\nbig: &b [" + ", ".join(["lol"] * 5000) + "]\nclaims: [" + ", ".join(["*b"] * width) + "]\n"


def measured(action: Callable[[], object]) -> tuple[object, float, int]:
    """``action()``'s result (or the exception it raised), seconds taken and peak bytes allocated."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = action()
    except Exception as problem:  # the refusal is the outcome we measure
        outcome = problem
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, peak


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- YAML bombs

BOMBS = {
    "billion-laughs-9": laughs(9),     # 10**9 strings
    "billion-laughs-30": laughs(30),   # 10**30 strings
    "quadratic-blowup": quadratic_blowup(),
    "deep-flow": "claims: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep-block": "claims:\n" + "".join("  " * level + "- \n" for level in range(300)),
}


@pytest.mark.parametrize("text", BOMBS.values(), ids=BOMBS.keys())
def test_yaml_bomb_is_refused_fast_with_bounded_memory(text: str) -> None:
    outcome, seconds, peak = measured(lambda: load_yaml(text, "bomb.yaml"))
    assert isinstance(outcome, YamlRefused), outcome
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


def test_yaml_bomb_in_a_claim_file_is_one_located_error(repository: Path) -> None:
    (repository / "bomb.yaml").write_text(laughs(12), encoding="utf-8")
    (claim_file, errors), seconds, peak = measured(lambda: load_claim_file(repository / "bomb.yaml"))
    assert claim_file is None and [str(error) for error in errors] == ["bomb.yaml:5:5: more than 1000 alias references"]
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


def test_nesting_just_inside_the_bound_still_loads() -> None:
    depth = MAX_DEPTH - 1
    document = load_yaml("[" * depth + "]" * depth, "deep.yaml")
    assert document.problems == ()


# --------------------------------------------------------------------------- size bounds

def sparse(path: Path, size: int) -> Path:
    """A file that says it is ``size`` bytes long and costs no disk."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def test_oversized_claim_file_is_refused_before_reading(repository: Path) -> None:
    sparse(repository / "huge.yaml", 20_000_000_000)
    (claim_file, errors), seconds, peak = measured(lambda: load_claim_file(repository / "huge.yaml"))
    assert claim_file is None
    assert [str(error) for error in errors] == [
        f"huge.yaml:1:1: file is 20000000000 bytes, over the {MAX_BYTES}-byte limit of --max-bytes"]
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


def test_oversized_article_is_refused_before_reading(repository: Path) -> None:
    sparse(repository / "huge.txt", 20_000_000_000)
    (repository / "claims.yaml").write_text(
        "version: 1\narticle: {file: huge.txt, published: 2024-02-19, language: ko}\nclaims: []\n", encoding="utf-8")
    (claim_file, errors), seconds, peak = measured(lambda: load_claim_file(repository / "claims.yaml"))
    assert claim_file is None
    assert [str(error) for error in errors] == [
        f"claims.yaml:2:17: article 'huge.txt' is 20000000000 bytes, over the {MAX_BYTES}-byte limit of --max-bytes"]
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


def test_oversized_reference_file_is_refused_before_reading(repository: Path) -> None:
    clear_cache()
    huge = sparse(repository / "huge.csv", 20_000_000_000)
    (data, errors), seconds, peak = measured(lambda: ReferenceData.load([huge]))
    assert [error.message for error in errors] == [
        f"reference file is 20000000000 bytes, over the {REFERENCE_MAX_BYTES}-byte limit of --max-reference-bytes"]
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


def test_the_size_bound_is_configurable(repository: Path) -> None:
    text = HEADER + "claims: []\n" + "# a hand-written note\n" * 40  # larger than the article
    (repository / "claims.yaml").write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    assert load_claim_file(repository / "claims.yaml", max_bytes=size)[1] == []
    claim_file, errors = load_claim_file(repository / "claims.yaml", max_bytes=size - 1)
    assert claim_file is None and errors[0].message == f"file is {size} bytes, over the {size - 1}-byte limit of --max-bytes"


# --------------------------------------------------------------------------- paths stay inside

ESCAPES = {
    "article-dotdot": ("article: {file: ../../../../../../../../etc/passwd, published: 2024-02-19}\nclaims: []\n",
                       "claims.yaml:2:17: article '../../../../../../../../etc/passwd' is outside the claim repository"),
    "reference-dotdot": ("article: {file: article.txt}\nreference: [../../../../../../../../etc/passwd]\nclaims: []\n",
                         "claims.yaml:3:13: reference '../../../../../../../../etc/passwd' is outside the claim repository"),
    "reference-absolute": ("article: {file: article.txt}\nreference: [/etc/passwd]\nclaims: []\n",
                           "claims.yaml:3:13: reference '/etc/passwd' is outside the claim repository"),
    "article-symlink": ("article: {file: linked.txt}\nclaims: []\n",
                        "claims.yaml:2:17: article 'linked.txt' is outside the claim repository"),
    "reference-symlink": ("article: {file: article.txt}\nreference: [linked.txt]\nclaims: []\n",
                          "claims.yaml:3:13: reference 'linked.txt' is outside the claim repository"),
    "folder-symlink": ("article: {file: article.txt}\nreference: [data/passwd]\nclaims: []\n",
                       "claims.yaml:3:13: reference 'data/passwd' is outside the claim repository"),
}


@pytest.mark.parametrize(("text", "error"), ESCAPES.values(), ids=ESCAPES.keys())
def test_paths_cannot_leave_the_repository(repository: Path, text: str, error: str) -> None:
    (repository / "linked.txt").symlink_to("/etc/passwd")
    (repository / "data").symlink_to("/etc")
    (repository / "claims.yaml").write_text("version: 1\n" + text, encoding="utf-8")
    claim_file, errors = load_claim_file(repository / "claims.yaml")
    assert claim_file is None and any(str(problem).startswith(error) for problem in errors), errors


def test_a_symlink_that_stays_inside_is_fine(repository: Path) -> None:
    (repository / "articles").mkdir()
    (repository / "articles" / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (repository / "linked.txt").symlink_to(repository / "articles" / "real.txt")
    (repository / "claims.yaml").write_text(
        "version: 1\narticle: {file: linked.txt, published: 2024-02-19, language: ko}\nclaims: []\n", encoding="utf-8")
    claim_file, errors = load_claim_file(repository / "claims.yaml")
    assert errors == [] and claim_file is not None and claim_file.article.text == ARTICLE


def test_a_sentence_of_hundreds_of_numbers_costs_per_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """"doubled 5 dollars" 600 times in one sentence (a hostile input) took 103 s when every
    relation word paired every number of its sentence. Each now looks at a bounded window
    of neighbours, and a sentence is searched once per pattern: counted, not timed."""
    from checker.extraction import extract, relations
    windows: list[int] = []
    clauses: list[int] = []
    in_sentences, clause = relations.Article.in_sentences, relations.Article.clause

    def counted_window(self: relations.Article, index: int, back: int = 0) -> list[int]:
        found = in_sentences(self, index, back)
        windows.append(len(found))
        return found

    def counted_clause(self: relations.Article, index: int) -> str:
        clauses.append(index)
        return clause(self, index)
    monkeypatch.setattr(relations.Article, "in_sentences", counted_window)
    monkeypatch.setattr(relations.Article, "clause", counted_clause)
    result = extract("Sales doubled 5 dollars and fell by half 9 dollars from " * 300, "en")
    assert len(result.quantities) >= 1200
    assert windows and max(windows) <= 2 * relations.NEAREST + 1 < 100   # of 1,200 numbers in the sentence
    assert len(clauses) <= 2    # one sentence, each clause pattern searched once


def test_reference_files_have_their_own_limit(repository: Path) -> None:
    """A provider download outgrows the claim files' limit: check reads it under --max-reference-bytes."""
    from checker.evaluation.engine import check

    clear_cache()
    rows = "".join(f"acme,revenue,{year},{year - 2000},USD,https://example.com/acme\n" for year in range(2000, 2040))
    (repository / "ref.csv").write_text("entity,metric,period,value,unit,source\n" + rows, encoding="utf-8")
    (repository / "article.txt").write_text("매출은 35달러였다.\n", encoding="utf-8")
    claims = (repository / "claims.yaml")
    claims.write_text(HEADER + "reference: [ref.csv]\nclaims:\n  - {id: a, quote: '매출은 35달러였다', value: 35달러, "
                      "metric: acme.revenue, period: 2035}\n", encoding="utf-8")
    small = claims.stat().st_size + 1  # the claim file and article fit, the reference file does not
    report = check([claims], max_bytes=small)
    assert [str(error) for error in report.errors] == [] and [r.verdict for r in report.results] == ["supported"]
    clear_cache()
    refused = check([claims], max_bytes=small, max_reference_bytes=small)
    assert [error.message for error in refused.errors] == [
        f"reference file is {(repository / 'ref.csv').stat().st_size} bytes, over the {small}-byte limit "
        "of --max-reference-bytes"]
