"""``scan`` dates each article: by ``--manifest``, else its front matter, dateline or byline, else ``--published``.

An archive of four articles that each state Meta's 2022-Q3 net income in relative words
("지난해 3분기", "the third quarter of last year"); scanned with no date they state it for
no period and the README's revision query finds none of them, dated one by one it finds all.
"""
from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.extraction.dateline import dated
from cluster_support import claimcheck
from test_scan import readme_query

duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")

ARTICLES = {
    "front.txt": "---\ntitle: 메타 실적 2023\npublished: 2023-02-01\n---\n메타는 지난해 3분기 44억 달러의 순이익을 기록했다.\n",
    "reuters.txt": "MENLO PARK, Calif., Oct 26, 2022 (Reuters) - Meta Platforms earned $4.4 billion in the third "
                   "quarter, down from a year earlier.\n",
    "news1.txt": "(서울=뉴스1) 홍길동 기자 = 메타는 지난해 3분기 순이익이 44억 달러였다고 밝혔다.\n"
                 "홍길동 기자 hong@news1.kr 2023.01.10\n",
    "plain.txt": "Meta's net income was $4.4 billion in the third quarter of last year.\n",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dated")
    for name, text in ARTICLES.items():
        (folder / "articles" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder


def query(folder: Path) -> list[tuple]:
    connection = duckdb.connect()
    connection.execute(f"SET file_search_path = '{folder}'")
    return connection.sql(readme_query()).fetchall()


def test_the_readme_query_goes_from_no_row_to_every_article(archive: Path) -> None:
    undated = claimcheck("scan", "articles", "-o", "quantities.parquet", "--published", "2024-06-30", cwd=archive)
    assert undated.returncode == 0, undated.stderr
    assert [file for file, *_ in query(archive)] == ["articles/front.txt", "articles/news1.txt",
                                                     "articles/reuters.txt"]     # plain.txt: 2023-Q3 by the fallback
    manifest = archive / "manifest.csv"
    manifest.write_text("file,published,language\narticles/plain.txt,2023-03-01,en\n", encoding="utf-8")
    dated_run = claimcheck("scan", "articles", "-o", "quantities.parquet", "--manifest", "manifest.csv", cwd=archive)
    assert dated_run.returncode == 0, dated_run.stderr
    assert [file for file, *_ in query(archive)] == [f"articles/{name}" for name in sorted(ARTICLES)]
    published = dict(duckdb.sql(f"SELECT DISTINCT file, published FROM '{archive / 'quantities.parquet'}'").fetchall())
    assert published == {"articles/front.txt": date(2023, 2, 1), "articles/news1.txt": date(2023, 1, 10),
                         "articles/plain.txt": date(2023, 3, 1), "articles/reuters.txt": date(2022, 10, 26)}


def test_one_published_date_for_the_archive_finds_none(archive: Path, tmp_path: Path) -> None:
    """The single-date scan of before: every article held to 2024-06-30, so 지난해 3분기 is 2023-Q3 in each."""
    stripped = tmp_path / "articles"
    stripped.mkdir()
    for name, text in ARTICLES.items():
        (stripped / name).write_text(text.split("---\n")[-1].replace("Oct 26, 2022 (Reuters)", "(Reuters)")
                                     .replace(" 2023.01.10", ""), encoding="utf-8")
    run = claimcheck("scan", "articles", "-o", "quantities.parquet", "--published", "2024-06-30", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert query(tmp_path) == []


def test_a_bad_manifest_row_is_one_line_and_every_article_is_still_scanned(archive: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,language\n"
                        f"{archive / 'articles' / 'plain.txt'},2023-03-01,en\n"
                        f"{archive / 'articles' / 'front.txt'},2023-02-30,\n"
                        f"{archive / 'articles' / 'news1.txt'},2023-01-10,fr\n", encoding="utf-8")
    run = claimcheck("scan", "articles", "-o", str(tmp_path / "o.parquet"), "--manifest", str(manifest), cwd=archive)
    assert run.returncode == 2
    first, second, summary = run.stderr.splitlines()
    column = len(str(archive / "articles" / "front.txt")) + 2
    assert first == f"{manifest}:3:{column}: published '2023-02-30' is not a date (YYYY-MM-DD)"
    assert second.startswith(f"{manifest}:4:") and "language 'fr' is not one of ko, en" in second
    assert summary.endswith("from 4 articles")
    published = dict(duckdb.sql(f"SELECT DISTINCT file, published FROM '{tmp_path / 'o.parquet'}'").fetchall())
    assert published["articles/plain.txt"] == date(2023, 3, 1)
    assert published["articles/front.txt"] == date(2023, 2, 1)      # the bad row left out: its front matter dates it


def test_published_is_the_fallback_of_articles_dated_nowhere(archive: Path, tmp_path: Path) -> None:
    run = claimcheck("scan", "articles", "-o", str(tmp_path / "o.parquet"), "--published", "2021-06-30", cwd=archive)
    assert run.returncode == 0, run.stderr
    published = dict(duckdb.sql(f"SELECT DISTINCT file, published FROM '{tmp_path / 'o.parquet'}'").fetchall())
    assert published["articles/plain.txt"] == date(2021, 6, 30)
    assert published["articles/reuters.txt"] == date(2022, 10, 26)


def test_front_matter_is_neither_quantities_nor_shifted_offsets(archive: Path, tmp_path: Path) -> None:
    run = claimcheck("extract", "articles/front.txt", "--format", "json", cwd=archive)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["article"]["published"] == "2023-02-01"
    texts = [(q["text"], q["period"]) for q in result["quantities"]]
    assert texts == [("44억 달러", "2022-Q3")]
    text = ARTICLES["front.txt"]
    start = next(q["start"] for q in result["quantities"])
    assert text[start:start + 6] == "44억 달러"


@pytest.mark.parametrize(("text", "day", "source"), [
    ("WASHINGTON, June 14, 2022 (Reuters) - The Fed raised rates.\n", date(2022, 6, 14), "dateline"),
    ("제목\n입력 2022.06.14 10:23 수정 2022.06.15 09:00\n본문 2021년 3분기.\n", date(2022, 6, 14), "dateline"),
    ("(서울=뉴스1) 홍길동 기자 2022.06.14 = 삼성전자는\n", date(2022, 6, 14), "dateline"),
    ("본문이다 2020년 5월.\n홍길동 기자 hong@x.com 2022년 6월 14일\n", date(2022, 6, 14), "byline"),
    ("Published: 14 June 2022\nBody.\n", date(2022, 6, 14), "dateline"),
    # never guessed: a dateline without a year, a date in the story, an impossible day
    ("LONDON, Oct 20 (Reuters) - Shares fell 3% from 2021.\n", None, None),
    ("(서울=뉴스1) 홍길동 기자 = 삼성전자는 2022.06.14 실적을 발표했다.\n", None, None),
    ("The index rose 3% on 2022-06-14, the highest since 2019, traders said on Tuesday.\n", None, None),
    ("2022.02.30\nBody.\n", None, None),
])
def test_what_dates_an_article(text: str, day: date | None, source: str | None) -> None:
    found = dated(text, "a.txt")
    assert (found.published, found.source, found.text) == (day, source, text)


def test_a_front_matter_date_that_is_not_a_day_is_an_error_at_its_line() -> None:
    with pytest.raises(InputError) as raised:
        dated("---\ntitle: x\npublished: 2022-13-01\n---\nBody.\n", "a.txt")
    assert str(raised.value) == "a.txt:3:12: front matter published: '2022-13-01' is not a date (YYYY-MM-DD)"


def test_extract_cli_gives_the_bad_front_matter_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\npublished: June\n---\nBody 3%.\n", encoding="utf-8")
    run: subprocess.CompletedProcess = claimcheck("extract", "a.txt", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "a.txt:2:12: front matter published: 'June' is not a date (YYYY-MM-DD)\n")


def test_a_manifest_row_naming_no_article_is_an_error_at_its_line(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(f"file,published,language\n{archive / 'articles' / 'plain.txt'},2023-03-01,"
                                           "en\narticles/gone.txt,2023-03-01,en\n", encoding="utf-8")
    run = claimcheck("scan", "articles", "-o", str(tmp_path / "o.parquet"), "--manifest", str(tmp_path / "manifest.csv"),
                     cwd=archive)
    assert run.returncode == 2
    first, summary = run.stderr.splitlines()   # relative to the manifest's folder, articles/gone.txt is no article
    assert first == f"{tmp_path / 'manifest.csv'}:3:1: articles/gone.txt is in the manifest but not among the articles scanned"
    assert summary.endswith("from 4 articles")


def test_an_update_date_is_not_the_publication_date() -> None:
    assert dated("Updated: June 15, 2022\nBody.\n", "a.txt").published is None
