"""What tests of reference downloads share: a clean reference cache around each test, and a load that
must give no errors."""
from __future__ import annotations

import pytest

from checker.reference import ReferenceData, clear_cache
from checker.reference.entry import Entry


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test reads its files anew: the cache is keyed by path and mtime, and tests rewrite files in place."""
    clear_cache()
    yield
    clear_cache()


def load(*entries: Entry) -> ReferenceData:
    data, errors = ReferenceData.load(entries)
    assert [str(error) for error in errors] == []
    return data
