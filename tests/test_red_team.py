"""Hostile inputs against the surfaces added since 0db6779 (archives' dates, manifests, links,
groups, drafts): each test is an attack that once hung, leaked or misread, and now cannot.

Timings are bounds far above the fixed cost (milliseconds) and far below the old one
(minutes), so a shared machine cannot make them flaky.
"""
from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from checker.claimfile.load import load_claim_file
from checker.claimfile.project import load_project_settings
from checker.commands.manifest import read_manifest
from checker.errors import InputError, printable
from checker.extraction import extract, group_ranks
from checker.extraction.dateline import dated
from checker.extraction.sentences import sentence_spans
from cluster_support import claimcheck
from test_rank_among import repository


@pytest.mark.parametrize("text", [
    " " * 5_000 + "a" * 30 + "\nBody.\n",           # a date line's blanks shared by four quantifiers: 130 chars took 90 s
    "제목\n입력" + " " * 5_000 + "x" * 30 + "\n",
    "---\npublished: " + " " * 10_000 + "'x'y\n---\nBody.\n",   # front matter: 1,000 blanks took 16 s
    "---\ndate:" + " \t" * 5_000 + "#\n---\nBody.\n",
])
def test_a_long_blank_run_near_the_top_dates_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    try:
        dated(text, "a.txt")
    except InputError:
        pass  # a front matter value that is no day is an error, as it should be; the point is the time
    assert time.perf_counter() - started < 2


def test_front_matter_values_with_blanks_and_quotes_are_still_read() -> None:
    assert dated("---\npublished:   '2022-06-14'   # set by the CMS\n---\nBody.\n", "a.txt").published is not None
    with pytest.raises(InputError, match=r"a.txt:2:11: front matter date: '' is not a date"):
        dated("---\ndate:     \n---\nBody.\n", "a.txt")


def test_a_claim_listing_forty_thousand_group_members_loads_in_linear_time(tmp_path: Path) -> None:
    """Each member was sought in a list of those before it: 40,000 members took 50 s."""
    members = ", ".join(f"e{i}" for i in range(40_000))
    path = repository(tmp_path, f"    group: [{members}, e7]\n    rank: 1\n    direction: highest\n")
    started = time.perf_counter()
    claim_file, errors = load_claim_file(path)
    assert time.perf_counter() - started < 10
    assert claim_file is not None and not errors
    assert [str(problem) for problem in claim_file.claims[0].problems] == [
        f"{path}:8:{13 + len(members) + 2}: group lists 'e7' twice"]


