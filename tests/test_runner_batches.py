"""An archive travels through ``checker.runner`` in bounded batches, and comes back in order.

A desk's archive may hold a million articles: the runner must neither cut it into a
few huge batches (a worker's result held whole) nor send all of it ahead of the results
read (every batch held by the cluster at once). These tests hold the batching and the
window of batches in flight to those bounds, with real futures and real processes.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Sequence

from checker import runner


def test_a_large_archive_is_cut_into_bounded_batches_in_order() -> None:
    items = range(1_000_000)
    batches = runner._batches(items, workers=2)
    assert max(len(batch) for batch in batches) == runner.MAX_BATCH
    assert [item for batch in batches for item in batch] == list(items)


def test_a_small_archive_still_gives_every_worker_several_batches() -> None:
    assert [len(batch) for batch in runner._batches(range(80), workers=2)] == [10] * 8


def test_with_sizes_batches_hold_equal_bytes_not_equal_counts() -> None:
    """An archive of long articles then short ones: by count, the first batches would hold ten
    times the work of the last; by bytes each holds the same, a worker's share split evenly."""
    sizes = [30_000] * 100 + [3_000] * 1_000
    batches = runner._batches(range(len(sizes)), workers=2, sizes=sizes)
    assert [len(batch) for batch in batches] == [25] * 4 + [250] * 4
    assert {sum(sizes[item] for item in batch) for batch in batches} == {750_000}
    assert [len(batch) for batch in runner._batches(range(len(sizes)), workers=2)] == [138] * 7 + [134]


def test_with_sizes_a_batch_holds_about_a_mebibyte_and_a_long_article_travels_alone() -> None:
    sizes = [10_000] * 5_000 + [5 * 2 ** 20] + [10_000] * 5_000 + [10] * 5_000
    batches = runner._batches(range(len(sizes)), workers=2, sizes=sizes)
    assert [item for batch in batches for item in batch] == list(range(len(sizes)))
    weights = [sum(sizes[item] for item in batch) for batch in batches]
    assert [range(5_000, 5_001)] == [batch for batch in batches if 5_000 in batch]
    assert all(weight <= runner.BATCH_BYTES for batch, weight in zip(batches, weights) if len(batch) > 1)
    assert max(len(batch) for batch in batches) == runner.MAX_BATCH  # tiny files: still at most 256 a batch
    assert len(batches[0]) == runner.BATCH_BYTES // 10_000  # bytes, not items, fill a batch of 10 KB articles


def test_only_a_window_of_batches_is_in_flight_and_outcomes_come_in_order() -> None:
    submitted: list[Future] = []
    collected: list[Future] = []
    most_in_flight = 0

    def submit(batch: Sequence[int]) -> Future:
        nonlocal most_in_flight
        submitted.append(pool.submit(lambda: [item * 2 for item in batch]))
        most_in_flight = max(most_in_flight, len(submitted) - len(collected))
        return submitted[-1]

    def collect(future: Future) -> list[int]:
        collected.append(future)
        return future.result()

    with ThreadPoolExecutor(max_workers=2) as pool:
        batches = runner._batches(range(10_000), workers=2)
        outcomes = list(runner._ordered(batches, submit, collect, runner._cancel_each, ahead=3))
    assert outcomes == [item * 2 for item in range(10_000)]
    assert len(batches) > 30 and most_in_flight == 3


def test_a_reader_that_stops_early_leaves_no_batch_behind() -> None:
    cancelled: list[Future] = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcomes = runner._ordered(runner._batches(range(5_000), workers=2),
                                   lambda batch: pool.submit(list, batch), lambda future: future.result(),
                                   cancelled.extend, ahead=4)
        assert next(outcomes) == 0
        outcomes.close()
    assert len(cancelled) == 3


def test_local_processes_return_a_large_archive_in_order() -> None:
    mapped = runner._processes(2)
    assert list(mapped(str, range(3_000))) == [str(item) for item in range(3_000)]
    assert list(mapped(str, range(3_000), sizes=[item % 7 * 1_000 for item in range(3_000)])) == [
        str(item) for item in range(3_000)]
