"""The Ranglijst's rows now live in :mod:`stuurploeg.gui.ranking_rows`.

They moved out of this package so that the controller's jobs can build them in a worker
(``gui.ranking`` imports ``gui.controller``; the other way round would be a cycle). The
names stay importable from here for the modules of this package.
"""

from stuurploeg.gui.ranking_rows import (
    IN_PLAN,
    IN_PLAN_UNKNOWN,
    OUT_OF_PLAN,
    RankingRows,
    build_rows,
    with_plan,
)

__all__ = ["IN_PLAN", "IN_PLAN_UNKNOWN", "OUT_OF_PLAN", "RankingRows", "build_rows", "with_plan"]
