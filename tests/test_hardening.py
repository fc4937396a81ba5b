"""Issue 13 (hardening, round 2): property tests for the classes the bad-input catalogue cannot show.

Each test names its class. Bounds are asserted as growth (doubling the input at most
about doubles the work or the output) or against a generous wall-clock limit measured
on a loaded two-core machine, never as an exact timing.
"""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.claimfile import load_claim_file
from checker.claimfile.cycles import cycles
from checker.claimfile.quotes import fold, nearest_passage, not_found_message
from checker.errors import InputError, Location, printable
from checker.reports.workflow import Guard, neutral

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "bad_inputs" / "base"
HEADER = (BASE / "header.yaml").read_text(encoding="utf-8")
QUOTE = "메타는 2022년 3분기 44억 달러의 순이익을 기록했다"


def repository(tmp_path: Path, claims: str) -> Path:
    """The catalogue's base repository with ``bad.yaml`` holding ``claims``."""
    import shutil

    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(HEADER + claims, encoding="utf-8")
    return tmp_path / "bad.yaml"


def run_cli(*arguments: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    environment = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=300)


# --------------------------------------------------------------------------- 11: hangs and blow-ups

def _chain(links: int) -> str:
    text = f"  - id: c0\n    quote: {QUOTE}\n    value: 44억 달러\n    metric: meta.net_income\n    period: 2022-Q3\n"
    for index in range(1, links):
        text += (f"  - id: c{index}\n    value: 1\n    relation: ratio\n"
                 f"    of: [{{claim: c{index - 1}, side: actual}}, {{claim: c{index - 1}, side: actual}}]\n")
    return text


def test_a_chain_of_actual_operands_grows_its_report_linearly(tmp_path: Path) -> None:
    """Class: a description inlining each operand's description doubles at every link (40 links: gigabytes)."""
    from checker import check

    sizes = {}
    for links in (20, 40):
        folder = tmp_path / str(links)
        folder.mkdir()
        path = repository(folder, _chain(links))
        report = check([path])
        assert not report.errors and len(report.results) == links
        sizes[links] = len(json.dumps(report.to_dict(), default=str))
    assert sizes[40] < 2.5 * sizes[20], sizes


def test_the_cycle_check_is_linear_and_its_messages_short() -> None:
    """Class: a search per claim, copying its path, is cubic (6,000 ratio claims > 60 s)."""
    timings = {}
    for size in (10_000, 20_000):
        graph = {f"c{i}": [(f"c{(i + 1) % size}", Location("f", i + 1, 1))] * 2 for i in range(size)}
        started = time.perf_counter()
        found = cycles(graph, list(graph))
        timings[size] = time.perf_counter() - started
        assert len(found) == size and max(len(message) for message, _ in found.values()) < 200
    assert timings[20_000] < 4 * timings[10_000] + 1, timings


def _on_a_cycle(graph: dict[str, list], node: str) -> bool:
    seen, todo = set(), [target for target, _ in graph.get(node, [])]
    while todo:
        current = todo.pop()
        if current == node:
            return True
        if current not in seen:
            seen.add(current)
            todo += [target for target, _ in graph.get(current, [])]
    return False


@pytest.mark.parametrize("seed", range(40))
def test_the_cycle_check_names_exactly_the_claims_on_a_cycle(seed: int) -> None:
    """Property: against plain reachability on random graphs; every message is a real closed walk."""
    rng = random.Random(seed)
    names = [f"n{i}" for i in range(rng.randint(1, 12))]
    graph = {name: [(rng.choice(names), Location("f", 1, 1)) for _ in range(rng.randint(0, 2))] for name in names}
    found = cycles(graph, names)
    assert set(found) == {name for name in names if _on_a_cycle(graph, name)}
    for name, (message, _) in found.items():
        steps = message.removeprefix("cycle: ").split(" -> ")
        assert steps[0] == steps[-1] == name
        assert all(any(target == after for target, _ in graph[before]) for before, after in zip(steps, steps[1:]))


