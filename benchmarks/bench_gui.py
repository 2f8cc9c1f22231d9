"""GUI figures: start-up against a bare PySide6 window, and the Ranglijst on big lists.

1. App start to first shown window vs a bare QMainWindow, both in fresh processes
   (median of several runs, interpreter start included for both). Target: ≤ 3×.
2. Ranglijst model on 100,000 rows: sort by score / name and filter by text and vorm,
   against a plain ``numpy.argsort`` of the same column (the floor) and against a
   ``QSortFilterProxyModel`` over the same model on 10,000 rows (the way to avoid).
3. A weight change on a 2,000-case list: new ranking from the app layer (when landed) plus
   updating and re-sorting the view.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5

_BARE = """
import time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hallo")); w.resize(1000, 700); w.show()
app.processEvents()
print("shown", flush=True)
import os; os._exit(0)
"""

_APP = """
import os, sys, tempfile
from pathlib import Path
from stuurploeg.gui.settings import use_settings_folder
use_settings_folder(Path(sys.argv[1]))
from stuurploeg.gui.application import build_application
from stuurploeg.gui.main_window import MainWindow
app = build_application()
w = MainWindow(); w.show()
app.processEvents()
print("shown", flush=True)
heavy = [m for m in ("pandas", "pyqtgraph", "openpyxl", "ortools") if m in sys.modules]
print("heavy:" + ",".join(heavy), flush=True)
os._exit(0)
"""


def _start_time(code: str, *args: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    rest = proc.stdout.read()
    proc.wait()
    if line.strip() != "shown":
        raise RuntimeError(f"child did not show a window: {line!r} {rest!r}")
    return elapsed, rest.strip()


def bench_startup() -> None:
    with tempfile.TemporaryDirectory() as settings:
        _start_time(_BARE)  # warm the file cache for both
        _start_time(_APP, settings)
        bare = statistics.median(_start_time(_BARE)[0] for _ in range(RUNS))
        app_runs = [_start_time(_APP, settings) for _ in range(RUNS)]
    app = statistics.median(t for t, _ in app_runs)
    print(
        f"start to first window: bare PySide6 {bare:.3f} s, Stuurploeg {app:.3f} s, "
        f"ratio {app / bare:.2f}x (target <= 3x)"
    )
    heavy = app_runs[0][1].removeprefix("heavy:") or "none"
    print(f"  heavy modules (pandas, pyqtgraph, openpyxl, ortools) loaded before it: {heavy}")


def _rows(n: int):
    from stuurploeg.gui.ranking_rows import build_rows
    from tests.gui.factories import fake_plan, fake_ranking, make_cases

    cases = make_cases(n, seed=7)
    ranking = fake_ranking(cases, seed=7)
    return cases, ranking, build_rows(cases, ranking, fake_plan(ranking))


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_model() -> None:
    import numpy as np
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from stuurploeg.gui import ranking_model as rm

    app = QApplication.instance() or QApplication([])  # noqa: F841
    n = 100_000
    t0 = time.perf_counter()
    _, _, rows = _rows(n)
    print(f"built {n:,} rows in {time.perf_counter() - t0:.2f} s")
    model = rm.RankingModel()
    model.set_rows(rows)
    desc = Qt.SortOrder.DescendingOrder

    def fresh(column: int):
        def run() -> None:
            model._keys.clear()  # measure the key too, as after a new import
            model.sort(column, desc)

        return run

    floor = _best(lambda: np.argsort(-rows.score, kind="stable"))
    score = _best(fresh(rm.SCORE))
    name = _best(fresh(rm.NAME))
    print(
        f"sort {n:,} rows by score: {score * 1000:.1f} ms "
        f"(bare numpy argsort {floor * 1000:.1f} ms, ratio {score / floor:.1f}x)"
    )
    print(f"sort {n:,} rows by name (text key built each time): {name * 1000:.1f} ms")
    text = _best(
        lambda: (
            model.set_filter(rm.RankingFilter(text="eik 1")),
            model.set_filter(rm.RankingFilter()),
        )
    )
    form = _best(
        lambda: (
            model.set_filter(rm.RankingFilter(exploitations=frozenset({"arbeid"}))),
            model.set_filter(rm.RankingFilter()),
        )
    )
    print(
        f"filter {n:,} rows by search text and back: {text * 1000:.1f} ms; by vorm and back: "
        f"{form * 1000:.1f} ms"
    )

    small_n = 10_000
    _, _, small_rows = _rows(small_n)
    small = rm.RankingModel()
    small.set_rows(small_rows)
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(rm.VALUE_ROLE)
    proxy.setSourceModel(small)
    proxy_time = _best(lambda: (proxy.sort(rm.SCORE, desc), proxy.sort(-1)), repeat=1)
    own_small = _best(fresh_small := (lambda: (small._keys.clear(), small.sort(rm.SCORE, desc))))
    del fresh_small
    print(
        f"sort {small_n:,} rows by score: QSortFilterProxyModel {proxy_time:.2f} s, "
        f"own numpy sort {own_small * 1000:.1f} ms, ratio {proxy_time / own_small:.0f}x"
    )


def bench_reweight() -> None:
    """A weight change on 2,000 cases: new ranking (app layer) + view update and re-sort,
    against one plain numpy matrix-vector product of the same size (the floor)."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from stuurploeg.gui import ranking_model as rm
    from stuurploeg.gui.ranking_rows import build_rows
    from stuurploeg.gui.session import layer_available

    app = QApplication.instance() or QApplication([])  # noqa: F841
    n = 2000
    cases, fake, rows = _rows(n)
    model = rm.RankingModel()
    model.set_rows(rows)
    model.sort(rm.SCORE, Qt.SortOrder.DescendingOrder)
    if not layer_available("stuurploeg.domain.scoring"):
        t = _best(lambda: model.update_ranking(build_rows(cases, fake)))
        print(
            f"weight change on {n:,} cases: view update + re-sort {t * 1000:.1f} ms "
            "(ranking layer not landed: re-ranking itself not measured)"
        )
        return
    from stuurploeg.domain.model import Criterion
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    profiles = [STANDARD_PROFILE.with_weight(Criterion.SEVERITY, float(w)) for w in (5, 45)]
    state = {"i": 0}

    def rerank() -> None:
        state["i"] += 1
        ranking = rank_cases(cases, profiles[state["i"] % 2])
        model.update_ranking(build_rows(cases, ranking))

    total = _best(rerank, repeat=5)
    ranking_only = _best(lambda: rank_cases(cases, profiles[0]), repeat=5)
    matrix = np.random.default_rng(1).random((n, 6))
    weights = np.ones(6)
    floor = _best(lambda: matrix @ weights, repeat=50)
    print(
        f"weight change on {n:,} cases to the re-sorted view: {total * 1000:.1f} ms "
        f"(rank_cases {ranking_only * 1000:.1f} ms, view update + re-sort "
        f"{(total - ranking_only) * 1000:.1f} ms; one numpy mat-vec {floor * 1e6:.0f} µs)"
    )


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    bench_startup()
    bench_model()
    bench_reweight()


if __name__ == "__main__":
    main()
