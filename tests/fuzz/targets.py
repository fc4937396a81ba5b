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
import gzip
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


#: Provider readers by the fuzzer's first byte: (module, the saved file's name).
_PROVIDER_FILES = (("fred", "fred.json"), ("fred", "fred.csv"), ("edgar", "companyfacts.json"), ("ecos", "ecos.json"),
                   ("kosis", "kosis.json"), ("dart", "dart.json"))


def provider_readers(data: bytes) -> None:
    """A saved provider download (the reader chosen by the first byte): every problem a located one-line error."""
    from checker.reference import sources
    from checker.reference.entry import Entry

    if not data:
        return
    name, file = _PROVIDER_FILES[data[0] % len(_PROVIDER_FILES)]
    module = getattr(sources, name)
    try:  # an InputError raised for the whole file (no CSV header) is the loader's error, as load_file reports it
        found = module.read(_text(data[1:]), file, Entry(Path(file), metric="fred.PAYEMS"))
    except InputError as error:
        _assert_located([error])
        return
    _assert_located(found.errors)
    for observation in found.observations:
        assert observation.value.is_finite() and observation.metric.count(".") >= 1, observation


FETCH_KEY = "K3Y-fuzz/=+"
_KEY_FORMS = (FETCH_KEY, "K3Y-fuzz%2F%3D%2B")
#: ``claimcheck fetch`` arguments by the fuzzer's first byte; every request is answered with the rest.
FETCHES = (["fred:PAYEMS"], ["edgar:1318605"], ["ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29"],
           ["kosis:101/DT_1B040A3/T20", "--start", "2024-01", "--end", "2024-02"], ["dart:01234567/2024/H1"])


#: How the server wraps the fuzz input (the first byte's higher part): as it is, gzip-compressed, declared
#: gzip but not (broken compression), or a redirect to the input's first line (another host, a loop, garbage).
WRAPPINGS = ("plain", "gzip", "false gzip", "redirect")


class _AnswerServer:
    """A loopback server answering every GET with the current fuzz input, wrapped as ``wrapping`` says."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.body, self.wrapping = b"", "plain"
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body, headers = owner.body, {"Content-Type": "application/json"}
                if owner.wrapping == "redirect":
                    line = body.split(b"\n", 1)[0].decode("latin-1").replace("\r", "")
                    self.send_response(302)
                    headers, body = {"Location": line[:300]}, b""
                else:
                    self.send_response(200)
                if owner.wrapping == "gzip":
                    body = gzip.compress(body)
                if owner.wrapping in ("gzip", "false gzip"):
                    headers["Content-Encoding"] = "gzip"
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.environment = {
            **{f"CLAIMCHECK_{name}_URL": base for name in ("FRED", "SEC", "ECOS", "KOSIS", "DART")},
            **{name: FETCH_KEY for name in ("FRED_API_KEY", "ECOS_API_KEY", "KOSIS_API_KEY", "DART_API_KEY")},
            "SEC_USER_AGENT": "Fuzz fuzz@example.org", "CLAIMCHECK_FETCH_SECONDS": "10",
        }


_server: _AnswerServer | None = None


def fetch(data: bytes) -> None:
    """``claimcheck fetch`` of a provider (first byte) whose server answers the rest (wrapped as the first byte
    also says): exit 0 or 2, one line on stderr when 2, and the key nowhere, printed or written."""
    from contextlib import redirect_stderr, redirect_stdout
    from unittest import mock

    from checker.cli import main

    global _server
    if not data:
        return
    _server = _server or _AnswerServer()
    _server.body, _server.wrapping = data[1:], WRAPPINGS[data[0] // len(FETCHES) % len(WRAPPINGS)]
    output = repository() / "fetched.csv"
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict("os.environ", _server.environment), redirect_stdout(out), redirect_stderr(err):
        code = main(["fetch", *FETCHES[data[0] % len(FETCHES)], "-o", str(output), "--force"])
    assert code in (0, 2), (code, err.getvalue())
    assert len(err.getvalue().splitlines()) == (code == 2), err.getvalue()
    written = output.read_text(encoding="utf-8") if code == 0 else ""
    for shown in (out.getvalue(), err.getvalue(), written):  # the whole key, any case, plain or URL-encoded
        assert not any(form.lower() in shown.lower() for form in _KEY_FORMS), shown


TARGETS: dict[str, Callable[[bytes], None]] = {
    "quantities": quantities,
    "claimfile": claimfile,
    "reference": reference,
    "reference_duplicates": reference_duplicates,
    "extract": extract,
    "reports": reports,
    "provider_readers": provider_readers,
    "fetch": fetch,
}
