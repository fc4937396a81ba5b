"""``claimcheck scan``: an archive's quantities in one Parquet table, the same as ``extract`` file by file.

The table is read back with DuckDB and held, row for row and in order, to what
``checker.extract`` gives for each article; serial, two local processes and a real
Dask cluster (two worker processes on loopback) write the same table. The README's
query runs against it.
"""
from __future__ import annotations

import csv
import json
import pickle
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checker.cli import main
from checker.commands import scan
from checker.commands.scan import COLUMNS, Article, scan_article
from checker.extraction import extract
from cluster_support import claimcheck, scheduler  # noqa: F401  (a fixture)

duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")

FINANCE = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
PUBLISHED = date(2023, 3, 2)
ARTICLES = {
    "2022/meta.txt": "메타는 2022년 3분기 44억 달러의 순이익을 기록했다. 전년 대비 절반 수준이었다.\n"
                     "지난해 인력은 약 8만7천 명이었다.\n",
    "2022/nested/rates.txt": "The bank raised its rate by 0.25 percentage points to 3.5% in 2022.\n",
    "2023/meta-again.txt": "Meta earned $4.4 billion in the third quarter of 2022, about half a year earlier.\n",
    "2023/empty.txt": "No numbers here.\n",
}


def rows_of(table: Path) -> list[tuple]:
    return duckdb.sql(f"SELECT * FROM read_parquet('{table}')").fetchall()


def expected_rows(folder: Path, files: list[str], language: str | None = None,
                  published: date | None = PUBLISHED) -> list[tuple]:
    """What ``extract`` gives for each article, as rows of the table (numbers as DOUBLE)."""
    rows = []
    for name in files:
        result = extract((folder / name).read_text(encoding="utf-8"), language, published)
        for found in result.quantities:
            q = found.quantity
            rows.append((name, q.start, q.end, q.text, q.kind.value, *map(_double, (q.value, q.low, q.high)), q.unit,
                         q.qualifier.value, _double(q.precision), found.period, *found.sentence, result.language,
                         published))
    return rows


def _double(value: object) -> float | None:
    return None if value is None else float(value)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for name, text in ARTICLES.items():
        (folder / "articles" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "articles" / ".drafts").mkdir()
    (folder / "articles" / ".drafts" / "skip.txt").write_text("Hidden: 99%.\n", encoding="utf-8")
    (folder / "articles" / "notes.md").write_text("Not an article: 42%.\n", encoding="utf-8")
    return folder


def sorted_articles() -> list[str]:
    return [f"articles/{name}" for name in sorted(ARTICLES, key=lambda name: tuple(Path(name).parts))]


@pytest.fixture(scope="module")
def serial(archive: Path) -> subprocess.CompletedProcess:
    """One serial scan of the archive, to ``quantities.parquet`` (the README's table name)."""
    return claimcheck("scan", "articles", "-o", "quantities.parquet", "--published", PUBLISHED.isoformat(),
                      cwd=archive)


def test_the_table_holds_what_extract_gives_file_by_file(archive: Path, serial: subprocess.CompletedProcess) -> None:
    assert serial.returncode == 0, serial.stderr
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{archive / 'quantities.parquet'}'").fetchall()
    assert [(name, kind) for name, kind, *_ in described] == list(COLUMNS)
    expected = expected_rows(archive, sorted_articles())
    assert len(expected) > 6 and rows_of(archive / "quantities.parquet") == expected
    assert serial.stderr == f"quantities.parquet: {len(expected)} quantities from 4 articles\n"
    assert list(archive.glob(".quantities.parquet.*")) == []


@pytest.mark.parametrize("where", [["--workers", "2"], ["--scheduler"]], ids=["workers", "dask"])
def test_parallel_scans_write_the_serial_table(archive: Path, serial: subprocess.CompletedProcess, where: list[str],
                                               request: pytest.FixtureRequest) -> None:
    if where == ["--scheduler"]:
        where = ["--scheduler", request.getfixturevalue("scheduler")]
    spread = claimcheck("scan", "articles", "-o", "spread.parquet", "--published", PUBLISHED.isoformat(), *where,
                        cwd=archive)
    assert (serial.returncode, spread.returncode) == (0, 0), spread.stderr
    assert rows_of(archive / "spread.parquet") == rows_of(archive / "quantities.parquet") != []