def test_problems_are_charged_to_claims_in_linear_time(tmp_path: Path) -> None:
    """Class: charging each YAML problem to its claim by scanning all claims is quadratic (20,000: 47 s)."""
    timings = {}
    for size in (2_000, 4_000):
        (tmp_path / str(size)).mkdir()
        claims = "".join(f"  - id: c{i}\n    note: x\n    note: y\n" for i in range(size))
        path = repository(tmp_path / str(size), claims)
        started = time.perf_counter()
        claim_file, errors = load_claim_file(path)
        timings[size] = time.perf_counter() - started
        assert claim_file is not None and all(claim.problems for claim in claim_file.claims)
        assert claim_file.claims[-1].problems[0].location.line == 5 + 3 * (size - 1) + 2
    assert timings[4_000] < 3 * timings[2_000] + 1, timings


def test_the_nearest_passage_of_a_long_quote_costs_one_pass() -> None:
    """Class: aligning a 1,000-character quote against a 1 MB article took seconds per quote."""
    rng = random.Random(1)
    words = ["메타는", "2022년", "3분기", "순이익을", "기록했다", "the", "company", "reported", "net", "income"]
    sentence = "저커버그는 호라이즌 월드의 유럽 출시를 발표했고 " * 20
    article = fold(" ".join(rng.choice(words) for _ in range(150_000)) + "\n" + sentence)
    started = time.perf_counter()
    for _ in range(3):
        not_found_message("가나다라마바사아자차카타파하" * 80, article, "a.txt")
    assert time.perf_counter() - started < 20
    passage = nearest_passage(sentence.replace("발표", "발포", 1), article)  # a typo in a 500-character quote
    assert passage is not None and passage.line == 2


def test_only_the_first_unfound_quotes_are_searched(tmp_path: Path) -> None:
    """Class: many unfound quotes each pass over the article; after 20 a miss only says so."""
    claims = "".join(f"  - id: c{i}\n    quote: 없는 문장 {i}번\n" for i in range(25))
    claim_file, _ = load_claim_file(repository(tmp_path, claims))
    messages = [claim.problems[0].message for claim in claim_file.claims]
    assert all("nearest passage not sought" not in message for message in messages[:20])
    assert all("nearest passage not sought after 20 misses" in message for message in messages[20:])


# --------------------------------------------------------------------------- 5, 8: what reaches a terminal or a log

