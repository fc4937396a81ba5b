"""No table word crashes the grammar, however it is spaced, and a bug in one claim costs only that claim.

Issue: "농림수산품은 전월대비 1.5% 상승했다." ended ``extract`` in ``KeyError: '전월대비'`` (the pattern let the
word's parts run together, the table was looked up with the spaced word) and, as a claim's value, made
``check`` load 0 claims of the file. The probe writes every word of every grammar table with its spaces
removed, doubled, upper- and title-cased, before and after numbers in both languages, and runs every reader
of quantities on it (the extraction with its draft, the value and rank readers, the quantity parser).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.claimfile.load import _read_value
from checker.cli import main
from checker import periods
from checker.extraction import english_periods, extract
from checker.extraction.draft import claims as draft_claims
from checker.quantities import hedges, parse_quantity, predicates, tables
from checker.quantities.predicates import read_rank, read_value

SENTENCE = "농림수산품은 전월대비 1.5% 상승했다."
CONTEXTS = {
    "ko": ("{w} 1.5% 올랐다", "{w} 1.5%", "1.5% {w}", "1.5%{w}", "{w}1.5%", "{w} 3억 원", "3억 원 {w}", "3억 원{w}"),
    "en": ("prices rose 3% in {w}", "{w} prices rose 3%", "{w} 1.5%", "1.5% {w}", "{w} 3 percent", "{w} $3 billion", "$3 billion {w}", "{w} 3", "3 {w}"),
}


def _table_words() -> list[str]:
    """Every string key of every grammar table: the module-level tables and the compiled predicate tables."""
    words: set[str] = set()
    for module in (tables, predicates, hedges, periods, english_periods):
        for name, table in vars(module).items():
            if name.isupper() and isinstance(table, dict):
                for key in table:
                    words.update(part for part in (key if isinstance(key, tuple) else (key,)) if isinstance(part, str))
    for language in CONTEXTS:
        prefixes, suffixes = predicates._tables(language)
        for table in (*prefixes, *suffixes):
            words.update(table.words)
    return sorted(word for word in words if word.strip())


def _spellings(word: str) -> set[str]:
    parts = word.split()
    return {word, "".join(parts), "  ".join(parts), word.upper(), word.title()}


def _readers(text: str, language: str):
    yield lambda: draft_claims(extract(text, language, "2022-06-15"))
    yield lambda: parse_quantity(text, language)
    yield lambda: read_value(text, language)
    yield lambda: read_rank(text, language)


def test_every_table_word_in_every_spacing_reads_without_crashing() -> None:
    crashes: dict[str, str] = {}
    probes = 0
    for word in _table_words():
        for spelling in _spellings(word):
            for language, contexts in CONTEXTS.items():
                for context in contexts:
                    text = context.format(w=spelling)
                    for read in _readers(text, language):
                        probes += 1
                        try:
                            read()
                        except Exception as problem:  # collected, so one run lists every crash
                            crashes.setdefault(f"{type(problem).__name__}: {problem}", text)
    assert probes > 50_000, f"the probe found only {probes} readings to try: the tables were not read"
    assert not crashes, f"{len(crashes)} distinct crashes, e.g. {list(crashes.items())[:5]}"


def test_a_korean_word_written_without_its_space_is_the_same_word() -> None:
    spaced, joined = read_value("전월 대비 1.5% 상승했다", "ko"), read_value("전월대비 1.5% 상승했다", "ko")
    assert joined is not None and spaced is not None
    assert joined.quantity.value == spaced.quantity.value == 1.5
    assert (joined.predicate.direction, joined.predicate.sign) == ("up", 1)
    assert "전월대비" in joined.predicate.words


def test_english_words_keep_their_spaces() -> None:
    """'came to' is a level verb; 'cameto' is no English word and must not read as one."""
    assert read_value("came to 1.5%", "en").predicate.form == "level"
    worded = read_value("cameto 1.5%", "en")
    assert worded is None or worded.predicate is None or "cameto" not in worded.predicate.words


def test_extract_drafts_the_real_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.ko.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    assert main(["extract", str(article), "--lang", "ko"]) == 0
    printed = capsys.readouterr().out
    assert "value: 1.5% 상승했다" in printed and "Traceback" not in printed


def _claim_repository(root: Path) -> Path:
    (root / ".git").mkdir()
    (root / "article.txt").write_text(SENTENCE + " 축산물은 2.0% 하락했다.\n", encoding="utf-8")
    (root / "reference.csv").write_text(
        "entity,metric,period,value,unit,source\n"
        "kr,ppi_agri,2022-05,1.5,%,https://ecos.bok.or.kr/\n", encoding="utf-8")
    claims = root / "claims.yaml"
    claims.write_text(
        "version: 1\n"
        "article: {file: article.txt, published: 2022-06-21, language: ko}\n"
        "reference: [reference.csv]\n"
        "claims:\n"
        "  - id: agri\n"
        "    quote: 농림수산품은 전월대비 1.5% 상승했다\n"
        "    value: 전월대비 1.5% 상승했다\n"
        "    metric: kr.ppi_agri\n"
        "    period: 2022-05\n"
        "  - id: livestock\n"
        "    quote: 축산물은 2.0% 하락했다\n"
        "    value: 2.0% 하락했다\n", encoding="utf-8")
    return claims


def _verdicts(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    report = json.loads(capsys.readouterr().out)
    return {result["id"]: result["verdict"] for result in report["results"]}


def test_a_claim_whose_value_holds_the_joined_word_is_checked(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    claims = _claim_repository(tmp_path)
    assert main(["check", str(claims), "--format", "json"]) == 0
    assert _verdicts(capsys) == {"agri": "supported", "livestock": "unverifiable"}


def test_a_bug_while_reading_one_claim_costs_only_that_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A grammar bug (made here by a reader that fails on one text) is that claim's ``error``, one line."""
    original = read_value

    def failing_on_one_text(text: str, language: str | None = None):
        if "전월대비" in text:
            raise KeyError("전월대비")
        return original(text, language)

    monkeypatch.setattr("checker.claimfile.load.read_value", failing_on_one_text)
    _read_value.cache_clear()  # a reading kept from an earlier test would never reach the failing reader
    claims = _claim_repository(tmp_path)
    assert main(["check", str(claims), "--format", "json"]) == 2
    assert _verdicts(capsys) == {"agri": "error", "livestock": "unverifiable"}
    assert main(["lint", str(claims)]) == 2
    captured = capsys.readouterr()
    assert "internal error while reading this claim: KeyError('전월대비')" in captured.err
    assert "Traceback" not in captured.err + captured.out