def readme_query() -> str:
    """The SQL block of the README's archive section, as a user would paste it."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Archives and large repositories", 1)[1]
    return section.split("```sql\n", 1)[1].split("```", 1)[0]


def test_the_readme_query_finds_every_article_stating_a_figure(archive: Path,
                                                              serial: subprocess.CompletedProcess) -> None:
    assert serial.returncode == 0, serial.stderr
    connection = duckdb.connect()
    connection.execute(f"SET file_search_path = '{archive}'")
    found = connection.sql(readme_query()).fetchall()
    assert [(file, text) for file, text, _ in found] == [
        ("articles/2022/meta.txt", "44억 달러"), ("articles/2023/meta-again.txt", "$4.4 billion")]


def test_an_unreadable_article_is_one_line_and_the_rest_is_written(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 5%\n")
    run = claimcheck("scan", str(tmp_path / "bad.txt"), "articles/2022/meta.txt", "-o", str(tmp_path / "o.parquet"),
                     cwd=archive)
    assert run.returncode == 2
    first, summary = run.stderr.splitlines()
    assert first.startswith(f"{tmp_path / 'bad.txt'}:1:4: ") and "UTF-8" in first
    assert summary.endswith("4 quantities from 2 articles; 1 dated nowhere (no --manifest row, front matter, dateline "
                            "or byline, and no --published), so their periods relative to now are empty")
    assert {row[0] for row in rows_of(tmp_path / "o.parquet")} == {"articles/2022/meta.txt"}


@pytest.mark.parametrize("where", [[], ["--workers", "2"]], ids=["serial", "workers"])
def test_the_summary_counts_the_articles_dated_nowhere(archive: Path, tmp_path: Path, where: list[str]) -> None:
    """Without --published none of the four dates itself: "지난해 인력" has no period, and the summary says
    so (the same count when the articles are scanned in other processes)."""
    run = claimcheck("scan", "articles", "-o", str(tmp_path / "undated.parquet"), *where, cwd=archive)
    assert run.returncode == 0, run.stderr
    assert "from 4 articles; 4 dated nowhere" in run.stderr
    periods = {text: period for _, _, _, text, *rest in rows_of(tmp_path / "undated.parquet") for period in [rest[7]]}
    assert periods["약 8만7천 명"] is None and periods["44억 달러"] == "2022-Q3"


def test_the_output_may_not_be_an_article(archive: Path) -> None:
    run = claimcheck("scan", "articles", "-o", "articles/2023/empty.txt", cwd=archive)
    assert run.returncode == 2 and run.stderr == (
        "claimcheck: -o articles/2023/empty.txt is articles/2023/empty.txt, an input of this run; "
        "write the output elsewhere\n")
    assert (archive / "articles" / "2023" / "empty.txt").read_text(encoding="utf-8") == ARTICLES["2023/empty.txt"]


@pytest.mark.parametrize("force", [False, True])
def test_a_file_that_is_no_parquet_table_is_replaced_only_with_force(archive: Path, tmp_path: Path,
                                                                     force: bool) -> None:
    """-o replaced whatever was there: ``scan articles -o claims.yaml`` (a slip for claims.parquet) turned a
    hand-written claim file into a table. A table (a former scan) is still replaced: re-running is the use."""
    notes = tmp_path / "claims.yaml"
    notes.write_text("version: 1  # written by hand\n", encoding="utf-8")
    run = claimcheck("scan", "articles/2023", "-o", str(notes), *(["--force"] if force else []), cwd=archive)
    if not force:
        assert run.returncode == 2 and run.stderr == (
            f"claimcheck: -o {notes} exists and is not a Parquet table; scan replaces only a table (use --force "
            "to replace it)\n")
        assert notes.read_text(encoding="utf-8") == "version: 1  # written by hand\n"
        return
    assert run.returncode == 0, run.stderr
    assert rows_of(notes) == expected_rows(archive, ["articles/2023/meta-again.txt"], published=None)
    again = claimcheck("scan", "articles/2023", "-o", str(notes), cwd=archive)
    assert again.returncode == 0, again.stderr


def test_an_output_in_a_folder_that_does_not_exist_is_refused_before_the_scan(archive: Path) -> None:
    """The whole archive was scanned, then the write failed naming the temporary file (.x.parquet.k2j1.tmp)."""
    run = claimcheck("scan", "articles", "-o", "no-such-folder/x.parquet", cwd=archive)
    assert (run.returncode, run.stderr) == (
        2, "claimcheck: -o no-such-folder/x.parquet: folder no-such-folder does not exist\n")


def test_a_workers_result_is_the_articles_rows_ready_to_append(archive: Path) -> None:
    """What travels back from a worker is one string per article, the very lines the table is
    read from, so the command (the serial part of a parallel run) encodes nothing."""
    article = archive / "articles" / "2022" / "meta.txt"
    outcome = scan_article(Article(article), None, PUBLISHED)
    rows = [json.loads(line) for line in outcome.lines.splitlines()]
    expected = expected_rows(archive, ["articles/2022/meta.txt"])
    assert outcome.errors == [] and outcome.count == len(rows) == len(expected) > 2
    assert [len(row) for row in rows] == [len(COLUMNS)] * len(rows)
    assert [(row[0], *row[1:5]) for row in rows] == [(str(article), *row[1:5]) for row in expected]
    assert type(outcome.lines) is str and pickle.loads(pickle.dumps(outcome)) == outcome


def test_articles_are_weighed_by_their_bytes_for_the_batches(archive: Path) -> None:
    """The runner batches an archive by bytes (an article's cost follows its length); an
    article gone since it was found weighs nothing and is reported when it is read."""
    names = sorted_articles()
    paths = [archive / name for name in names] + [archive / "gone.txt"]
    assert scan.sizes(paths) == [len((archive / name).read_bytes()) for name in names] + [0]
    assert min(scan.sizes(paths[:-1])) > 0


def test_rows_taken_in_a_few_at_a_time_make_the_same_table(archive: Path, serial: subprocess.CompletedProcess,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB takes the rows in as they arrive, a file at a time: cut small, the table is the same."""
    monkeypatch.setattr(scan, "CHUNK_CHARACTERS", 200)
    monkeypatch.chdir(archive)
    assert main(["scan", "articles", "-o", "chunked.parquet", "--published", PUBLISHED.isoformat()]) == 0
    assert rows_of(archive / "chunked.parquet") == rows_of(archive / "quantities.parquet") != []


def test_an_article_travels_with_its_own_manifest_row_not_the_whole_manifest(archive: Path, tmp_path: Path) -> None:
    """A desk's manifest lists every article of the archive: pickled into every batch, a million
    rows would travel thousands of times. Each item carries its own row, and its pickle stays
    the same size however long the manifest."""
    names = sorted_articles()
    rows = [f"{archive / name},2021-06-0{number + 1}," for number, name in enumerate(names)]
    others = [f"{tmp_path / f'other{number}.txt'},2020-01-01,ko" for number in range(5_000)]
    (tmp_path / "manifest.csv").write_text("file,published,language\n" + "\n".join(rows + others) + "\n",
                                           encoding="utf-8")
    articles = [archive / name for name in names]
    entries, errors = scan._manifest(tmp_path / "manifest.csv", articles, [])
    assert [(entry.published, entry.language) for entry in entries] == [
        (date(2021, 6, number + 1), None) for number in range(len(names))]
    assert len(errors) == 5_000 and all("not among the articles scanned" in str(error) for error in errors)
    items = list(map(Article, articles, entries))
    assert len(pickle.dumps(items)) < 1_000 * len(items)
    assert scan_article(items[0], None, None).lines.count('"2021-06-01"') > 2


@pytest.fixture(scope="module")
def finance_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Real sentences (read from ../shared, never copied into the project): twelve articles of
    twenty, English and Korean alternating."""
    if not FINANCE.is_file():
        pytest.skip(f"finance corpus not found at {FINANCE}")
    with FINANCE.open(encoding="utf-8", newline="") as stream:
        rows = [row for row, _ in zip(csv.DictReader(stream), range(240))]
    folder, names = tmp_path_factory.mktemp("finance"), []
    for number in range(12):
        names.append(f"f{number:02d}.txt")
        column = "sentence" if number % 2 == 0 else "kor_sentence"
        text = "\n".join(row[column] for row in rows[number * 20:(number + 1) * 20]) + "\n"
        (folder / names[-1]).write_text(text, encoding="utf-8")
    return folder, names


@pytest.mark.parametrize("where", [[], ["--workers", "2"], ["--scheduler"]], ids=["serial", "workers", "dask"])
def test_the_finance_corpus_gives_what_extract_gives_however_it_is_spread(
        finance_archive: tuple[Path, list[str]], where: list[str], request: pytest.FixtureRequest) -> None:
    """Serial, two local processes and a real cluster: the same table, row for row, as ``extract``."""
    if where == ["--scheduler"]:
        where = ["--scheduler", request.getfixturevalue("scheduler")]
    folder, names = finance_archive
    table = f"f-{'-'.join(where[:1]) or 'serial'}.parquet"
    run = claimcheck("scan", *names, "-o", table, *where, cwd=folder)
    assert run.returncode == 0, run.stderr
    expected = expected_rows(folder, names, published=None)
    assert rows_of(folder / table) == expected and len(expected) > 100
    assert {row[-2] for row in expected} == {"en", "ko"}
