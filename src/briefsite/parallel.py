"""Work spread over every core by forked worker processes.

Workers are forked after the parent has loaded everything (registry, content, templates),
so they inherit it without pickling: only item numbers go to them and results come back.
Small batches run in this process: starting workers would cost more than it saves, and a
small site (the test suite's) never forks a process that may be running other threads.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting workers costs more than it saves (measured on 2 cores):
BULLETINS_FROM = 100  # items that parse, check or render one bulletin's text (ms each)
PAGES_FROM = 400  # items that render one page or feed from the site model (less each)

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # inherited by the workers


def _run(index: int) -> Any:
    assert _work is not None
    function, items = _work
    return function(items[index])


def fork_map(
    function: Callable[[Item], Result], items: Sequence[Item], parallel_from: int
) -> list[Result]:
    """``[function(item) for item in items]``, on every core once there are
    ``parallel_from`` items or more. Results come back in the order of ``items``."""
    workers = os.cpu_count() or 1
    if workers < 2 or len(items) < parallel_from or os.name != "posix":
        return [function(item) for item in items]
    global _work
    _work = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # small chunks: items differ in cost (a popular expert's page), so workers that
            # finish early take more
            chunk = max(1, len(items) // (workers * 8))
            return pool.map(_run, range(len(items)), chunksize=chunk)
    finally:
        _work = None
