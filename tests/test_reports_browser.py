"""The HTML report of ``claims/`` in a real browser: headless Chromium (Debian's ``chromium``,
which ``.ci/run`` installs) renders it; the marks and verdicts in the DOM it builds must equal
the JSON results, the console must stay silent, and the screenshot must not be blank.

The screenshot is kept at ``tests/artifacts/html-report.png`` (ignored by git) to look at.
"""
from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports_support import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,1600"]
    return subprocess.run([CHROMIUM, *flags, *extra, url], capture_output=True, text=True, timeout=120)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


class Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "mark" and "claim" in (attributes.get("class") or "").split():
            self.found.append((attributes["data-claim-id"], attributes["data-verdict"]))


def scanlines(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) scanlines of a PNG, read with zlib alone.

    A blank page gives at most a couple of distinct scanlines whatever filter the encoder
    chose (every row alike); a page with text and colour gives hundreds.
    """
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, header = 8, b"", b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        body = png[position + 8:position + 8 + length]
        header = body if kind == b"IHDR" else header
        data += body if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    stride = 1 + width * {2: 3, 6: 4}[colour] * depth // 8
    raw = zlib.decompress(data)
    return width, height, [raw[y * stride:(y + 1) * stride] for y in range(height)]


def test_chromium_renders_every_claim_with_its_verdict(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = run_cli("check", "claims/", "--format", "json", "--output", str(page.with_suffix(".json")))
    assert done.returncode == 0, done.stderr
    assert run_cli("check", "claims/", "--format", "html", "--output", str(page)).returncode == 0
    expected = [(r["id"], r["verdict"]) for r in json.loads(page.with_suffix(".json").read_text("utf-8"))["results"]]

    dom = chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = Marks()
    marks.feed(dom.stdout)
    assert sorted(marks.found) == sorted(expected) and len(marks.found) == 32
    assert console_messages(dom.stderr) == []

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "html-report.png"
    shot = chromium(page.as_uri(), tmp_path / "profile", f"--screenshot={screenshot}")
    assert shot.returncode == 0 and screenshot.is_file(), shot.stderr[-2000:]
    assert console_messages(shot.stderr) == []
    width, height, rows = scanlines(screenshot.read_bytes())
    assert (width, height) == (1200, 1600)
    assert len(set(rows)) > height // 4, "the screenshot is (nearly) blank"


def test_console_errors_would_be_seen(tmp_path: Path) -> None:
    """The console check is not vacuous: a page that throws is caught by it."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>undefinedFunction()</script>", encoding="utf-8")
    done = chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert any("undefinedFunction" in line for line in console_messages(done.stderr))