def test_a_long_list_of_korean_durations_extracts_in_linear_time() -> None:
    """Each "N개월" read the rest of the list for the "만의 최고" of a rank's window: 40,000 characters took 16 s."""
    text = "1개월 " * 8_000 + "\n"
    started = time.perf_counter()
    found = extract(text, "ko", None)
    assert time.perf_counter() - started < 6
    assert len(found.quantities) == 8_000
    window = extract("코스피는 13년 2개월 5일만의 최고치를 기록했다.", "ko", None)
    assert not window.quantities and {negative.reason for negative in window.negatives} == {
        "the window of a rank (13년 만의 최고)"}


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\x0b"])
def test_a_line_break_yaml_reads_in_the_rank_words_stays_inside_the_drafts_comment(tmp_path: Path,
                                                                                     separator: str) -> None:
    """The rank words of the article went into the draft's comment as written: after a NEL or a
    line separator (line breaks to YAML 1.1) the comment's rest was a key, and check refused the draft."""
    (tmp_path / "a.txt").write_text(f"수출은 5.1%로 역대{separator}최고를 기록했다.\n", encoding="utf-8")
    run = claimcheck("extract", "a.txt", "-o", "draft.yaml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    claim_file, errors = load_claim_file(tmp_path / "draft.yaml")
    assert not errors and claim_file is not None and [claim.id for claim in claim_file.claims] == ["percent-5.1"]
    assert f"# states a rank (역대{printable(separator)}최고를 기록했다)" in (tmp_path / "draft.yaml").read_text("utf-8")


def test_a_manifest_dating_one_article_twice_is_an_error_not_last_wins(tmp_path: Path) -> None:
    """Two rows for one article (by any path to it) silently dated it by the last: 지난해 then meant another year."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("메타는 지난해 3분기 44억 달러의 순이익을 기록했다.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,language\narticles/a.txt,2023-02-01,ko\n"
                        f"articles/../articles/a.txt,2021-02-01,ko\n", encoding="utf-8")
    entries, errors = read_manifest(manifest)
    assert [str(error) for error in errors] == [
        f"{manifest}:3:1: articles/../articles/a.txt is in the manifest already (line 2); this row is left out"]
    assert [entry.published for entry in entries.values()] == [date(2023, 2, 1)]


@pytest.mark.parametrize("text", ["OECD" + " " * 10_000 + "x", ("세계 " + "\t" * 3_000 + "국가 ") * 3 + "x"])
def test_a_group_name_before_a_long_run_of_blanks_drafts_in_linear_time(text: str) -> None:
    """The blanks between "OECD" and its place were shared by three quantifiers: 2,000 of them took 63 s."""
    started = time.perf_counter()
    assert group_ranks.find(text) == []
    assert time.perf_counter() - started < 2


def test_a_long_gap_between_a_change_and_the_next_amount_extracts_in_linear_time() -> None:
    """The "rose 71% to $53.8 billion" test searched the whole gap before looking at its length:
    20,000 blanks between the two numbers took 23 s."""
    started = time.perf_counter()
    found = extract("Sales rose 71%" + " " * 20_000 + "to $53.8 billion.", "en", None)
    assert time.perf_counter() - started < 3
    assert len(found.quantities) == 2 and not found.relations


@pytest.mark.parametrize("unit", ["Percent\nversion: 2", "Percent\x1b[2J", "Per\u202etnec"])
def test_a_unit_flag_with_a_line_break_or_control_is_one_line_and_no_draft(tmp_path: Path, unit: str) -> None:
    """``--unit FILE=UNIT`` went into the draft's reference entry and every verdict as typed."""
    (tmp_path / "a.txt").write_text("The rate rose to 7.2% in March 2022.\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text("source: s\nrows: []\n", encoding="utf-8")
    run = claimcheck("extract", "a.txt", "--reference", "r.yaml", "--unit", f"r.yaml={unit}", "-o", "d.yaml",
                     cwd=tmp_path)
    assert (run.returncode, run.stderr) == (
        2, f"r.yaml:1:1: --unit r.yaml={printable(unit)}: a unit is one line of visible text\n")
    assert not (tmp_path / "d.yaml").exists()


@pytest.mark.parametrize("form", ["rich", "markdown", "html"])
def test_a_rank_among_a_group_missing_a_members_row_is_reported_not_an_internal_error(tmp_path: Path,
                                                                                     form: str) -> None:
    """The unverifiable rank had an empty actual figure, which these reports read as one: KeyError('value'),
    and the whole report was lost."""
    path = repository(tmp_path, "    group: big\n    rank: 1\n    direction: highest\n",
                      groups="groups:\n  big:\n    source: s\n    members: [kr, us, zz]\n")
    run = claimcheck("check", str(path), "--format", form, "--lang", "en", cwd=tmp_path)
    assert run.returncode == 0 and "internal error" not in run.stderr, run.stderr
    assert "zz" in run.stdout


def test_a_group_member_with_esc_and_a_bidi_mark_reaches_no_report_raw(tmp_path: Path) -> None:
    """An entity key may hold any visible character, so a group member is text from a file; the HTML report
    wrote its ESC and right-to-left override as they were (escaped for HTML, not for a reader)."""
    member = "zz\\e[2J\\u202e"
    path = repository(tmp_path, "    group: big\n    rank: 1\n    direction: highest\n",
                      groups=f'groups:\n  big:\n    source: s\n    members: [kr, us, "{member}"]\n')
    for form in ("rich", "parsable", "github", "markdown", "html", "json", "claimreview", "junit", "sarif"):
        run = claimcheck("check", str(path), "--format", form, "--lang", "en", cwd=tmp_path)
        assert run.returncode == 0, (form, run.stderr)
        assert "zz" in run.stdout and not {"\x1b", "\u202e"} & set(run.stdout + run.stderr), form


def test_a_long_run_of_end_marks_splits_sentences_in_linear_time() -> None:
    """Each dot of a run was tried as a sentence end reading the rest of the run: 20,000 dots took 7 s."""
    started = time.perf_counter()
    assert sentence_spans("." * 20_000 + "1") == [(0, 20_001)]
    assert time.perf_counter() - started < 2
    assert sentence_spans("Really?! Yes... U.S. sales rose. 끝이다.) 다음") == [
        (0, 8), (9, 15), (16, 32), (33, 38), (39, 41)]


def test_a_long_run_of_bare_figures_extracts_in_linear_time() -> None:
    """Each figure of "1 1 1 ..." read the rest of the run for a scale word written after a second figure
    ("EUR 2,686.2 1,259.7 million"): 8,000 figures (16 KB) took 13 s, and a quote of them in a claim file as long."""
    started = time.perf_counter()
    found = extract("1 " * 8_000 + "x.\n", "en", None)
    assert time.perf_counter() - started < 5
    assert len(found.quantities) == 8_000 and not found.negatives
    shared = extract("Revenue was EUR 2,686.2 1,259.7 million in 2022.", "en", None)
    assert [negative.reason for negative in shared.negatives] == [
        "a figure whose scale word stands after another figure (EUR 105.8 ( 83.4 ) million)"]


@pytest.mark.parametrize("written", ["1" + " " * 50_000 + "x", "1" + "\t" * 50_000 + "%x"])
def test_a_tolerance_with_a_long_run_of_blanks_is_read_in_linear_time(tmp_path: Path, written: str) -> None:
    """The blanks between a tolerance's number and its end were tried split every way between two runs
    around an optional '%': 50,000 of them took 4 s, in a claim file or the project's claimcheck.yaml."""
    path = repository(tmp_path, f"    group: oecd-sample\n    rank: 1\n    direction: highest\n"
                                f"    tolerance: {{approx: '{written}'}}\n")
    (tmp_path / "claimcheck.yaml").write_text(f"tolerance: {{approx: '{written}'}}\n", encoding="utf-8")
    started = time.perf_counter()
    claim_file, errors = load_claim_file(path)
    settings, problems = load_project_settings(tmp_path / "claimcheck.yaml")
    assert time.perf_counter() - started < 2
    expected = "tolerance 'approx' should be a percentage like '3%' or a fraction like 0.03"
    assert claim_file is not None and expected in claim_file.claims[0].problems[0].message
    assert not settings and len(problems) == 1 and expected in problems[0].message
    (tmp_path / "spaced").mkdir()
    spaced = repository(tmp_path / "spaced", "    group: oecd-sample\n    rank: 1\n    direction: highest\n"
                                             "    tolerance: {approx: ' 3 % '}\n")
    claim = load_claim_file(spaced)[0].claims[0]
    assert not claim.problems and claim.tolerance == {"approx": Decimal("0.03")}


def test_a_value_of_400_000_digits_is_read_in_linear_time() -> None:
    """Whether a number was whole (for "2 and a half percent") was asked of ``int()`` of it, quadratic in its
    digits: a claim's value of 400,000 digits took 7 s before it was refused as out of range, 800,000 took 25 s."""
    from checker.quantities import parse_quantity

    started = time.perf_counter()
    assert parse_quantity("1" * 400_000).value.adjusted() == 399_999
    assert time.perf_counter() - started < 2
    assert parse_quantity("2 and a half percent", "en").value == Decimal("2.5")


def test_an_articles_line_separators_and_bidi_marks_reach_no_draft_raw(tmp_path: Path) -> None:
    """extract wrote the article's words as they were: its JSON (plain ``json.dumps``, not the reports' writer)
    passed NEL, the line separator and bidi overrides through to the terminal, its YAML the bidi marks. Each is
    now an escape that reads back as the same text, so every quote is still found in the article."""
    import json

    (tmp_path / "a.txt").write_text("Sales were $4.4\x85billion in 2022. \u202eProfit rose 5%\u2066 to $1\u2028billion.\n",
                                    encoding="utf-8")
    shown = claimcheck("extract", "a.txt", "--format", "json", "--published", "2024-01-01", cwd=tmp_path)
    drafted = claimcheck("extract", "a.txt", "--published", "2024-01-01", cwd=tmp_path)
    assert shown.returncode == drafted.returncode == 0, shown.stderr + drafted.stderr
    for output in (shown.stdout, drafted.stdout):
        assert not {"\x85", "\u2028", "\u202e", "\u2066"} & set(output), output
    assert {"$4.4\x85billion", "$1\u2028billion"} <= {found["text"] for found in json.loads(shown.stdout)["quantities"]}
    (tmp_path / "d.yaml").write_text(drafted.stdout, encoding="utf-8")
    claim_file, errors = load_claim_file(tmp_path / "d.yaml")
    assert not errors and claim_file is not None
    assert [claim.quote for claim in claim_file.claims if "\u202e" in claim.quote] == [
        "\u202eProfit rose 5%\u2066 to $1\u2028billion."] * 2
    assert not [problem for claim in claim_file.claims for problem in claim.problems]


@pytest.mark.parametrize("command", ["lint", "metrics"])
def test_a_json_reference_value_past_pythons_digit_limit_is_one_line_and_the_rest_is_read(tmp_path: Path,
                                                                                        command: str) -> None:
    """A JSON reference file with an integer of 4,301 digits was an internal error of the whole command
    (``int()``'s ValueError): lint and metrics reported nothing of the other files."""
    import sys

    digits = "9" * (sys.get_int_max_str_digits() + 1)
    (tmp_path / "big.json").write_text('{"rows": [{"entity": "us", "metric": "debt", "period": 2020, "value": '
                                       + digits + ', "unit": "USD", "source": "s"}]}\n', encoding="utf-8")
    (tmp_path / "fine.csv").write_text("entity,metric,period,value,unit,source\nus,gdp,2020,1,USD,s\n", encoding="utf-8")
    run = claimcheck(command, "big.json", "fine.csv", cwd=tmp_path)
    assert run.returncode == 2 and "internal error" not in run.stderr, run.stderr
    assert run.stderr.splitlines()[0] == ("big.json:1:71: invalid JSON: an integer of more than "
                                          f"{sys.get_int_max_str_digits():,} digits")
    assert ("us.gdp" in run.stdout) if command == "metrics" else ("2 other reference file(s): 1 problem(s)" in run.stdout)


def test_a_manifest_cell_past_the_csv_field_limit_costs_its_row_not_the_scan(tmp_path: Path) -> None:
    """The csv module refuses a cell over 131,072 characters with csv.Error, which no one caught: the whole
    scan was an internal error. Now that row is one error, and the rows after it are read."""
    (tmp_path / "a.txt").write_text("Sales rose 5% last year.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sales rose 6% last year.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,language\na.txt,2023-02-01," + "x" * 200_000 + "\nb.txt,2021-02-01,en\n",
                        encoding="utf-8")
    entries, errors = read_manifest(manifest)
    assert [str(error) for error in errors] == [
        f"{manifest}:2:1: this row cannot be read (field larger than field limit (131072)); it is left out"]
    assert [(entry.file, entry.published) for entry in entries.values()] == [("b.txt", date(2021, 2, 1))]
    (tmp_path / "big.csv").write_text("file," + "x" * 200_000 + "\n", encoding="utf-8")
    assert [str(error) for error in read_manifest(tmp_path / "big.csv")[1]] == [
        f"{tmp_path / 'big.csv'}:1:1: the manifest's header cannot be read (field larger than field limit (131072))"]


@pytest.mark.parametrize("nested", ["    note: " + "[" * 2_000 + "]" * 2_000 + "\n",
                                    "    note:\n" + "".join("  " * depth + "-\n" for depth in range(3, 1_500))])
def test_update_reads_a_deeply_nested_file_as_the_claim_loader_does(tmp_path: Path, nested: str) -> None:
    """``extract --update`` read the file with ruamel alone, which recursed into the nesting: a RecursionError
    after 8 s, an internal error. The claim loader's bounded reading refuses it first, at its place."""
    (tmp_path / "a.txt").write_text("Sales rose 5% in 2022.\n", encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text("version: 1\nclaims:\n  - id: x\n" + nested, encoding="utf-8")
    before = claims.read_bytes()
    run = claimcheck("extract", "a.txt", "--update", "claims.yaml", cwd=tmp_path)
    assert run.returncode == 2 and "internal error" not in run.stderr, run.stderr
    assert run.stderr.startswith("claims.yaml:") and ": cannot update: " in run.stderr and "nest" in run.stderr
    assert run.stderr.count("\n") == 1 and claims.read_bytes() == before


def test_a_huge_value_makes_a_bounded_message_line(tmp_path: Path) -> None:
    """A 200,000-character value was echoed whole: one line of 200,000 characters in a CI log."""
    (tmp_path / "a.txt").write_text("q\n", encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text("version: 1\narticle: {file: a.txt, published: 2024-01-01}\nclaims:\n"
                      f"  - {{id: x, quote: q, value: '{'9z' * 100_000}'}}\n", encoding="utf-8")
    done = claimcheck("lint", str(claims), cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines and max(map(len, lines)) < 1_200 and "more characters)" in done.stderr
