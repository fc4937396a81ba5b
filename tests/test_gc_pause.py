"""The cycle collector's pauses: ``keep_old`` hands what a block kept to the oldest generation,
thaws nothing the process froze itself, and leaves the collector as it found it."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from checker.gc_pause import keep_old, no_cycle_collection

ROOT = Path(__file__).resolve().parents[1]


class Node:
    """A tracked object that may hold itself (a cycle only the collector frees)."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _young_ids() -> set[int]:
    return {id(item) for generation in (0, 1) for item in gc.get_objects(generation=generation)}


@pytest.fixture
def unfrozen():
    """A process with nothing frozen, as a library caller's, its collector off so no collection moves
    an object between generations while a test looks (``keep_old`` works the same with it on);
    the test's collector state restored after."""
    was_enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.unfreeze()
    gc.disable()
    yield
    if frozen:
        gc.freeze()
    if not was_enabled:
        gc.disable()


def test_kept_objects_leave_the_young_generations(unfrozen):
    with keep_old():
        kept = [Node() for _ in range(1000)]
    assert gc.get_freeze_count() == 0  # promoted, not frozen: a full collection still sees them
    young = _young_ids()
    assert not any(id(node) in young for node in kept)
    assert {id(node) for node in kept} <= {id(item) for item in gc.get_objects(generation=2)}


def test_a_plain_pause_leaves_them_young(unfrozen):
    """The contrast: without ``keep_old`` the next collections walk them as young objects."""
    with no_cycle_collection():
        kept = [Node() for _ in range(1000)]
    young = _young_ids()
    assert all(id(node) in young for node in kept)


def test_cycles_made_in_the_block_are_still_freed(unfrozen):
    with keep_old():
        node = Node()
        node.other = node
    witness = id(node)
    del node
    gc.collect()
    assert witness not in {id(item) for item in gc.get_objects()}


def test_what_the_process_froze_stays_frozen(unfrozen):
    """Read by the objects themselves, not by ``gc.get_freeze_count()``: another thread of the test run
    (a server a test left) may free a frozen object between two counts, one fewer with nothing thawed."""
    frozen_before = [Node() for _ in range(10)]
    gc.freeze()
    try:
        with keep_old():
            made = [Node() for _ in range(10)]
        tracked = {id(item) for item in gc.get_objects()}   # generations 0-2: the frozen ones are in none
        assert not any(id(node) in tracked for node in frozen_before)   # nothing thawed
        assert all(id(node) in _young_ids() for node in made)   # nothing of the block frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_paused_inside_and_restored_after(unfrozen):
    with keep_old():
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()
    with keep_old():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_process_that_ends_with_its_command_freezes_what_is_kept(unfrozen, monkeypatch):
    """The command line's own process: kept objects join its start-up freeze, out of the collection at exit."""
    monkeypatch.setattr(keep_old, "process_ends", True)
    try:
        with keep_old():
            kept = [Node() for _ in range(100)]
        assert gc.get_freeze_count() >= len(kept)
        assert not any(id(node) in {id(item) for item in gc.get_objects()} for node in kept)
    finally:
        gc.unfreeze()


def test_only_the_command_line_as_a_program_sets_it(capsys):
    """``main(argv)`` in a caller's process (tests, a service) leaves its collector as it was; the
    program (``python -m checker``, no argv given) sets it."""
    from checker.cli import main

    main(["check", str(ROOT / "claims"), "--format", "json"])
    capsys.readouterr()
    assert keep_old.process_ends is False
    program = ("import sys; from checker import cli; from checker.gc_pause import keep_old; "
               "sys.argv = ['claimcheck', 'check', sys.argv[1], '--format', 'json']; cli.main(); "
               "print(keep_old.process_ends, file=sys.stderr)")
    ran = subprocess.run([sys.executable, "-c", program, str(ROOT / "claims")], capture_output=True, text=True,
                         cwd=ROOT)
    assert ran.stderr.strip().splitlines()[-1] == "True"
