"""The relation ``rank_among``: one entity's figure ranked among a group's for one period.

"OECD 1위", "OECD 최하위", "세계 3위", "G7 중 가장 높다": the group is defined once in the
reference data (``groups:``, with its source) or listed in the claim; a member without
a row for the period makes the rank unverifiable, naming it.

ILLUSTRATIVE DATA: the figures below are made up to reproduce the shape of the issue's
example (a 2019 claim that Korea's forecast growth was first in the OECD while it was
below Slovakia, Ireland, Israel and Luxembourg). They are not OECD figures and no test
presents them as sourced; their ``source`` says so.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from checker.commands.explain import trail
from checker.reference import ReferenceData, clear_cache

SOURCE = "ILLUSTRATIVE test figures, not OECD data"
#: kr is fifth, behind sk, ie, il and lu (the order of the issue's example); values made up.
GROWTH = {"sk": "4.1", "ie": "3.9", "il": "3.4", "lu": "3.0", "kr": "2.6", "us": "2.5", "de": "1.6", "jp": "1.0"}
GROUPS = f"""groups:
  oecd-sample:
    source: {SOURCE} (a made-up subset standing for a group)
    members: [sk, ie, il, lu, kr, us, de, jp]
  g3:
    source: {SOURCE}
    members: [us, de, jp]