@pytest.mark.parametrize("seed", range(30))
def test_no_printed_line_can_be_a_workflow_command(seed: int) -> None:
    """Property: whatever is written through the guard, no line starts a command or holds '##['."""
    rng = random.Random(seed)
    alphabet = [":", "::", "#", "##[", "[", "\n", "\r", " ", "error", "stop-commands", "x", "%"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
    sink = io.StringIO()
    guard = Guard(sink)
    for piece in (text[: len(text) // 2], text[len(text) // 2:]):
        guard.write(piece)
    guard.flush()
    for line in sink.getvalue().split("\n"):
        assert not line.lstrip().startswith("::") and "##[" not in line and "\r" not in line, line
    assert neutral("path:1:1: fine") == "path:1:1: fine"


@pytest.mark.parametrize("code", [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x202E, 0x2066])
def test_every_control_character_is_shown_escaped(code: int) -> None:
    """Class: ESC, line breaks, C1 controls and bidi overrides reach the terminal as themselves."""
    error = InputError(Location(f"a{chr(code)}.yaml", 1, 1), f"key {chr(code)}")
    assert chr(code) not in str(error) and chr(code) not in printable(chr(code)) and str(error).count("\n") == 0


def test_a_github_report_under_actions_forges_nothing(tmp_path: Path) -> None:
    """Every line printed in Actions, stdout and stderr, is an escaped annotation or no command at all."""
    repository(tmp_path, "  - id: a\n    '::error title=x::y\\n##[warning]z': 1\n")
    done = run_cli("check", "bad.yaml", "::stop-commands::t.yaml", "--format", "github", cwd=tmp_path,
                   env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    for line in (done.stdout + done.stderr).splitlines():
        assert "##[" not in line
        assert not line.startswith("::") or line.startswith(("::error file=", "::warning file=", "::notice file=")), line


# --------------------------------------------------------------------------- 10: a crash costs its part

def test_a_crash_counting_an_articles_numbers_costs_an_error_not_the_run(tmp_path: Path, monkeypatch) -> None:
    """Class: coverage ran outside every guard ('one hundred and ' x16 killed the run, no --output)."""
    from checker import check
    from checker.evaluation import engine

    path = repository(tmp_path, "")

    def broken(*_: object) -> None:
        raise ArithmeticError("boom")

    monkeypatch.setattr(engine, "article_coverage", broken)
    report = check([path, tmp_path / "good.yaml"])
    assert [result.verdict for result in report.results] == ["supported"]
    assert any("internal error while counting this article's numbers" in error.message for error in report.errors)


# --------------------------------------------------------------------------- 12: inputs are never overwritten

def test_update_keeps_crlf_and_never_re_adds_a_renamed_claim(tmp_path: Path) -> None:
    repository(tmp_path, "")
    claims = tmp_path / "claims.yaml"
    claims.write_bytes((BASE / "good.yaml").read_bytes().replace(b"\n", b"\r\n"))
    first = run_cli("extract", "article.txt", "--published", "2024-02-19", "--update", "claims.yaml", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    data = claims.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > 5
    renamed = data.replace(b"id: money-usd-4400000000", b"id: my-own-name", 1)
    assert renamed != data
    claims.write_bytes(renamed)
    again = run_cli("extract", "article.txt", "--published", "2024-02-19", "--update", "claims.yaml", cwd=tmp_path)
    assert again.returncode == 0 and "0 new claim(s) added" in again.stderr, again.stderr
    assert claims.read_bytes() == renamed


# --------------------------------------------------------------------------- issue 8, item 9: numbers a person reads

def test_the_rich_table_fits_80_columns_without_breaking_a_verdict_word(monkeypatch) -> None:
    import re

    from checker import check
    from checker.reports import rich_report

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "80")
    report = check([ROOT / "claims"], language="en")  # the Korean table: test_korean_reports
    stream = Terminal()
    rich_report.render(report, stream)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue()).splitlines()
    assert max(len(line) for line in lines) <= 80
    for verdict, count in report.summary().items():
        assert sum(line.count(f" {verdict} ") for line in lines) == count, verdict
    assert "43.95억" in "".join(lines)  # the actual at the claim's scale, not 4,395,000,000


def test_reports_show_the_actual_figure_at_the_claims_scale() -> None:
    from checker import check
    from checker.reports.marks import comparison

    shown = {result.id: comparison(result) for result in check([ROOT / "claims"]).results}
    assert shown["q3-2022-net-income"] == "44억 달러 → 43.95억 달러"
    assert all("," not in text.split("→")[1] for claim_id, text in shown.items() if "억" in text.split("→")[0])


def test_every_format_renders_a_result_of_9_5e_999999() -> None:
    """Class: an expr result near Decimal's exponent limit overflowed while drawing and formatting (HTML)."""
    from decimal import Decimal

    from checker import reports
    from checker.evaluation.results import Report, Result

    huge = {"value": Decimal("9.5E+999999"), "low": Decimal("9.4E+999999"), "high": Decimal("9.6E+999999"), "unit": "USD"}
    result = Result(file="a.yaml", line=1, column=1, id="x", quote="q", verdict="refuted", explanation="e",
                    claimed={"text": "1", "value": Decimal(1), "low": Decimal(0), "high": Decimal(2), "unit": "USD"},
                    actual=huge, bands={"allowed": (Decimal(0), Decimal(2)), "imprecise": (Decimal(-1), Decimal(3))})
    for name in reports.names()[1:]:
        stream = io.StringIO()
        reports.get(name).render(Report(results=[result]), stream)
        assert "9.5e+999999" in stream.getvalue().lower() or name in ("junit", "parsable", "github", "claimreview"), name
        assert len(stream.getvalue()) < 20_000, name
    assert json.loads(_rendered("json", Report(results=[result])))["results"][0]["actual"]["value"] == "9.5E+999999"


def _rendered(name: str, report) -> str:
    from checker import reports

    stream = io.StringIO()
    reports.get(name).render(report, stream)
    return stream.getvalue()


#: What a case-insensitive regex matches to an ASCII letter that ``str.lower`` leaves alone.
_FOLDED_LETTERS = {"s": "ſ", "i": "ı", "k": "\u212a"}


def _table_words() -> list[str]:
    from checker.quantities import tables
    words = set()
    for name in dir(tables):
        table = getattr(tables, name)
        if name.startswith("EN_") and isinstance(table, (dict, frozenset, tuple)):
            words.update(word for word in table if isinstance(word, str) and word.isascii())
    return sorted(words | {"first quarter", "nine months", "last year", "this year", "september", "billion"})


def test_a_word_spelled_with_folded_letters_never_breaks_or_misreads() -> None:
    """Class: Unicode case folding. IGNORECASE matches "mıllıon" (Turkish dotless ı), "ſeptember"
    (long s) and the Kelvin sign as ASCII letters; every table lookup of a matched word used
    ``str.lower`` and raised KeyError, a traceback on an article with one Turkish letter.
    Each table word, written with each folded letter, now drafts without an error, and a
    span read both ways reads the same (a reader that compares ASCII may leave it unread)."""
    from checker import extract
    from checker.extraction.draft import claims
    from checker.quantities import parse_quantity
    contexts = ("{} 5", "5 {}", "the {} of 2010 sales rose 5%", "about {} dollars", "It fell 5% to the {} in three years")
    checked = 0
    for word in _table_words():
        for plain, folded in _FOLDED_LETTERS.items():
            if plain not in word:
                continue
            for context in contexts:
                text, odd = context.format(word), context.format(word.replace(plain, folded))
                result = extract(odd, "en", published="2024-01-01")
                claims(result)
                parse_quantity(odd, "en")
                expected = {(f.quantity.start, f.quantity.end): (f.quantity.kind, f.quantity.value, f.quantity.unit)
                            for f in extract(text, "en", published="2024-01-01").quantities}
                for found in result.quantities:
                    span = (found.quantity.start, found.quantity.end)
                    assert expected.get(span, (found.quantity.kind, found.quantity.value, found.quantity.unit)) == (
                        found.quantity.kind, found.quantity.value, found.quantity.unit), odd
                checked += 1
    assert checked > 1000


# --------------------------------------------------------------------------- issue 23: silent wrong verdicts

RATES = """\
entity,metric,period,value,unit,source
kr,exports,2022,100,USD,https://example.com/exports
kr,exports,2023,150,USD,https://example.com/exports
kr,jobless,2022,3.0,%,https://example.com/jobless
kr,jobless,2023,2.7,%,https://example.com/jobless
"""


def _verdicts(tmp_path: Path, article: str, claims: str, reference: str = RATES) -> dict[str, tuple[str, str]]:
    """Each claim's verdict and explanation (in English, though the article is Korean), checked against
    ``reference`` in a fresh repository."""
    from checker import check
    from checker.reference import clear_cache

    (tmp_path / "claimcheck.yaml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "r.csv").write_text(reference, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
                                     "reference: [r.csv]\nclaims:\n" + claims, encoding="utf-8")
    clear_cache()
    return {result.id: (result.verdict, result.explanation)
            for result in check([tmp_path / "c.yaml"], language="en").results}


def test_percentage_points_never_cross_a_percent_change_or_a_ratio(tmp_path: Path) -> None:
    """Class: units of change. '50%p' against a +50 % relative change (or a ratio of 0.5) was
    supported, and '0.3%' against a fall of 0.3 points too: points and percents converted 1:1."""
    exports = "of: [{metric: kr.exports, period: 2022}, {metric: kr.exports, period: 2023}]"
    claims = (f"  - {{id: points-vs-change, quote: 50%p 늘었다, value: 50%p, relation: change, {exports}}}\n"
              "  - {id: points-vs-ratio, quote: 50%p 늘었다, value: 50%p, relation: ratio, "
              "of: [{metric: kr.exports, period: 2022}, {metric: kr.exports, period: 2023}]}\n"
              "  - {id: percent-vs-points, quote: 0.3% 하락했다, value: 0.3% 하락했다, relation: difference, "
              "of: [{metric: kr.jobless, period: 2023}, {metric: kr.jobless, period: 2022}]}\n"
              "  - {id: points-vs-points, quote: 0.3%p 하락했다, value: 0.3%p 하락했다, relation: difference, "
              "of: [{metric: kr.jobless, period: 2023}, {metric: kr.jobless, period: 2022}]}\n"
              f"  - {{id: percent-vs-change, quote: 50% 늘었다, value: 50%, relation: change, {exports}}}\n")
    article = "수출은 50%p 늘었다. 실업률은 0.3% 하락했다. 0.3%p 하락했다. 50% 늘었다.\n"
    found = _verdicts(tmp_path, article, claims)
    for claim_id, evidence in (("points-vs-change", "%"), ("points-vs-ratio", "ratio"), ("percent-vs-points", "pp")):
        verdict, explanation = found[claim_id]
        claimed = "%" if evidence == "pp" else "pp"
        assert verdict == "error" and f"the claim is in {claimed}, the evidence in {evidence}" in explanation, found
    assert found["points-vs-points"][0] == found["percent-vs-change"][0] == "supported", found


def _monthly(days: list[str]) -> str:
    return "entity,metric,period,value,unit,source\n" + "".join(
        f"kr,price,{day},{10 + index},USD,https://example.com/price\n" for index, day in enumerate(days))


MONTH_ENDS = ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30"]
AGGS = ("last", "first", "min", "max", "mean", "sum", "any")


@pytest.mark.parametrize("days, coverage, known", [
    (MONTH_ENDS, "data for 2023 end on 2023-06-30", {"first"}),
    ([day[:-2] + "15" for day in MONTH_ENDS], "data for 2023 end on 2023-06-15", {"first"}),
    ([f"2023-{month:02}" for month in range(1, 7)], "data for 2023 end on 2023-06-30", {"first"}),
    ([f"2023-{month:02}" for month in range(1, 13) if month != 7], "data for 2023 have 11 of its 12 months",
     {"first", "last"}),
], ids=["month-end-dates", "mid-month-dates", "months", "a-month-missing"])
def test_every_aggregate_over_a_period_the_data_do_not_cover_is_unverifiable(tmp_path: Path, days, coverage,
                                                                             known) -> None:
    """Class: aggregates over a partial period. 'agg: last' over a year whose month-end rows stop in
    June was supported (such dates were read as events, held to no coverage), and min, max and any
    were computed from the part there is (a missing July may hold the high). ``known``: the
    aggregates the rows there are still decide (the first of a year that starts in January)."""
    claims = "".join(f"  - {{id: {agg}, quote: 15달러, value: 15달러, metric: kr.price, period: 2023, "
                     f"agg: {agg}}}\n" for agg in AGGS)
    found = _verdicts(tmp_path, "가격은 15달러였다.\n", claims, _monthly(days))
    for agg in AGGS:
        verdict, explanation = found[agg]
        if agg in known:
            assert verdict in ("supported", "refuted"), (agg, explanation)
        else:
            assert verdict == "unverifiable" and f"{coverage}, so its {agg} over 2023 is unknown" in explanation, (
                agg, explanation)
