"""Timing shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable

REPEATS = 5


def best_of(*fns: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    """Best time in seconds of each function, the functions run in turn each round, so a
    busy shared machine's drift hits the measurement and its baseline alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t0)
    return [min(t) for t in times]
