"""Pausing Python's cycle collector while a large input is read.

Reading a claim file or a reference file allocates a few objects per node or row and
frees none until the end, so each automatic collection walks every object made so
far: on a 20,000-claim file or a 200,000-row CSV that is close to half the time.
What is read holds no cycles that need the collector (reference counting frees it);
the pause only defers collecting unrelated cycles until the input is read.

Leaving a pause, what it made and kept is still young to the collector, so its first
collection after would walk all of it to free nothing: :class:`keep_old` moves it to the
oldest generation without walking it, for a block whose objects live on (a checked file's
claims and results, kept for the report).
"""
from __future__ import annotations

import gc


class no_cycle_collection:  # noqa: N801 - used as ``with no_cycle_collection():``, like the function it was
    """Disable the cycle collector inside the block; re-enable it after if it was on.

    A class, not a ``contextlib.contextmanager`` generator: ``extract`` enters it once per
    text, and the generator's set-up cost about 2% of a run over many short sentences.
    """

    __slots__ = ("enabled",)

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.enabled:
            gc.enable()


class keep_old(no_cycle_collection):  # noqa: N801 - a context, as ``no_cycle_collection``
    """Pause the cycle collector inside the block, then hand what it kept to the oldest generation.

    Once a 100,000-claim file was checked, the next collection walked its millions of claims, rows
    and results, all kept for the report, to free nothing: 5% of the check. Freezing and then
    unfreezing moves every tracked object to the oldest generation at once, where only a full
    collection looks, and frees nothing it would not (cycles made in the block wait for the next
    full collection). Done only while nothing else is frozen: unfreezing would thaw what the
    process froze itself, which it keeps out of every collection. The command line, whose process
    ends with the command, sets :attr:`process_ends`: what a block kept is then frozen with its
    start-up, out of the collections after it, the one at exit included (both walked all of it).
    """

    __slots__ = ()
    #: Set by a process that ends when its command does (``claimcheck`` run as a program), never by a
    #: library caller: frozen objects are only freed by reference counting, their cycles never.
    process_ends = False

    def __exit__(self, *exception: object) -> None:
        if keep_old.process_ends:
            gc.freeze()
        elif not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        super().__exit__(*exception)
