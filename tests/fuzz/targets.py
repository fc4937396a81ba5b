"""Fuzz targets: one function per input surface, bytes in, an exception out on a bug.

Each target turns the fuzzer's bytes into the input a user could give (text in any
script, a claim file, a reference file), runs the library on it and asserts what must
hold for *every* input: no exception escapes, every problem is located
(``path:line:col``, 1-based), every span indexes into the text, no claim ends in an
"internal error" (a crash caught by the engine). The targets need no fuzzer to run, so
a crash input replays with ``python -c 'import targets; targets.NAME(open(F, "rb").read())'``.

The campaign (``campaign.py``) drives them with atheris; ``test_smoke.py`` runs each
briefly in the normal test suite.
"""
from __future__ import annotations

import atexit
import io
import json
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree

from checker import check, match_quantity, parse_quantity
from checker.claimfile.model import Article
from checker.errors import InputError, Location
from checker.evaluation.results import Report, Result
from checker.quantities.model import Quantity
from checker.reference import ReferenceData, clear_cache

HERE = Path(__file__).resolve().parent
BASE = HERE.parent / "bad_inputs" / "base"
EXAMPLE = HERE.parents[1] / "claims"
LANGUAGES = (None, "ko", "en")


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _assert_located(errors: list[InputError]) -> None:
    for error in errors:
        location = error.location
        assert location.line >= 1 and location.column >= 1, error
        assert len(str(error).splitlines()) == 1 and error.message.strip(), repr(str(error))


def _assert_quantity(quantity: Quantity | None, text: str, pos: int = 0) -> None:
    if quantity is None:
        return
    assert pos <= quantity.start <= quantity.end <= len(text), (quantity, len(text))
    for bound in (quantity.value, quantity.low, quantity.high, quantity.precision):
        assert bound is None or (isinstance(bound, Decimal) and bound.is_finite()), quantity
    assert quantity.precision >= 0, quantity
    if quantity.low is not None and quantity.high is not None:
        assert quantity.low <= quantity.high, quantity


def quantities(data: bytes) -> None:
    """The grammar: ``parse_quantity`` on the whole text, ``match_quantity`` at positions the bytes choose."""
    if len(data) < 2:
        return
    language = LANGUAGES[data[0] % 3]
    positions = data[1] % 4
    text = _text(data[2:])
    _assert_quantity(parse_quantity(text, language), text)
    for index in range(positions):
        pos = (data[1] * 31 + index * 97) % (len(text) + 1)
        _assert_quantity(match_quantity(text, pos, language), text, pos)


def extract(data: bytes) -> None:
    """``extract``: never raises, spans index into the text."""
    from checker.extraction import extract as run_extract

    if not data:
        return
    language = LANGUAGES[data[0] % 3]
    text = _text(data[1:])
    result = run_extract(text, language).to_dict()
    for quantity in result["quantities"]:
        assert 0 <= quantity["start"] < quantity["end"] <= len(text), quantity
        assert text[quantity["start"]:quantity["end"]] == quantity["text"], quantity
        start, end = quantity["sentence"]
        assert 0 <= start <= end <= len(text), quantity
    for relation in result["relations"]:
        assert 0 <= relation["start"] <= relation["end"] <= len(text), relation


class _Repository:
    """A claim repository in a temporary folder: the catalogue's base and the worked example's data."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-"))
        atexit.register(shutil.rmtree, self.root, ignore_errors=True)
        shutil.copytree(BASE, self.root, dirs_exist_ok=True)
        shutil.copytree(EXAMPLE / "reference", self.root / "reference", dirs_exist_ok=True)
        shutil.copytree(EXAMPLE / "articles", self.root / "articles", dirs_exist_ok=True)
        (self.root / "pyproject.toml").write_text("", encoding="utf-8")


_repository: _Repository | None = None


def repository() -> Path:
    global _repository
    if _repository is None:
        _repository = _Repository()
    return _repository.root


def claimfile(data: bytes) -> None:
    """A claim file of these bytes beside a small article, loaded and checked end to end."""
    path = repository() / "fuzzed.yaml"
    path.write_bytes(data)
    report = check([path])
    _assert_located(report.errors)
    for result in report.results:
        assert "internal error" not in result.explanation, result.explanation
        assert result.line >= 1 and result.column >= 1, result


REFERENCE_SUFFIXES = (".csv", ".yaml", ".json")


def reference(data: bytes) -> None:
    """A reference file of these bytes (CSV, YAML or JSON by the first byte), loaded."""
    if not data:
        return
    path = repository() / "reference" / f"fuzzed{REFERENCE_SUFFIXES[data[0] % 3]}"
    path.write_bytes(data[1:])
    clear_cache()
    _, errors = ReferenceData.load([path])
    _assert_located(errors)


#: Keys a fuzzed reference mapping repeats: top-level ones and a row's own.
_DUPLICABLE = ("source", "rows", "aliases", "entity", "metric", "period", "value", "unit", "vintage", "note")


def reference_duplicates(data: bytes) -> None:
    """A reference JSON or YAML file whose mapping repeats a key (values from the fuzzer): always
    an error at the repeated key, never one value silently winning."""
    if len(data) < 2:
        return
    key = _DUPLICABLE[data[0] % len(_DUPLICABLE)]
    first, _, second = _text(data[2:]).partition("\x00")
    row = {"entity": "x", "metric": "m", "period": "2022", "value": "1", "unit": "USD"}
    fields = [f"{json.dumps(name)}: {json.dumps(value)}" for name, value in row.items() if name != key]
    repeated = [f"{json.dumps(key)}: {json.dumps(first)}", f"{json.dumps(key)}: {json.dumps(second)}"]
    if key in ("source", "rows", "aliases"):
        body = ", ".join([*repeated, '"events": []']) if key != "rows" else ", ".join(repeated)
        text = "{" + body + (', "source": "s"' if key != "source" else "") + "}"
    else:
        text = '{"source": "s", "rows": [{' + ", ".join([*fields, *repeated]) + "}]}"
    path = repository() / "reference" / f"duplicated{('.json', '.yaml')[data[1] % 2]}"
    path.write_text(text, encoding="utf-8")
    clear_cache()
    _, errors = ReferenceData.load([path])
    _assert_located(errors)
    refused = [error for error in errors if f"duplicate key {key!r}" in error.message
               or error.message.startswith("invalid YAML: found")]  # a character YAML never takes: refused whole
    assert refused, (text, [str(e) for e in errors])


_FIELDS = ("id", "quote", "explanation", "file", "rule", "note", "source", "claimed", "unit", "url")
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What no report may print raw (tab and line feed aside, which some formats use themselves)."""


