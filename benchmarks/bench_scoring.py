"""Rescoring 10,000 cases after a weight change, against one plain numpy mat-vec product.

The baseline is the least any vectorised rescoring must do: one ``(10000, 6) @ (6,)``
product. The rescoring computes numerator and denominator together (unscored criteria
drop out of both) and divides; the live re-rank adds the ordering.
"""

from __future__ import annotations

import random
import timeit

import numpy as np

from stuurploeg.domain.model import CRITERIA, Case, CaseStatus
from stuurploeg.domain.scoring import STANDARD_PROFILE, ScoreMatrix, order_indices, rank_cases

N = 10_000


def _cases(n: int) -> list[Case]:
    rng = random.Random(3)
    return [
        Case(
            f"Z{i:05d}", "zaak", CaseStatus.NEW, position=i,
            criteria={c: (None if rng.random() < 0.1 else rng.randint(1, 5)) for c in CRITERIA},
            ongoing=rng.random() < 0.05, minors=rng.choice((0, 0, 1)),
        )
        for i in range(n)
    ]


def _best(stmt, number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def main() -> None:
    cases = _cases(N)
    matrix = ScoreMatrix(cases)
    weights = [STANDARD_PROFILE.vector() + np.eye(6)[i % 6] * (i % 7) for i in range(64)]
    a = np.random.default_rng(0).random((N, len(CRITERIA)))
    w = STANDARD_PROFILE.vector()
    counter = iter(range(10**9))

    def rescore():
        return matrix.rescore(weights[next(counter) % 64])

    prio = np.zeros(N, dtype=bool)
    pos = np.arange(N)

    def rerank():
        return order_indices(rescore(), prio, pos)

    base = _best(lambda: a @ w, 2000)
    t_rescore = _best(rescore, 500)
    t_rerank = _best(rerank, 50)
    case_tuple = tuple(cases)
    rank_cases(case_tuple, STANDARD_PROFILE)  # packs the list once, as the window does
    t_window = _best(lambda: rank_cases(case_tuple, STANDARD_PROFILE.with_weight(
        CRITERIA[next(counter) % 6], float(next(counter) % 30))).columns(), 20)

    def everything() -> None:  # a new list, every entry and swap explanation built
        ranking = rank_cases(cases, STANDARD_PROFILE)
        assert len(ranking.entries) == len(ranking.swaps) + 1

    t_full = _best(everything, 1, repeat=3)
    print(f"{N} cases, 6 criteria")
    print(f"  baseline numpy mat-vec (10000x6 @ 6):  {base * 1e6:8.1f} µs")
    print(f"  rescore after weight change:            {t_rescore * 1e6:8.1f} µs"
          f"   ratio {t_rescore / base:5.2f}x baseline")
    print(f"  rescore + new ranking order (live):     {t_rerank * 1e6:8.1f} µs"
          f"   ratio {t_rerank / base:5.1f}x baseline")
    print(f"  rank_cases of the same list + columns (a slider step in the window): "
          f"{t_window * 1e3:.1f} ms   ratio {t_window / base:5.1f}x baseline")
    print(f"  full rank_cases of a new list, every entry and explanation built: "
          f"{t_full * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
