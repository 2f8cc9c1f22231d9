"""GUI figures: start-up against a bare PySide6 window, and the Ranglijst on big lists.

1. App start to first shown window vs a bare QMainWindow, both in fresh processes
   (median of several runs, taken alternately; interpreter start included for both;
   with the bytecode cache an installed app has, and also without one when
   ``PYTHONDONTWRITEBYTECODE`` is set). Target (issue 12): ≤ 2×.
2. Ranglijst model on 100,000 rows: sort by score / name and filter by text and vorm,
   against a plain ``numpy.argsort`` of the same column (the floor) and against a
   ``QSortFilterProxyModel`` over the same model on 10,000 rows (the way to avoid).
3. A weight change on a real 2,000-case workspace (made through the app layer in a
   temporary folder), in the real main window: a Weging slider moved until the Ranglijst
   shows and paints the new order, against a bare model reset + repaint of a same-size
   table and a bare numpy argsort of 2,000 scores.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
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
from stuurploeg.gui.application import ExceptionHandler, build_application, setup_logging
from stuurploeg.gui.main_window import MainWindow
app = build_application()
ExceptionHandler(setup_logging(Path(sys.argv[1])), app).install()  # as run_app does
w = MainWindow(); w.show()
app.processEvents()
print("shown", flush=True)
heavy = [m for m in ("pandas", "pyqtgraph", "openpyxl", "ortools") if m in sys.modules]
print("heavy:" + ",".join(heavy), flush=True)
os._exit(0)
"""


