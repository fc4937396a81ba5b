"""Claim-file loading: every schema rule as a case of YAML -> (line:col, message).

The bad-input tables (``claimfile_cases/*_cases.yaml``) write a small claim file
next to a small Korean article in ``tmp_path`` and compare the one-line errors the
loader reports. File-level cases
expect ``load_claim_file`` to return no claim file; claim-level cases expect the
claim to come back carrying the problem while its neighbour stays clean.
"""
from __future__ import annotations

import shutil
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.claimfile import discover, load_claim_file
from checker.claimfile import quotes
from checker.claimfile.quotes import find_quote, fold, locate_quotes, nearest_passage
from checker.claimfile.yamlpos import YamlMap, YamlRefused, load as load_yaml
from checker.periods import parse_period
from checker.quantities import parse_quantity

CASES = Path(__file__).parent / "claimfile_cases"
ARTICLE = CASES / "articles" / "sample.ko.txt"
SHARED = Path(__file__).resolve().parents[2] / "shared"

HEADER = """\
version: 1
article:
  file: article.txt
  published: 2024-02-19
  language: ko
claims:
"""
"""Six lines: the first claim starts on line 7, its keys at column 5."""

NEIGHBOUR = """\
  - id: clean
    quote: 전체 인력의 13%
    value: 13%
"""
"""A valid claim appended after every claim-level case: it must stay unaffected."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A claim repository in tmp_path (root marker, article), and cwd set to it."""
    (tmp_path / "claimcheck.yaml").write_text("")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def all_errors(path: Path, max_bytes: int | None = None) -> tuple[object, list[str]]:
    """Load ``path`` and flatten file errors and claim problems to 'line:col: message'."""
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    claim_file, errors = load_claim_file(path, **kwargs)
    problems = list(errors)
    if claim_file is not None:
        problems += [problem for claim in claim_file.claims for problem in claim.problems]
    return claim_file, [f"{e.location.line}:{e.location.column}: {e.message}" for e in problems]


# --------------------------------------------------------------------------- claim level

def cases(name: str) -> list[dict]:
    """One table of cases from tests/claimfile_cases/<name>.yaml."""
    return yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))


def table(name: str, *fields: str) -> pytest.MarkDecorator:
    """parametrize over a case table, ids from each case's ``id``."""
    rows = cases(name)
    values = [tuple(row[field] for field in fields) for row in rows]
    return pytest.mark.parametrize(fields, values, ids=[row["id"] for row in rows])


