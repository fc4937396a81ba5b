"""A short run of every fuzz target, so a target that no longer runs is noticed in the test suite.

The campaign (``campaign.py``) is minutes long and not run here. Without atheris
(``pip install -e '.[fuzz]'``) the targets still run, on the seed corpus and simple
mutations of it, so the targets themselves stay tested on a fresh clone.
"""
from __future__ import annotations

import random
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


@pytest.mark.parametrize("target", sorted(targets.TARGETS))
def test_atheris_smoke_run(target: str, tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris not installed (pip install -e '.[fuzz]')")
    done = subprocess.run([sys.executable, str(HERE / "campaign.py"), target, "--runs", f"{target}={SMOKE_RUNS}",
                           "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + (tmp_path / f"{target}.log").read_text(encoding="utf-8")[-3000:]
    assert f"inputs {SMOKE_RUNS:>9,}  crashes 0" in done.stdout, done.stdout