"""


def repository(tmp_path: Path, claim: str, values: dict[str, str] = GROWTH, groups: str = GROUPS,
               language: str = "ko") -> Path:
    clear_cache()
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("한국의 성장률 전망은 OECD 1위다.\n", encoding="utf-8")
    rows = "".join(f"  - {{entity: {member}, metric: growth_forecast, period: 2019, value: {value}, unit: Percent}}\n"
                   for member, value in values.items())
    (tmp_path / "reference.yaml").write_text(f"source: {SOURCE}\nrows:\n{rows}{groups}", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(f"version: 1\narticle: {{file: article.txt, published: 2019-05-21, language: {language}}}\n"
                    "reference: [reference.yaml]\nclaims:\n  - id: r\n    relation: rank_among\n"
                    "    of: [{metric: kr.growth_forecast, period: 2019}]\n" + claim, encoding="utf-8")
    return path


def ranked(tmp_path: Path, claim: str, **kwargs):
    report = check([repository(tmp_path, claim, **kwargs)])
    assert not report.errors, report.errors
    return report.results[0]


def test_the_issue_example_first_in_the_oecd_is_refuted_naming_who_is_ahead(tmp_path: Path) -> None:
    result = ranked(tmp_path, "    group: oecd-sample\n    rank: 1\n    direction: highest\n", language="en")
    assert result.verdict == "refuted", result.explanation
    assert result.explanation == ("Ranked kr.growth_forecast 2019 = 2.6 % among the 8 members of oecd-sample "
                                  "(highest first): it holds place 5, not place 1; ahead of it: sk (4.1), ie (3.9), "
                                  "il (3.4), lu (3).")  # as docs/change-and-rank.md shows it
    assert result.steps[0].startswith("sk.growth_forecast 2019 = 4.1 %")
    assert any(source.startswith("group oecd-sample: ILLUSTRATIVE") for source in result.sources)


def test_the_verdict_speaks_korean_for_a_korean_article(tmp_path: Path) -> None:
    result = ranked(tmp_path, "    group: oecd-sample\n    rank: 1\n    direction: highest\n")
    assert result.verdict == "refuted"
    assert "1위가 아니라 5위다. 앞선 구성원: sk (4.1), ie (3.9), il (3.4), lu (3)." in result.explanation


@pytest.mark.parametrize("claim, verdict, says", [
    ("rank: 5\n    direction: highest", "supported", "it holds place 5, as the claim says"),
    ("rank: 4\n    direction: lowest", "supported", "it holds place 4, as the claim says"),
    ("rank: last\n    direction: lowest", "refuted", "it holds place 4 of 8, not last; below it: lu (3), il (3.4), ie (3.9), sk (4.1)"),
    ("rank: last\n    direction: highest", "refuted", "below it: us (2.5), de (1.6), jp (1)"),
])
def test_places_counted_either_way(tmp_path: Path, claim: str, verdict: str, says: str) -> None:
    result = ranked(tmp_path, f"    group: oecd-sample\n    {claim}\n", language="en")
    assert (result.verdict, says in result.explanation) == (verdict, True), result.explanation


def test_last_place_holds_when_no_member_is_below(tmp_path: Path) -> None:
    values = {**GROWTH, "kr": "0.4"}
    result = ranked(tmp_path, "    group: oecd-sample\n    rank: last\n    direction: highest\n", values=values)
    assert (result.verdict, "주장대로 최하위다." in result.explanation) == ("supported", True), result.explanation


def test_an_entity_outside_the_group_is_ranked_with_its_members(tmp_path: Path) -> None:
    """'G7 중 가장 높다' of Korea: Korea is no G7 member; it is ranked together with them."""
    result = ranked(tmp_path, "    group: g3\n    rank: 1\n    direction: highest\n", language="en")
    assert result.verdict == "supported", result.explanation
    assert "among the 4 members of g3 together with kr (highest first)" in result.explanation


def test_a_member_without_a_row_is_unverifiable_naming_it(tmp_path: Path) -> None:
    values = {member: value for member, value in GROWTH.items() if member not in ("il", "lu")}
    result = ranked(tmp_path, "    group: oecd-sample\n    rank: 1\n    direction: highest\n", values=values,
                    language="en")
    assert result.verdict == "unverifiable", result.explanation
    assert "2 of the 8 members of oecd-sample have no growth_forecast row for 2019: il, lu" in result.explanation


def test_the_group_may_be_listed_in_the_claim(tmp_path: Path) -> None:
    result = ranked(tmp_path, "    group: [kr, us, de, jp]\n    rank: 1\n    direction: highest\n", language="en")
    assert result.verdict == "supported", result.explanation
    assert "among the 4 members of the group the claim lists" in result.explanation


@pytest.mark.parametrize("ties, verdict, says", [
    ("", "supported", "it holds place 1, tied with us (2.6); a tie holds the place (ties: shared)"),
    ("\n    ties: alone", "refuted", "it shares place 1 with us (2.6), and the claim counts a tie as not holding it"),
])
def test_a_tie_counts_as_the_claim_says(tmp_path: Path, ties: str, verdict: str, says: str) -> None:
    values = {**GROWTH, "us": "2.6"}
    result = ranked(tmp_path, f"    group: [kr, us, de, jp]\n    rank: 1\n    direction: highest{ties}\n",
                    values=values, language="en")
    assert (result.verdict, says in result.explanation) == (verdict, True), result.explanation


@pytest.mark.parametrize("claim, at", [
    ("    group: oecd-sampel\n    rank: 1\n    direction: highest\n", (8, 12)),
    ("    group: g3\n    rank: 5\n    direction: highest\n", (9, 11)),
])
def test_a_group_or_place_the_data_cannot_have_points_at_its_key(tmp_path: Path, claim: str, at: tuple) -> None:
    result = ranked(tmp_path, claim, language="en")
    assert (result.verdict, (result.line, result.column)) == ("error", at), result.explanation


@pytest.mark.parametrize("claim, message", [
    ("    rank: 1\n    direction: highest\n", "relation rank_among needs 'group'"),
    ("    group: oecd-sample\n    rank: 1\n", "relation rank_among needs 'direction'"),
    ("    group: oecd-sample\n    rank: 1\n    direction: up\n", "ranks with direction: highest or lowest, got 'up'"),
    ("    group: oecd-sample\n    rank: 0\n    direction: highest\n", "key 'rank' should be a place from 1 or 'last'"),
    ("    group: oecd-sample\n    rank: first\n    direction: highest\n", "got 'first'"),
    ("    group: [kr]\n    rank: 1\n    direction: highest\n", "a group needs at least 2 members"),
    ("    group: [kr, kr.x]\n    rank: 1\n    direction: highest\n", "should be an entity key like kr"),
    ("    group: oecd-sampel\n    rank: 1\n    direction: highest\n", "unknown group 'oecd-sampel' (did you mean"),
    ("    group: g3\n    rank: 5\n    direction: highest\n", "rank 5 among 4 members is no place in the group"),
    ("    group: oecd-sample\n    rank: 1\n    direction: highest\n    ties: some\n", "should be one of shared, alone"),
])
def test_a_claim_that_cannot_say_its_rank_is_an_error(tmp_path: Path, claim: str, message: str) -> None:
    result = ranked(tmp_path, claim, language="en")
    assert (result.verdict, message in result.explanation) == ("error", True), result.explanation


def test_rank_keys_on_another_relation_are_refused(tmp_path: Path) -> None:
    path = repository(tmp_path, "")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: r\n    relation: rank_among\n    of: [{metric: kr.growth_forecast, period: 2019}]\n",
        "  - {id: r, metric: kr.growth_forecast, period: 2019, value: 2.6%, group: g3, direction: highest}\n"),
        encoding="utf-8")
    result = check([path]).results[0]
    assert result.verdict == "error"
    assert "'group' needs 'relation: rank_among'" in result.explanation


@pytest.mark.parametrize("groups, message", [
    ("groups:\n  g3: {members: [us, de, jp]}\n", None),  # the file's source: is the group's
    ("groups:\n  g3: {source: x, members: [us, us]}\n", "group 'g3' lists 'us' twice"),
    ("groups:\n  g3: {source: x, members: [us]}\n", "group 'g3' needs at least 2 members, got 1"),
    ("groups:\n  g3: {source: x}\n", "group 'g3' has no members"),
    ("groups:\n  g3: {source: x, members: [us, de], memebrs: [jp]}\n", "unknown key 'memebrs' in a group"),
    ("groups:\n  g3: {source: x, members: [us, de.x]}\n", "member 'de.x' should be an entity key"),
])
def test_groups_in_reference_files(tmp_path: Path, groups: str, message: str | None) -> None:
    repository(tmp_path, "", groups=groups)
    data, errors = ReferenceData.load([tmp_path / "reference.yaml"])
    assert [message in str(error) for error in errors] == ([True] if message else []), errors
    if message is None:
        assert data.group("g3").members == ("us", "de", "jp") and data.group("g3").source == SOURCE


def test_two_files_disagreeing_on_a_group_is_an_error(tmp_path: Path) -> None:
    repository(tmp_path, "")
    (tmp_path / "other.yaml").write_text("groups:\n  g3: {source: x, members: [us, de]}\n", encoding="utf-8")
    _, errors = ReferenceData.load([tmp_path / "reference.yaml", tmp_path / "other.yaml"])
    assert ["group 'g3' has 2 members here and 3 at" in str(error) for error in errors] == [True], errors


def test_explain_shows_the_rank_words_of_word_only_claims(tmp_path: Path) -> None:
    """``extreme`` and ``rank_among`` state words, not a figure: explain printed '= ? (None)' for them."""
    path = repository(tmp_path, "    value: OECD 1위\n    group: oecd-sample\n    rank: 1\n    direction: highest\n"
                                "  - {id: x, relation: extreme, value: 역대 최고, "
                                "of: [{metric: sk.growth_forecast, period: 2019}]}\n")
    trails = [trail(result) for result in check([path]).results]
    assert [line for text in trails for line in text.splitlines() if line.startswith("주장 값")] == [
        "주장 값   OECD 1위", "주장 값   역대 최고"]
    assert not any("None" in text or "= ?" in text for text in trails), trails


def test_a_member_with_rows_for_other_periods_only_is_missing_too(tmp_path: Path) -> None:
    path = repository(tmp_path, "    group: g3\n    rank: 1\n    direction: highest\n", language="en")
    reference = tmp_path / "reference.yaml"
    reference.write_text(reference.read_text(encoding="utf-8").replace(
        "{entity: de, metric: growth_forecast, period: 2019", "{entity: de, metric: growth_forecast, period: 2018"),
        encoding="utf-8")
    result = check([path]).results[0]
    assert result.verdict == "unverifiable", result.explanation
    assert "1 of the 4 members of g3 together with kr have no growth_forecast row for 2019: de" in result.explanation


@pytest.mark.parametrize("group", ["oecd-sample", "[sk, ie, il, lu, kr, us, de, jp]"])
def test_members_rows_in_a_database_file_are_read_not_filtered_away(tmp_path: Path, group: str) -> None:
    """A Parquet file yields only the metrics the claims name; a rank names its members' series too."""
    duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")
    path = repository(tmp_path, f"    group: {group}\n    rank: 5\n    direction: highest\n", language="en")
    lines = "".join(f"{member},growth_forecast,2019,{value},%,\"{SOURCE}\"\n" for member, value in GROWTH.items())
    (tmp_path / "rows.csv").write_text("entity,metric,period,value,unit,source\n" + lines, encoding="utf-8")
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'rows.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'rows.parquet'}' (FORMAT parquet)")
    (tmp_path / "reference.yaml").write_text(f"source: {SOURCE}\n{GROUPS}", encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("reference: [reference.yaml]",
                                                             "reference: [reference.yaml, rows.parquet]"),
                    encoding="utf-8")
    clear_cache()
    report = check([path])
    assert not report.errors, report.errors
    assert report.results[0].verdict == "supported", report.results[0].explanation


def test_a_json_reference_file_defines_groups_too(tmp_path: Path) -> None:
    (tmp_path / "groups.json").write_text(
        '{"groups": {"g3": {"source": "ILLUSTRATIVE", "members": ["us", "de", "jp"]}}}', encoding="utf-8")
    clear_cache()
    data, errors = ReferenceData.load([tmp_path / "groups.json"])
    assert errors == [] and data.group("g3").members == ("us", "de", "jp")
