"""Nothing lost: an output file is the old one or the new one, never half of either.

The writer is a real process killed at the worst moment. ``checker.atomic.write_text``
writes a temporary file beside the target and renames it over the target, so a SIGKILL
leaves the old file untouched (and at most a hidden ``.NAME.*.tmp`` that nothing reads),
and a Ctrl-C cleans its temporary file up as well.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from checker.atomic import write_text

ROOT = Path(__file__).resolve().parents[1]
OLD = '{"old": "report, hand-checked"}\n'

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

PAUSED_CHECK = textwrap.dedent("""
    # claimcheck check --output, paused once the new report is written to the temporary
    # file and before it is renamed over the old one: the widest window a crash can hit.
    import os, sys, time
    real_fsync = os.fsync
    def fsync_then_wait(descriptor):
        real_fsync(descriptor)
        print("written", flush=True)
        time.sleep(60)
    os.fsync = fsync_then_wait
    from checker.cli import main
    sys.exit(main(sys.argv[1:]))
""")

STREAMING_WRITER = textwrap.dedent("""
    # Rewrites the target over and over with large, self-checking contents.
    import sys
    from pathlib import Path
    from checker.atomic import write_text
    target = Path(sys.argv[1])
    for round_ in range(1000):
        write_text(target, f"{round_:06d}\\n" + "x" * 8_000_000 + f"\\n{round_:06d}\\n")
