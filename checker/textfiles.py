"""Reading a file a user gave us: bounded in size, strict UTF-8, every failure one clear line.

Claim files, articles and reference data all come through here, so a BOM, a UTF-16
export, a stray NUL byte or a 2 GB file gets the same answer wherever it turns up.
"""
from __future__ import annotations

from pathlib import Path

from checker.errors import InputError, Location

MAX_BYTES = 10_000_000


def read_text(path: Path, where: Location, max_bytes: int = MAX_BYTES, what: str = "file",
              flag: str = "--max-bytes") -> str:
    """Read a UTF-8 text file (BOM dropped, newlines kept) or raise InputError at ``where``.

    The size is checked before reading, so an oversized file costs nothing; the
    message names ``flag``, the option that raises the limit.
    """
    check_size(path, where, max_bytes, what, flag)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read {what}: {exc.strerror or exc}") from None
    return decode(data, where, what)


def check_size(path: Path, where: Location, max_bytes: int = MAX_BYTES, what: str = "file",
               flag: str = "--max-bytes") -> None:
    """Raise InputError at ``where`` unless ``path`` is a regular file of at most ``max_bytes``.

    Binary files (Parquet, DuckDB) are held to the same limit before anything opens them.
    """
    try:
        if not path.exists():
            raise InputError(where, f"{what} not found")
        if path.is_dir():
            raise InputError(where, f"{what} is a directory")
        if not path.is_file():
            raise InputError(where, f"{what} is not a regular file")
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(where, f"cannot read {what}: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise InputError(where, f"{what} is {size} bytes, over the {max_bytes}-byte limit of {flag}")


def decode(data: bytes, where: Location, what: str) -> str:
    """Strict UTF-8 (with or without BOM); UTF-16 and binary files are named as such."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, f"{what} is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(Location(where.path, line, 1),
                         f"{what} contains NUL bytes (binary, or UTF-16 without BOM?); save it as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        at = Location(where.path, line, column) if (where.line, where.column) == (1, 1) else where
        raise InputError(at, f"{what} is not valid UTF-8 (byte 0x{bad}); save it as UTF-8") from None
