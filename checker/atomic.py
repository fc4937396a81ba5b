"""Write output files atomically, so a crash or Ctrl-C never leaves one half-written.

An output that is a device or a pipe (``--output /dev/null``, ``/dev/stdout``, a shell's
``>(jq .)``) is written into, as a shell's ``>`` does: renamed over, it became a regular
file, and as root /dev/null itself was replaced. Atomicity means nothing for a stream.
"""
from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def write_text(path: Path, text: str, replace: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    With ``replace=False`` an existing ``path`` is never replaced, not even one created
    after the caller looked (a download takes a while): FileExistsError, and ``path``
    is untouched.
    """
    with replaced(path, replace) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)


@contextmanager
def replaced(path: Path, replace: bool = True) -> Iterator[Path]:
    """A temporary path beside ``path`` to write (by any writer, e.g. DuckDB's ``COPY``).

    When the block ends normally, the file is synced and renamed over ``path`` (with
    ``replace=False``, linked to ``path``, which fails if it exists); when it raises
    (Ctrl-C included), the temporary file is removed and ``path`` is untouched. A device or a
    pipe at ``path`` (see the module docstring) is given itself, to write into.
    """
    if replace and _is_stream(path):
        yield path
        return
    import tempfile  # here, not with the module: with random and shutil, a tenth of ``check``'s start-up

    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    try:
        yield Path(temporary)
        with open(temporary, "rb") as stream:
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is, through any links, a device, a pipe or a socket: written into, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # absent, a dangling link, unreachable: a new file goes there
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _link_new(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` only if no file has it (a rename would replace one).

    A hard link fails when the name exists, atomically; on a file system without hard
    links the file is created exclusively (O_EXCL) and copied, which never replaces
    either but may leave a partial file if the copy is interrupted.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        with open(path, "xb") as target, open(temporary, "rb") as source:
            target.write(source.read())
            target.flush()
            os.fsync(target.fileno())
    temporary.unlink()


def _mode_for(path: Path) -> int:
    """The replaced file's mode, or what a plain ``open`` would give (mkstemp's 0600 is for secrets)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