@functools.cache
def _bytecode_folder() -> str:
    folder = tempfile.mkdtemp(prefix="stuurploeg-bytecode-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def child_env(*, bytecode: bool = True) -> dict[str, str]:
    """The environment of a start-up child. An installed app has its modules compiled
    (pip writes the ``.pyc`` files, as it did for PySide6's): with ``bytecode`` the
    children share a cache in a temporary folder that the first (warm-up) run fills, even
    where ``PYTHONDONTWRITEBYTECODE`` is set, so the app is not charged for compiling its
    own source at every start while the bare window's PySide6 comes precompiled. Without
    it, the environment as it is (with that variable set every module is compiled)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _bytecode_folder()
    return env


def _start_time(code: str, *args: str, bytecode: bool = True) -> tuple[float, str]:
    env = child_env(bytecode=bytecode)
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


def _target(bytecode: bool, times: int) -> str:
    """The start-up target holds for the installed app (bytecode compiled); the figure
    without a bytecode cache is printed for reference, since this environment sets
    ``PYTHONDONTWRITEBYTECODE`` and compiles every module at every start."""
    if bytecode:
        return f"target <= {times}x"
    return "for reference: every module compiled at start, not how the app is installed"


def bench_startup() -> None:
    compiled = [True, False] if os.environ.get("PYTHONDONTWRITEBYTECODE") else [True]
    for bytecode in compiled:
        with tempfile.TemporaryDirectory() as settings:
            _start_time(_BARE, bytecode=bytecode)  # warm the file (and bytecode) cache
            _start_time(_APP, settings, bytecode=bytecode)
            bare_runs, app_runs = [], []
            for _ in range(RUNS):  # alternately, so a change of load hits both alike
                bare_runs.append(_start_time(_BARE, bytecode=bytecode)[0])
                app_runs.append(_start_time(_APP, settings, bytecode=bytecode))
        bare = statistics.median(bare_runs)
        app = statistics.median(t for t, _ in app_runs)
        how = "bytecode cached, as installed" if bytecode else "no bytecode cache"
        print(
            f"start to first window ({how}): bare PySide6 {bare:.3f} s, Stuurploeg {app:.3f} s, "
            f"ratio {app / bare:.2f}x ({_target(bytecode, 2)})"
        )
    heavy = app_runs[0][1].removeprefix("heavy:") or "none"
    print(f"  heavy modules (pandas, pyqtgraph, openpyxl, ortools) loaded before it: {heavy}")


def _rows(n: int):
    """``n`` generated cases with their real ranking; every third ranked case out of the
    plan (a real plan of 100,000 cases takes minutes, and the table is measured here)."""
    from stuurploeg.domain.planning import Assignment, Unplanned
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases
    from stuurploeg.domain.weeks import IsoWeek
    from stuurploeg.gui.ranking.rows import build_rows
    from tests.gui.factories import make_cases

    cases = make_cases(n, seed=7)
    ranking = rank_cases(cases, STANDARD_PROFILE)
    assigned, unplanned = [], []
    for e in ranking.entries:
        if e.rank % 3:
            assigned.append(Assignment(e.case_id, "Team Noord", IsoWeek(2026, 50), 6, 1.0))
        else:
            unplanned.append(Unplanned(e.case_id, "Team Noord: 1,5 fte tekort in 2026-W51"))
    return cases, ranking, build_rows(cases, ranking, assigned, unplanned)


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

    from stuurploeg.gui.ranking import model as rm

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


CASES = 2000
MOVES = 21


def make_case_list(path: Path, rows: int = CASES) -> None:
    """A ``rows``-case list with the sample's columns: the sample's cases first, then
    varied copies of its candidates (new cases: the sample's teams cannot carry thousands
    of running ones)."""
    import random

    from openpyxl import Workbook

    from benchmarks.bench_import import load_make_samples

    samples = load_make_samples()
    base = samples.make_cases(random.Random(samples.SEED))
    headers = samples.CASE_HEADERS
    status, team, start = (headers.index(h) for h in ("Status", "Team", "Startweek"))
    first = headers.index("Ernst")
    rng = random.Random(2000)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Zaken")
    ws.append(headers)
    for i in range(rows):
        row = list(base[i % len(base)])
        if i >= len(base):
            row[0] = f"MH-B-{i:05d}"
            row[1] = f"Onderzoek {i}"
            if row[status] == "lopend":
                row[status], row[team], row[start] = "nieuw", "", ""
            for c in range(first, first + 6):
                if row[c] is not None:
                    row[c] = rng.randint(1, 5)
        ws.append(row)
    wb.save(path)


class _BareTable:
    """A bare QAbstractTableModel in a same-size QTableView, reset and repainted."""

    def __init__(
        self, rows: int, columns: int, size: tuple[int, int],
        cells: list[list[str]] | None = None, widths: list[int] | None = None,
    ) -> None:  # fmt: skip
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
        from PySide6.QtWidgets import QTableView

        class Bare(QAbstractTableModel):
            def __init__(self) -> None:
                super().__init__()
                self.cells = cells if cells is not None else [
                    [f"{r}:{c}" for c in range(columns)] for r in range(rows)
                ]

            def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else len(self.cells)

            def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else columns

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.cells[index.row()][index.column()]
                return None

            def reverse(self) -> None:
                self.beginResetModel()
                self.cells.reverse()
                self.endResetModel()

        self.model = Bare()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(*size)
        for column, width in enumerate(widths or ()):
            self.view.setColumnWidth(column, width)
        self.view.show()

    def once(self) -> tuple[float, float]:
        """One reset + repaint: (wall-clock ms, GUI-thread CPU ms)."""
        t0, c0 = time.perf_counter(), time.thread_time()
        self.model.reverse()
        self.view.viewport().repaint()
        return (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()


def _bare_reset_ms(
    rows: int, columns: int, size: tuple[int, int],
    cells: list[list[str]] | None = None, widths: list[int] | None = None,
) -> list[float]:
    """A bare QAbstractTableModel reset + repaint of a same-size QTableView (baseline);
    with ``cells`` (and ``widths``) it shows those texts in columns of those widths, the
    floor for a table of the same content."""
    from PySide6.QtWidgets import QApplication

    bare = _BareTable(rows, columns, size, cells, widths)
    app = QApplication.instance()
    times = []
    for _ in range(MOVES):
        app.processEvents()  # as the event loop would between two changes
        times.append(bare.once()[0])
    bare.close()
    return times


def bench_reweight() -> None:
    """A weight change on a real 2,000-case workspace, in the real main window: move a
    slider of the Weging dock and time until the Ranglijst shows the new order (painted).

    The workspace is made through the app layer (create + import of a generated case list
    and the sample capacity sheet) in a temporary folder; settings and log go there too.
    """
    import numpy as np
    from PySide6.QtCore import QThreadPool

    from stuurploeg.app.workspace import create_workspace
    from stuurploeg.app.workspace_import import import_files
    from stuurploeg.gui.application import build_application
    from stuurploeg.gui.paths import sample_files
    from stuurploeg.gui.ranking import model as rm
    from stuurploeg.gui.settings import use_settings_folder

    with tempfile.TemporaryDirectory(prefix="stuurploeg-bench-") as tmp:
        folder = Path(tmp)
        use_settings_folder(folder / "settings")
        os.environ["STUURPLOEG_DATA_DIR"] = str(folder / "data")
        app = build_application()
        cases_file = folder / "zakenlijst_2000.xlsx"
        make_case_list(cases_file)
        path = folder / "bench.stuurploeg"
        t0 = time.perf_counter()
        ws = create_workspace(path)
        try:
            import_files(ws, cases_path=cases_file, capacity_path=sample_files()[1])
            n_cases = len(ws.cases())
        finally:
            ws.close()
        made = time.perf_counter() - t0

        from stuurploeg.gui.main_window import MainWindow

        window = MainWindow()
        window.resize(1600, 1000)
        window.show()
        controller = window.controller

        def wait(condition, what: str, timeout: float = 120.0) -> None:
            end = time.perf_counter() + timeout
            while not condition():
                if time.perf_counter() > end:
                    raise RuntimeError(f"timed out waiting for {what}")
                app.processEvents()
                time.sleep(0.005)

        def planned() -> bool:
            return controller.proposal is not None and not controller.planning

        window.start(path)
        wait(
            lambda: controller.ranking is not None and len(controller.cases) == n_cases,
            "ranking",
        )
        wait(planned, "first plan")
        table = window.ranking_view.table
        model = window.ranking_view.model
        slider = window.weights_panel.sliders[next(iter(window.weights_panel.sliders))]
        start_value = slider.value()
        values = [(start_value + 20 + 7 * i) % (slider.maximum() + 1) for i in range(MOVES)]
        # The same bare table, shown beside the window and reset + repainted after every
        # move: both at the same moments (on a shared machine the load changes within a
        # second), and both also in GUI-thread CPU time, which the other processes on the
        # cores disturb less.
        beside = _BareTable(n_cases, rm.COLUMN_COUNT,
                            (table.viewport().width(), table.viewport().height()))  # fmt: skip
        times, cpu, beside_times, beside_cpu = [], [], [], []
        for value in values:
            if value == slider.value():
                value = (value + 1) % (slider.maximum() + 1)
            before = controller.ranking
            app.processEvents()  # as the event loop would between two slider steps
            t0, c0 = time.perf_counter(), time.thread_time()
            slider.setValue(value)
            table.viewport().repaint()
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            if controller.ranking is before:
                raise RuntimeError("the slider did not re-rank")
            want = [e.case_id for e in sorted(controller.ranking.entries, key=lambda e: e.rank)]
            if model.sort_column != rm.RANK or model.visible_case_ids()[: len(want)] != want:
                raise RuntimeError("the Ranglijst is not in the new order")
            app.processEvents()
            wall, thread = beside.once()
            beside_times.append(wall)
            beside_cpu.append(thread)
        beside.close()
        wait(planned, "the plan after the moves")
        plans = len(controller.workspace.plans())
        from stuurploeg.domain.scoring import rank_cases

        ranking_ms = _best(
            lambda: rank_cases(controller.cases, controller.profile, controller.overrides), repeat=5
        ) * 1000
        size = (table.viewport().width(), table.viewport().height())
        window.close()
        QThreadPool.globalInstance().waitForDone(30_000)
        app.processEvents()
        window.deleteLater()
        app.processEvents()

        bare = _bare_reset_ms(n_cases, rm.COLUMN_COUNT, size)
        scores = np.random.default_rng(1).random(n_cases)
        argsort = min(
            _best(lambda: np.argsort(-scores, kind="stable"), repeat=50) for _ in range(3)
        ) * 1000

    move, bare_ms = statistics.median(times), statistics.median(bare)
    print(
        f"workspace: {n_cases:,} cases imported through the app layer in {made:.1f} s "
        f"(temporary folder, removed); {plans} stored plan(s) after {MOVES} slider moves"
    )
    print(
        f"weight change (Weging slider, real main window) to the re-sorted, repainted "
        f"Ranglijst on {n_cases:,} cases: median {move:.1f} ms "
        f"(min {min(times):.1f}, max {max(times):.1f}, {MOVES} moves); of which "
        f"rank_cases {ranking_ms:.1f} ms"
    )
    print(
        f"  baseline: bare QAbstractTableModel reset + repaint of a same-size QTableView "
        f"({n_cases:,} rows): median {bare_ms:.1f} ms, ratio {move / bare_ms:.1f}x"
    )
    same, same_cpu, move_cpu = (
        statistics.median(beside_times), statistics.median(beside_cpu), statistics.median(cpu)
    )
    print(
        f"  the same bare table beside the window, reset + repainted after each move: median "
        f"{same:.1f} ms, ratio {move / same:.1f}x; GUI-thread CPU time: move {move_cpu:.1f} "
        f"ms, bare {same_cpu:.1f} ms, ratio {move_cpu / same_cpu:.1f}x"
    )
    print(
        f"  floor: bare numpy argsort of {n_cases:,} scores: {argsort * 1000:.0f} µs, "
        f"ratio {move / argsort:.0f}x"
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
