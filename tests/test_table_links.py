"""Links to the provider's own table (issue 22, item 3): each reader gives the row the page a reader
opens (a FRED series, the company's EDGAR filings, a KOSIS table, the DART filing), ECOS none, and
every report that shows a link shows only an http(s) address, escaped for where it lands."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from checker import reports
from checker.evaluation.engine import check
from checker.evaluation.results import Report, Result
from checker.reference.entry import Entry
from checker.reference.sources import dart, ecos, edgar, fred, kosis
from reports_support import ROOT, run_cli

CASES = ROOT / "tests" / "reference_cases" / "sources"
US = ROOT / "examples" / "us-economy"


def read(module, text: str, name: str = "case.json"):
    return module.read(text, name, Entry(Path(name)))


def test_each_provider_links_its_own_table_page() -> None:
    payems = read(fred, (US / "reference" / "fred" / "PAYEMS.csv").read_text(encoding="utf-8"), "PAYEMS.csv")
    assert {row.link for row in payems.observations} == {"https://fred.stlouisfed.org/series/PAYEMS"}
    table = read(kosis, (CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"))
    assert {row.link for row in table.observations} == {
        "https://kosis.kr/statHtml/statHtml.do?orgId=101&tblId=DT_1B040A3"}
    filing = read(dart, (CASES / "dart_01234567_2024_11012.json").read_text(encoding="utf-8"))
    assert {row.link.split("=")[0] for row in filing.observations} == {"https://dart.fss.or.kr/dsaf001/main.do?rcpNo"}
    assert all(row.link.endswith(row.source.rsplit("=", 1)[1]) for row in filing.observations)
    company = read(edgar, json.dumps({"cik": 1318605, "facts": {"us-gaap": {"Revenues": {"label": "Revenues", "units": {
        "USD": [{"end": "2023-12-31", "start": "2023-01-01", "val": 96773000000, "accn": "0001628280-24-002390",
                 "fy": 2023, "fp": "FY", "form": "10-K", "filed": "2024-01-29"}]}}}}}))
    assert [row.link for row in company.observations] == [
        "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001318605"]
    bank = read(ecos, (CASES / "ecos_731Y001_D.json").read_text(encoding="utf-8"))
    assert {row.link for row in bank.observations} == {""}  # no stable page per table: no guessed link


def test_a_hostile_table_id_is_quoted_into_the_link() -> None:
    hostile = json.loads((CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"))
    hostile[0]["ORG_ID"] = '1"><script>alert(1)</script>'
    hostile[0]["TBL_ID"] = "X&tblId=javascript:alert(1)#"
    data = read(kosis, json.dumps(hostile, ensure_ascii=False))
    assert ("https://kosis.kr/statHtml/statHtml.do?orgId=1%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
                    "&tblId=X%26tblId%3Djavascript%3Aalert%281%29%23") in {row.link for row in data.observations}, data.errors


def test_links_reach_json_html_markdown_and_explain() -> None:
    report = check([US / "payrolls-illustration.yaml"], language="en")
    assert report.results[0].links == (("fred.PAYEMS", "https://fred.stlouisfed.org/series/PAYEMS"),)
    assert json.loads(_rendered(report, "json"))["results"][0]["links"] == [
        {"name": "fred.PAYEMS", "url": "https://fred.stlouisfed.org/series/PAYEMS"}]
    assert '<dt>tables</dt><dd><a href="https://fred.stlouisfed.org/series/PAYEMS">fred.PAYEMS</a></dd>' in \
        _rendered(report, "html")
    assert "<br>[fred.PAYEMS](https://fred.stlouisfed.org/series/PAYEMS) |" in _rendered(report, "markdown")
    done = run_cli("explain", "--lang", "ko", "examples/us-economy/payrolls-illustration.yaml#september-2021-jobs-added")
    assert "원자료    fred.PAYEMS: https://fred.stlouisfed.org/series/PAYEMS" in done.stdout.splitlines()


@pytest.mark.parametrize("name", ["html", "markdown"])
def test_a_hostile_name_or_address_cannot_inject_markup_or_a_script_link(name: str) -> None:
    links = (("<script>alert(1)</script>](javascript:alert(1))", "javascript:alert(1)"),
             ("<img src=x onerror=alert(1)>", "https://e.org/t?a=1&b=\"><script>x</script>) [y](javascript:z)"),
             ("data", "data:text/html,<script>alert(1)</script>"), ("bare", "//e.org/no-scheme"))
    result = Result(file="c.yaml", line=1, column=1, id="c", quote="q", verdict="refuted", explanation="e",
                    links=links)
    text = _rendered(Report(results=[result]), name)
    assert "<script>alert" not in text and "<script>x" not in text and "<img" not in text
    if name == "html":
        addresses = re.findall(r'href="([^"]*)"', text)
        assert addresses and all(address.startswith(("https://", "#")) for address in addresses), addresses
        assert ('<a href="https://e.org/t?a=1&amp;b=&quot;&gt;&lt;script&gt;x&lt;/script&gt;) [y](javascript:z)">'
                "&lt;img src=x onerror=alert(1)&gt;</a>") in text
    else:
        addresses = re.findall(r"\]\(([^)]*)\)", text)
        assert addresses == ["https://e.org/t?a=1&b=%22%3E%3Cscript%3Ex%3C/script%3E%29%20%5By%5D%28javascript:z%29"]
        assert "[&lt;img src=x onerror=alert\\(1\\)&gt;](https://e.org/" in text
    assert "data:text" not in text and "//e.org/no-scheme" not in text and "](javascript:alert" not in text


def _rendered(report: Report, name: str) -> str:
    stream = io.StringIO()
    reports.get(name).render(report, stream)
    return stream.getvalue()


def test_a_link_column_of_an_own_file_is_a_link_only_when_it_is_a_web_address(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("X는 5%였고 Y는 6%였다.\n", encoding="utf-8")
    (tmp_path / "r.csv").write_text(
        "entity,metric,period,value,unit,source,link\n"
        "kr,x,2023,5,%,https://example.org/a,https://example.org/table?id=1\n"
        'kr,y,2023,6,%,https://example.org/a,"javascript:alert(1)//https://e.org"\n', encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "version: 1\narticle: {file: a.txt, published: 2024-01-01, language: ko}\nreference: [r.csv]\nclaims:\n"
        "  - {id: x, quote: X는 5%, value: 5%, metric: kr.x, period: 2023}\n"
        "  - {id: y, quote: Y는 6%, value: 6%, metric: kr.y, period: 2023}\n", encoding="utf-8")
    report = check([tmp_path / "c.yaml"])
    html = _rendered(report, "html")
    assert '<dt>원자료 표</dt><dd><a href="https://example.org/table?id=1">kr.x</a></dd>' in html
    assert "javascript:alert" not in html + _rendered(report, "markdown")  # the y row's link is no web address
