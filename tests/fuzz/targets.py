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
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Callable

from checker import check, match_quantity, parse_quantity
from checker.errors import InputError
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


TARGETS: dict[str, Callable[[bytes], None]] = {
    "quantities": quantities,
    "claimfile": claimfile,
    "reference": reference,
    "extract": extract,
}