def _report_from(data: bytes) -> Report:
    """A report whose every text field is a piece of the fuzzer's text (split at NUL), with one error."""
    pieces = _text(data).split("\x00")
    field = {name: pieces[index % len(pieces)] for index, name in enumerate(_FIELDS)}
    verdict = ("supported", "imprecise", "refuted", "unverifiable", "error")[len(data) % 5]
    claimed = {"text": field["claimed"], "value": Decimal(len(data)), "low": Decimal(0), "high": Decimal(len(data) + 1),
               "unit": field["unit"], "qualifier": "exact"}
    result = Result(file=field["file"] or "f.yaml", line=1 + len(data) % 7, column=1, id=field["id"] or "x",
                    quote=field["quote"], verdict=verdict, explanation=field["explanation"], claimed=claimed,
                    actual={"value": Decimal(7), "low": Decimal(6), "high": Decimal(8), "unit": field["unit"]},
                    sources=(field["source"],), rule=field["rule"], note=field["note"], steps=(field["explanation"],),
                    expected="refuted" if len(data) % 3 == 0 else None, quote_span=None)
    article = Article(Path(field["file"] or "a.txt"), field["quote"] or "", None, None,
                      {"url": field["url"], "review_url": field["url"], "title": field["note"]})
    report = Report(results=[result], errors=[InputError(Location(field["file"] or "f.yaml", 2, 3), field["note"])])
    report.articles[result.file] = article
    return report


def reports(data: bytes) -> None:
    """Every report format over fields holding control characters and markup: each stays what it claims to be.

    Machine formats parse (JSON, XML) and hold no raw control character, ``</script>`` or
    ``##[``; text formats print no raw control character; the github report's lines are
    its own annotations or cannot be read as a workflow command; Markdown from input
    renders no image or link; HTML from input is escaped.
    """
    from markdown_it import MarkdownIt

    from checker import reports as formats
    from checker.commands.explain import trail

    report = _report_from(data)
    rendered = {}
    for name in formats.names()[1:]:
        stream = io.StringIO()
        formats.get(name).render(report, stream)
        rendered[name] = stream.getvalue()
    for name in ("json", "sarif", "claimreview"):
        json.loads(rendered[name])
        assert not _UNSHOWABLE.search(rendered[name]) and "</" not in rendered[name] and "##[" not in rendered[name]
    ElementTree.fromstring(rendered["junit"])
    assert "##[" not in rendered["junit"]
    for name in ("parsable", "rich", "markdown", "github"):
        assert not _UNSHOWABLE.search(rendered[name].replace("\t", " ")), (name, rendered[name])
    assert not _UNSHOWABLE.search(trail(report.results[0]))
    for line in rendered["github"].splitlines():
        assert "##[" not in line, line
        assert not line.lstrip().startswith("::") or _ANNOTATION.match(line), line
    assert len(rendered["parsable"].splitlines()) == 3, rendered["parsable"]
    page = MarkdownIt("commonmark").enable("table").render(rendered["markdown"])
    assert "<img" not in page and "<a " not in page, page
    assert "<script" not in rendered["html"].lower()
    for review in json.loads(rendered["claimreview"]):
        url = review["url"]  # a scheme is case-insensitive (RFC 3986): hTtps:// is https://
        assert url.lower().startswith(("http://", "https://")) or url.startswith(result_file(report))


def result_file(report: Report) -> str:
    return report.results[0].file


_ANNOTATION = re.compile(r"^::(error|warning|notice) (?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*::[^\r\n]*$")
"""A workflow command as the github report writes it, every value escaped."""


TARGETS: dict[str, Callable[[bytes], None]] = {
    "quantities": quantities,
    "claimfile": claimfile,
    "reference": reference,
    "reference_duplicates": reference_duplicates,
    "extract": extract,
    "reports": reports,
}