@table("claim_cases", "claims", "error")
def test_claim_level_problem(project: Path, claims: str, error: str) -> None:
    (project / "claims.yaml").write_text(HEADER + claims + NEIGHBOUR, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert claim_file is not None, errors
    assert error in errors
    clean = [claim for claim in claim_file.claims if claim.id == "clean"]
    assert clean and clean[0].problems == ()


@table("cycle_cases", "claims", "errors")
def test_cycles(project: Path, claims: str, errors: dict[str, str]) -> None:
    (project / "claims.yaml").write_text(HEADER + claims + NEIGHBOUR, encoding="utf-8")
    claim_file, _ = load_claim_file(Path("claims.yaml"))
    assert claim_file is not None
    problems = {c.id: [f"{p.location.line}:{p.location.column}: {p.message}" for p in c.problems] for c in claim_file.claims}
    for claim_id, message in errors.items():
        assert message in problems[claim_id]
    assert problems["clean"] == []


def test_chain_without_cycle_is_clean(project: Path) -> None:
    body = "  - id: a\n    relation: sum\n    of: [b, clean]\n  - id: b\n    relation: sum\n    of: [clean, clean]\n"
    (project / "claims.yaml").write_text(HEADER + body + NEIGHBOUR, encoding="utf-8")
    _, errors = all_errors(Path("claims.yaml"))
    assert errors == []


def test_quoted_dates_are_the_dates_they_name(project: Path) -> None:
    """``as_of: "2012-05-22"`` and ``published: "2024-02-19"``: quotes change nothing (issue 20)."""
    body = ('  - id: a\n    quote: 전체 인력의 13%\n    value: 13%\n    metric: meta.staff_share\n    period: 2023\n'
            '    as_of: "2012-05-22"\n'
            '  - id: b\n    quote: 전체 인력의 13%\n    value: 13%\n    relation: ratio\n'
            "    of: [{metric: meta.staff, period: 2023, as_of: '2012-05-22'}, {value: 100}]\n")
    (project / "claims.yaml").write_text(HEADER.replace("2024-02-19", '"2024-02-19"') + body, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert errors == []
    assert claim_file.article.published == date(2024, 2, 19)
    first, second = claim_file.claims
    assert first.as_of == date(2012, 5, 22) and second.operands[0].as_of == date(2012, 5, 22)


# --------------------------------------------------------------------------- file level

@table("file_cases", "text", "error")
def test_file_level_error(project: Path, text: str, error: str) -> None:
    (project / "claims.yaml").write_text(text, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert claim_file is None
    assert error in errors


BYTE_CASES = [
    ("utf-16", HEADER.encode("utf-16"), "1:1: file is UTF-16; save it as UTF-8"),
    ("nul-bytes", HEADER.encode() + b"\x00", "7:1: file contains NUL bytes (binary, or UTF-16 without BOM?); save it as UTF-8 text"),
    ("latin-1", HEADER.encode() + "  - id: caf\xe9\n".encode("latin-1"), "7:12: file is not valid UTF-8 (byte 0xe9); save it as UTF-8"),
]


@pytest.mark.parametrize(("data", "expected"), [case[1:] for case in BYTE_CASES], ids=[case[0] for case in BYTE_CASES])
def test_file_bytes_refused(project: Path, data: bytes, expected: str) -> None:
    (project / "claims.yaml").write_bytes(data)
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert claim_file is None
    assert errors == [expected]


def test_missing_file_and_directory(project: Path) -> None:
    assert all_errors(Path("nope.yaml")) == (None, ["1:1: file not found"])
    (project / "folder.yaml").mkdir()
    assert all_errors(Path("folder.yaml")) == (None, ["1:1: file is a directory"])


def test_size_bound_checked_before_reading(project: Path) -> None:
    (project / "claims.yaml").write_text(HEADER + NEIGHBOUR, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"), max_bytes=50)
    assert claim_file is None
    assert errors == [f"1:1: file is {len((HEADER + NEIGHBOUR).encode())} bytes, over the 50-byte limit of --max-bytes"]


def test_article_not_utf8(project: Path) -> None:
    (project / "article.txt").write_bytes("메타".encode("utf-16"))
    (project / "claims.yaml").write_text(HEADER + NEIGHBOUR, encoding="utf-8")
    assert all_errors(Path("claims.yaml")) == (None, ["3:9: article 'article.txt' is UTF-16; save it as UTF-8"])


def test_symlink_escaping_the_repository_is_refused(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text("x\n")
    (project / "link.csv").symlink_to(outside)
    (project / "claims.yaml").write_text(HEADER.replace("claims:\n", "reference: [link.csv]\nclaims:\n") + NEIGHBOUR, encoding="utf-8")
    assert all_errors(Path("claims.yaml")) == (None, ["6:13: reference 'link.csv' is outside the claim repository (.)"])


def test_billion_laughs_is_refused_fast(project: Path) -> None:
    levels = "".join(f"l{i + 1}: &l{i + 1} [{','.join([f'*l{i}'] * 10)}]\n" for i in range(20))
    (project / "claims.yaml").write_text("l0: &l0 [lol]\n" + levels, encoding="utf-8")
    started = time.perf_counter()
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert claim_file is None and "more than 1000 alias references" in errors[0]
    assert time.perf_counter() - started < 2


def test_bom_and_crlf_are_accepted(project: Path) -> None:
    text = (HEADER + NEIGHBOUR).replace("\n", "\r\n")
    (project / "claims.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode())
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert errors == []
    assert claim_file.claims[0].location.line == 7


def test_claim_problems_do_not_leak_to_other_files_or_claims(project: Path) -> None:
    body = "  - id: bad\n    qoute: x\n    note: !!binary aGk=\n"
    (project / "claims.yaml").write_text(HEADER + body + NEIGHBOUR, encoding="utf-8")
    claim_file, errors = load_claim_file(Path("claims.yaml"))
    assert errors == []
    bad, clean = claim_file.claims
    assert [p.message for p in bad.problems] == ["YAML tag '!!binary' is not allowed", "unknown key 'qoute' (did you mean 'quote'?)"]
    assert clean.problems == () and clean.quote_span is not None


# --------------------------------------------------------------------------- a good file


def test_good_file_round_trips_with_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES.parent)
    claim_file, errors = load_claim_file(CASES / "good.yaml")
    assert errors == []
    assert [claim.problems for claim in claim_file.claims] == [()] * len(claim_file.claims)
    shown = "claimfile_cases/good.yaml"
    assert str(claim_file.path) == shown
    assert claim_file.reference_paths == (Path("claimfile_cases/reference/sample.csv"),)
    assert claim_file.article.path == Path("claimfile_cases/articles/sample.ko.txt")
    assert [(at.line, at.column) for at in claim_file.reference_locations] == [(8, 13)]
    assert claim_file.tolerance == {"approx": Decimal("0.03"), "imprecise_factor": Decimal(2)}
    article = claim_file.article
    assert article.published == date(2024, 2, 19) and article.language == "ko"
    assert article.source["publisher"] == "테스트 신문"
    claims = {claim.id: claim for claim in claim_file.claims}

    net = claims["q3-2022-net-income"]
    assert (net.location.path, net.location.line, net.location.column) == (shown, 12, 5)
    assert net.key_locations["metric"].line == 15 and net.key_locations["metric"].column == 13
    assert article.text[slice(*net.quote_span)] == "메타는 2022년 3분기 44억 달러의 순이익을 기록했다"
    assert net.value == parse_quantity("44억 달러", "ko") and net.value_text == "44억 달러"
    assert net.period == parse_period("2022-Q3") and net.expect == "supported"

    half = claims["q3-2022-half"]
    assert half.relation == "ratio" and half.metric is None
    first, second = half.operands
    assert (first.claim, first.side, first.location.line, first.location.column) == ("q3-2022-net-income", "stated", 21, 10)
    assert (second.metric, second.period, second.agg) == ("meta.net_income", parse_period("2021-Q3"), "last")
    assert half.tolerance == {"approx": Decimal("0.1"), "imprecise": Decimal("0.08")}
    assert half.direction == "down"

    horizon = claims["rename-to-horizon"]
    quoted = article.text[slice(*horizon.quote_span)]
    assert quoted.startswith("그로부터 10개월") and quoted.endswith("발표했다") and "\n" in quoted
    assert [operand.event for operand in horizon.operands] == ["meta.rename", "meta.horizon_worlds_europe"]

    share = claims["layoff-share"]
    assert share.expr == "a / b * 100" and share.as_of == "latest"
    assert share.operands["a"].claim == "q3-2022-net-income" and share.operands["a"].side == "actual"
    assert share.operands["b"].value == parse_quantity("1만1,000명", "ko")

    chips = claims["ai-chips"]
    assert article.text[slice(*chips.quote_span)] == "ＡＩ 칩 35만 개"
    assert chips.value_text == "350000" and chips.as_of == date(2024, 1, 18)
    assert chips.period == parse_period(2024)


def test_values_go_through_the_quantity_grammar() -> None:
    """The real grammar, not a stand-in: 44억 달러 is 4.4e9 USD."""
    claim_file, _ = load_claim_file(CASES / "good.yaml")
    net = claim_file.claims[0]
    assert net.value is not None and net.value.unit == "USD", net.value
    assert net.value.value == Decimal("4400000000")


# --------------------------------------------------------------------------- quotes

QUOTE_CASES = [
    ("exact", "전년 대비 절반 수준이었다", "전년 대비 절반 수준이었다"),
    ("spaces-dropped", "44억달러의순이익", "44억 달러의 순이익"),
    ("spaces-added", "메타는  2022 년 3분기", "메타는 2022년 3분기"),
    ("across-line-break", "유럽 출시를 발표했다", "유럽 출시를\n발표했다"),
    ("straight-for-curly-single", "'메타(Meta)'로", "‘메타(Meta)’로"),
    ("straight-for-curly-double", '"호라이즌 월드"', "“호라이즌 월드”"),
    ("half-width-for-full-width", "AI 칩", "ＡＩ 칩"),
    ("full-width-for-half-width", "１３％에", "13%에"),
    ("full-width-parens", "메타（Meta）", "메타(Meta)"),
    ("nbsp-and-zero-width", "1만1,000명을\u00a0해\u200b고", "1만1,000명을 해고"),
]


@pytest.mark.parametrize(("quote", "original"), [case[1:] for case in QUOTE_CASES], ids=[case[0] for case in QUOTE_CASES])
def test_quote_is_found_despite_typing(quote: str, original: str) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    span = find_quote(quote, fold(text))
    assert span is not None
    assert text[span[0] : span[1]] == original


@pytest.mark.parametrize("quote", ["메타는 2023년 3분기", "", "   ", "완전히 다른 문장"], ids=["wrong-year", "empty", "blank", "absent"])
def test_quote_not_found(quote: str) -> None:
    assert find_quote(quote, fold(ARTICLE.read_text(encoding="utf-8"))) is None


def test_nearest_passage_names_the_line() -> None:
    passage = nearest_passage("직원 1만2,000명을 해고했다", fold(ARTICLE.read_text(encoding="utf-8")))
    assert passage is not None
    assert passage.line == 6 and "1만1,000명을 해고했다" in passage.text


def test_shared_article_quotes() -> None:
    article = SHARED / "articles" / "meta-ai-pivot.ko.txt"
    if not article.exists():
        pytest.skip(f"shared article not present at {article}")
    text = article.read_text(encoding="utf-8")
    span = find_quote("그로부터 10개월 뒤인 2022년 8월", fold(text))
    assert span is not None and text[span[0] : span[1]] == "그로부터 10개월 뒤인 2022년 8월"
    passage = nearest_passage("그로부터 11개월 뒤인 2022년 8월", fold(text))
    assert passage is not None and "10개월" in passage.text


def _windows(text: str, width: int, step: int) -> list[str]:
    """Every ``width``-character passage starting each ``step`` characters: quotes as a desk copies them."""
    return [text[start:start + width] for start in range(0, len(text), step)]


@pytest.mark.parametrize("article", [ARTICLE, SHARED / "articles" / "meta-ai-pivot.ko.txt"], ids=["sample", "shared"])
def test_quotes_located_at_once_are_where_each_search_finds_them(article: Path) -> None:
    """A file of many claims locates its quotes in one pass over the article: each gets the span a
    search of its own gives, the first occurrence of a repeated passage, None for a missing one."""
    if not article.exists():
        pytest.skip(f"shared article not present at {article}")
    text = article.read_text(encoding="utf-8")
    quotes = [case[1] for case in QUOTE_CASES] + ["메타는 2023년 3분기", "", "   ", "완전히 다른 문장", "13%", "억 달러"]
    quotes += _windows(text, 14, 5) + _windows(text, 40, 11) + text.splitlines()
    quotes += [mark + passage for mark in "]^\\-[" for passage in _windows(text, 10, 397)]  # marks of a class
    folded = fold(text)
    located = locate_quotes(quotes, folded, many=1)
    assert located == {quote: find_quote(quote, folded) for quote in quotes}
    assert sum(span is None for span in located.values()) >= 4


def test_a_claim_file_of_many_quotes_reads_as_one_of_few(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same claims, spans and not-found messages whether the quotes were located at once or one by one."""
    claims = HEADER + NEIGHBOUR + """\
  - id: again
    quote: 전체 인력의 13%
    value: 13%
  - id: missing
    quote: 직원 1만2,000명을 해고했다
    value: 1만2,000명
"""
    (project / "claims.yaml").write_text(claims, encoding="utf-8")
    one_by_one, messages = all_errors(project / "claims.yaml")
    monkeypatch.setattr(quotes, "MANY_QUOTES", 1)
    at_once, messages_at_once = all_errors(project / "claims.yaml")
    spans = [claim.quote_span for claim in at_once.claims]
    assert messages_at_once == messages and any("quote not found" in message for message in messages)
    assert spans == [claim.quote_span for claim in one_by_one.claims]
    assert spans[0] is not None and spans[0] == spans[1] and spans[2] is None


# --------------------------------------------------------------------------- yaml positions


def test_yaml_keeps_positions_and_digits() -> None:
    document = load_yaml("a:\n  - 4.40\n  - {b: 1_000, c: on}\n", "x.yaml")
    root = document.value
    assert isinstance(root, YamlMap) and document.problems == ()
    assert root["a"][0] == Decimal("4.40") and str(root["a"][0]) == "4.40"
    assert root["a"][1] == {"b": 1000, "c": True}
    assert [(at.line, at.column) for at in root["a"].item_locations] == [(2, 5), (3, 5)]
    assert root["a"][1].key_locations["c"].column == 16


def test_yaml_alias_within_bounds_is_expanded() -> None:
    document = load_yaml("base: &b {x: 1}\nother: *b\n", "x.yaml")
    assert document.value["other"] == {"x": 1}


def test_yaml_refusal_carries_position() -> None:
    with pytest.raises(YamlRefused) as refused:
        load_yaml("a: b: c\n", "x.yaml")
    assert str(refused.value.location) == "x.yaml:1:5"


# --------------------------------------------------------------------------- discovery


def test_discover_finds_claim_files_only(project: Path) -> None:
    (project / "claims").mkdir()
    (project / "claims" / "meta.yaml").write_text(HEADER + NEIGHBOUR, encoding="utf-8")
    (project / "claims" / "sub").mkdir()
    (project / "claims" / "sub" / "other.yml").write_text("claims: []\n", encoding="utf-8")
    (project / "claims" / "config.yaml").write_text("setting: 1\n", encoding="utf-8")
    (project / "claims" / "reference").mkdir()
    (project / "claims" / "reference" / "meta.yaml").write_text("version: 1\nrows: []\n", encoding="utf-8")
    (project / "claims" / "notes.txt").write_text("claims: x\n", encoding="utf-8")
    found, errors = discover([Path("claims"), Path("claims/meta.yaml"), Path("missing")])
    assert found == [Path("claims/meta.yaml"), Path("claims/sub/other.yml")]
    assert [str(error) for error in errors] == ["missing:1:1: no such file or directory"]


def test_absolute_paths_are_shown_relative_to_cwd(project: Path) -> None:
    (project / "claims.yaml").write_text(HEADER + "  - id: a\n    qoute: x\n", encoding="utf-8")
    claim_file, _ = load_claim_file(project / "claims.yaml")
    assert claim_file.claims[0].problems[0].location.path == "claims.yaml"


def test_relative_period_resolves_against_published(project: Path) -> None:
    body = "  - id: a\n    quote: 전체 인력의 13%\n    period: 지난해\n    value: 13%\n"
    (project / "claims.yaml").write_text(HEADER + body, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert errors == []
    assert claim_file.claims[0].period == parse_period("2023")


def test_single_reference_string_and_null_claims(project: Path) -> None:
    (project / "data.csv").write_text("entity,metric,period,value,unit,source\n", encoding="utf-8")
    text = HEADER.replace("claims:\n", "reference: data.csv\nclaims:\n")
    (project / "claims.yaml").write_text(text, encoding="utf-8")
    claim_file, errors = all_errors(Path("claims.yaml"))
    assert errors == []
    assert claim_file.reference_paths == (Path("data.csv"),) and claim_file.claims == ()


YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!#|>'\"\n \t%@`,?<=~0123456789.메\ufeff\x00\x07")), max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=YAMLISH)
def test_any_text_gives_errors_not_tracebacks(project: Path, body: str) -> None:
    for text in (body, HEADER + body, HEADER + "  - id: a\n    note: " + body):
        (project / "claims.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        claim_file, errors = load_claim_file(Path("claims.yaml"))
        assert (claim_file is None) == bool(errors)
        assert all(error.location.line >= 1 and error.location.column >= 1 for error in errors)
