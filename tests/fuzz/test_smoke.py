"""A short run of every fuzz target, so a target that no longer runs is noticed in the test suite.

The campaign (``campaign.py``) is minutes long and not run here. Without atheris
(``pip install -e '.[fuzz]'``) the targets still run, on the seed corpus and simple
mutations of it, so the targets themselves stay tested on a fresh clone.
"""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import campaign
import targets

HERE = Path(__file__).resolve().parent
SMOKE_RUNS = 1000


@pytest.mark.parametrize("target", sorted(targets.TARGETS))
def test_target_survives_its_seeds_and_their_mutations(target: str) -> None:
    function = targets.TARGETS[target]
    rng = random.Random(target)
    seeds = campaign.seeds(target)
    for seed in seeds:
        function(seed)
    for _ in range(200):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 8)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        function(bytes(data))


def test_every_module_a_target_reaches_is_loaded_before_fuzzing() -> None:
    """The campaign instruments what it imports up front; a module a target first loads later
    (a report format, the extraction, through a lazy import) would run without coverage feedback."""
    program = (f"import contextlib, sys; sys.path.insert(0, {str(HERE)!r}); import campaign\n"
               "instrumented = campaign.import_every_module(contextlib.nullcontext)\n"
               "import targets\n"
               "for name, function in targets.TARGETS.items():\n"
               "    for seed in campaign.seeds(name):\n"
               "        function(seed)\n"
               "print(sorted(campaign.checker_modules() - instrumented))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.parametrize("target", sorted(targets.TARGETS))
def test_atheris_smoke_run(target: str, tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris not installed (pip install -e '.[fuzz]')")
    done = subprocess.run([sys.executable, str(HERE / "campaign.py"), target, "--runs", f"{target}={SMOKE_RUNS}",
                           "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + (tmp_path / f"{target}.log").read_text(encoding="utf-8")[-3000:]
    line = re.search(rf"^{target} +inputs +{SMOKE_RUNS:,}  cov +(\d+) .*  crashes 0  ", done.stdout, re.MULTILINE)
    assert line and int(line.group(1)) > 0, done.stdout  # instrumented: libFuzzer saw coverage
