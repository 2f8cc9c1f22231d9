"""Re-planning against the previous plan at unit scale: 300 candidates, 5 teams, 26 weeks.

Baseline in the same run: the rank-order plan of the changed case list without a previous
plan (``make_plan``), which the GUI makes on every change. Printed with its ratio to the
baseline: the same plan made against the previous plan (keep, then make room for more
priority), and how many cases it kept and moved.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace

from benchmarks.instances import START, WEEKS, unit_instance
from stuurploeg.app.planning import make_plan
from stuurploeg.domain.planning.previous import PreviousPlacement

N_CANDIDATES = 300
REPEATS = 3


def main() -> None:
    cases, capacity = unit_instance(seed=11, n_candidates=N_CANDIDATES)
    before = make_plan(cases, capacity, start=START, weeks=WEEKS)
    previous = [PreviousPlacement(a.case_id, a.team, a.start_week, a.fte)
                for a in before.assignments]
    rng = random.Random(3)  # the next list: a few cases gone, a tenth need more fte
    changed = [replace(c, fte=(c.fte or 0) + 0.5) if rng.random() < 0.1 else c
               for c in cases if rng.random() > 0.05]
    plain, again = [], []
    for _ in range(REPEATS):  # in turn: a busy shared machine drifts
        t0 = time.perf_counter()
        make_plan(changed, capacity, start=START, weeks=WEEKS)
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = make_plan(changed, capacity, start=START, weeks=WEEKS, previous=previous)
        again.append(time.perf_counter() - t0)
    base, t = min(plain), min(again)
    kept = len(previous) - len(result.moved)
    print(f"{N_CANDIDATES} kandidaten, {len(capacity.teams)} teams, {WEEKS} weken; vorig plan "
          f"{len(previous)} zaken, {kept} op hun plek, {len(result.moved)} verschoven")
    print(f"baseline make_plan (rangorde, zonder vorig plan): {base * 1000:.1f} ms")
    print(f"herplannen tegen het vorige plan: {t * 1000:.1f} ms, ratio {t / base:.2f}")