""")


def start(script: str, *arguments: str, cwd: Path) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", script, *arguments], cwd=cwd, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def leftovers(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    """A copy of the worked example beside an old report."""
    subprocess.run(["cp", "-r", str(ROOT / "claims"), str(tmp_path / "claims")], check=True)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "report.json").write_text(OLD, encoding="utf-8")
    return tmp_path


def test_sigkill_while_writing_the_report_keeps_the_old_one(claims: Path) -> None:
    writer = start(PAUSED_CHECK, "check", "claims", "--format", "json", "--output", "report.json", cwd=claims)
    assert writer.stdout.readline() == "written\n", writer.stderr.read()
    writer.kill()
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert (claims / "report.json").read_text(encoding="utf-8") == OLD
    # The new report is complete in the temporary file; it is hidden and no input reads it.
    stray = leftovers(claims, "report.json")
    assert len(stray) == 1 and json.loads(stray[0].read_text(encoding="utf-8"))["version"] == 1
    rerun = subprocess.run([sys.executable, "-m", "checker", "check", ".", "--format", "json", "--output",
                            "report.json"], cwd=claims, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads((claims / "report.json").read_text(encoding="utf-8"))["summary"]["supported"] > 0


def test_ctrl_c_while_writing_keeps_the_old_file_and_cleans_up(claims: Path) -> None:
    writer = start(PAUSED_CHECK, "check", "claims", "--format", "json", "--output", "report.json", cwd=claims)
    assert writer.stdout.readline() == "written\n", writer.stderr.read()
    writer.send_signal(signal.SIGINT)
    _, errors = writer.communicate(timeout=30)
    assert writer.returncode == 130 and errors.strip().endswith("claimcheck: interrupted"), errors
    assert (claims / "report.json").read_text(encoding="utf-8") == OLD
    assert leftovers(claims, "report.json") == []


@pytest.mark.parametrize("seed", range(2))
def test_killed_at_a_random_moment_the_file_is_always_whole(tmp_path: Path, seed: int) -> None:
    target = tmp_path / "out.txt"
    write_text(target, "000000\nstart\n000000\n")
    writer = start(STREAMING_WRITER, str(target), cwd=tmp_path)
    time.sleep(random.Random(seed).uniform(0.3, 1.0))
    writer.kill()
    writer.wait()
    text = target.read_text(encoding="utf-8")
    first, last = text[:6], text[-7:-1]
    assert first == last and text.endswith("\n"), (len(text), first, last)


def test_a_failed_write_leaves_the_target_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_text(target, "new")
    assert target.read_text(encoding="utf-8") == OLD and leftovers(tmp_path, "report.json") == []


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_without_replace_a_file_that_appeared_meanwhile_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                links: bool) -> None:
    """A name taken between the caller's look and the write (a slow download) is never replaced: a rename would."""
    target = tmp_path / "fetched.csv"
    def no_links(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    if not links:  # a file system without hard links (some network and FUSE mounts): created exclusively instead
        monkeypatch.setattr(os, "link", no_links)
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_text(target, "new", replace=False)
    assert target.read_text(encoding="utf-8") == OLD and leftovers(tmp_path, "fetched.csv") == []
    target.unlink()
    write_text(target, "new", replace=False)
    assert target.read_text(encoding="utf-8") == "new" and leftovers(tmp_path, "fetched.csv") == []


# --------------------------------------------------------------------------- extract never loses a hand edit

def claimcheck(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    """A claim repository with an article and the claim file ``extract`` drafted from it."""
    subprocess.run(["cp", str(ROOT / "tests" / "bad_inputs" / "base" / "article.txt"), str(tmp_path)], check=True)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    done = claimcheck("extract", "article.txt", "--published", "2024-02-19", "-o", "claims.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def hand_edit(draft: str) -> str:
    """What a fact-checker does to a draft: comments, a reordered claim, links, a ruling, a note."""
    lines = draft.splitlines()
    first = next(index for index, line in enumerate(lines) if line.startswith("  - id: "))
    quote, value = lines[first + 1], lines[first + 2]
    assert quote.startswith("    quote: ") and value.startswith("    value: "), lines[first:first + 3]
    edited = ["# Checked by J. Kim, 2024-02-20: net income from the Q3 press release.", *lines[:first + 1],
              value.split("  #")[0] + "  # as printed", quote,
              "    metric: meta.net_income", "    period: 2022-Q3", "    expect: supported",
              "    note: the press release rounds to $4.4B too", *lines[first + 3:]]
    return "\n".join(edited) + "\n"


def test_extract_refuses_to_overwrite_a_hand_edited_file(drafted: Path) -> None:
    edited = hand_edit((drafted / "claims.yaml").read_text(encoding="utf-8"))
    (drafted / "claims.yaml").write_text(edited, encoding="utf-8")
    done = claimcheck("extract", "article.txt", "-o", "claims.yaml", cwd=drafted)
    assert done.returncode == 2 and "--force" in done.stderr
    assert (drafted / "claims.yaml").read_text(encoding="utf-8") == edited


def test_update_keeps_comments_key_order_and_hand_edits(drafted: Path) -> None:
    edited = hand_edit((drafted / "claims.yaml").read_text(encoding="utf-8"))
    (drafted / "claims.yaml").write_text(edited, encoding="utf-8")
    with open(drafted / "article.txt", "a", encoding="utf-8") as article:
        article.write("같은 분기 매출은 277억 달러였다.\n")
    done = claimcheck("extract", "article.txt", "--published", "2024-02-19", "--update", "claims.yaml", cwd=drafted)
    assert done.returncode == 0, done.stderr
    updated = (drafted / "claims.yaml").read_text(encoding="utf-8").splitlines()
    remaining = iter(updated)
    missing = [line for line in edited.splitlines() if line not in remaining]  # in order, each once
    assert missing == [], "\n".join(updated)
    assert any("277억 달러" in line for line in updated), "\n".join(updated)


def test_a_new_output_file_gets_ordinary_permissions(tmp_path) -> None:
    import os
    from pathlib import Path

    from checker.atomic import write_text
    target = Path(tmp_path) / "report.html"
    write_text(target, "<p>x</p>")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_text(target, "<p>y</p>")
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_output_that_is_a_pipe_or_a_device_is_written_into_never_replaced(claims: Path) -> None:
    """``--output /dev/null``, ``/dev/stdout`` or a pipe (``--output >(jq .)``) was replaced by a regular file:
    renamed over, as root, /dev/null itself. Such an output is written into, as a shell's ``>`` does; a FIFO stands
    in for the devices here, whose entries no test should risk."""
    pipe = claims / "report.pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE, text=True)
    run = subprocess.run([sys.executable, "-m", "checker", "check", "claims", "--format", "json", "--output", str(pipe)],
                         cwd=claims, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                         timeout=120)
    try:
        received, _ = reader.communicate(timeout=20)
    finally:
        reader.kill()
    assert run.returncode in (0, 1), run.stderr
    assert pipe.is_fifo() and not leftovers(claims, pipe.name)
    assert json.loads(received)["results"]
