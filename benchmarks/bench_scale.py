"""Scale, and a window that never stalls: every figure against a baseline of this run.

1. ``stuurploeg plan --planner rank`` of a 20,000-case list (the whole command, a new
   process, check and fragility included) against a bare
   ``pandas.read_excel(engine="openpyxl")`` of the same file. Target: ratio <= 0.5.
2. The rank plan with fragility of 2,000 candidates (``make_plan``), against one bare
   rank-order greedy pass over the same candidates. Target: under a second.
3. The real main window on a real workspace (made through the app layer in a temporary
   folder) of 2,000 and of 20,000 cases. A QTimer heartbeat (every 2 ms) runs on the GUI
   thread; the longest gap between two beats while an interaction and what it sets off
   (queued signals, a worker's result) are handled is that interaction's stall. Against
   a bare QAbstractTableModel reset + repaint of a same-size QTableView (one frame).
   Targets at 2,000: weight change (slider to repainted Ranglijst) <= 2x the bare
   reset; every stall (weight change, selection, opening a case, undo, redo, the merge
   after an import of the same list and of a changed one) <= 50 ms. At 20,000: the
   weight change <= 100 ms.
4. Start-up against a bare PySide6 window (fresh processes): window shown (target
   <= 2x) and the sample ranking on screen (target <= 3x).

The machine is shared: the load average is printed beside the figures.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIG = 20_000
SMALL = 2_000
REPEATS = 5


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min), {os.cpu_count()} cores"


# -- 1. rank plan of 20,000 cases against the bare read ------------------------------------
def bench_rank_plan(folder: Path) -> None:
    from benchmarks.bench_import import make_workbook
    from stuurploeg.gui.paths import sample_files

    path = folder / "zakenlijst_20k.xlsx"
    make_workbook(path, BIG)
    command = [sys.executable, "-m", "stuurploeg", "plan", "--cases", str(path),
               "--capacity", str(sample_files()[1]), "--planner", "rank", "--start", "2026-W40"]
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    t_plan = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"stuurploeg plan failed ({done.returncode}):\n{done.stderr[-2000:]}")
    import pandas as pd

    t0 = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl")
    t_read = time.perf_counter() - t0
    assert len(frame) == BIG
    print(f"rank plan of {BIG:,} cases (stuurploeg plan --planner rank, whole command, new "
          f"process): {t_plan:.1f} s; bare pandas.read_excel(engine='openpyxl') of the same "
          f"file: {t_read:.1f} s; ratio {t_plan / t_read:.2f} (target <= 0.5)  [{_load()}]")


# -- 2. fragility on 2,000 candidates ---------------------------------------------------
def bench_fragility() -> None:
    from stuurploeg.app.planning import make_plan
    from stuurploeg.domain.planning import build_grid, prepare_candidates, rank_plan
    from stuurploeg.domain.planning.candidates import max_duration
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases
    from stuurploeg.domain.weeks import IsoWeek
    from tests.gui.factories import make_capacity, make_cases

    cases = [c for c in make_cases(SMALL * 2, seed=3) if c.status.is_candidate][:SMALL]
    capacity, start = make_capacity(), IsoWeek(2026, 40)
    ranking = rank_cases(cases, STANDARD_PROFILE)
    grid = build_grid(capacity, start, 26, extra_weeks=max_duration(cases) - 1)
    cands = prepare_candidates({c.case_id: c for c in cases}, ranking, grid)

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    bare = best(lambda: rank_plan(grid, cands))
    whole = best(lambda: make_plan(cases, capacity, start=start, weeks=26))
    result = make_plan(cases, capacity, start=start, weeks=26)
    fragile = sum(e.fragile for e in result.ranking.entries)
    print(f"rank plan with fragility, {len(cases):,} candidates (make_plan, best of "
          f"{REPEATS}): {whole * 1000:.0f} ms (target < 1000 ms); one bare greedy pass "
          f"{bare * 1000:.0f} ms, ratio {whole / bare:.1f}x; {len(result.assignments)} planned, "
          f"{fragile} fragile  [{_load()}]")


# -- 3. the window -------------------------------------------------------------------------
class Heartbeat:
    """Beats every 2 ms on the GUI thread; the longest gap is the longest stall."""

    INTERVAL_MS = 2

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.worst = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def measure(self, action, settle, quiet: float = 0.15) -> float:  # type: ignore[no-untyped-def]
        """Run ``action`` (from a beat, as an event would), then the event loop until
        ``settle()`` holds and ``quiet`` seconds more have passed; the longest gap in ms."""
        from PySide6.QtCore import QCoreApplication, QTimer

        app = QCoreApplication.instance()
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()
        QTimer.singleShot(0, action)
        end = time.perf_counter() + 120.0
        quiet_since = None
        while time.perf_counter() < end:
            app.processEvents()
            if settle():
                quiet_since = quiet_since or time.perf_counter()
                if time.perf_counter() - quiet_since > quiet:
                    break
            else:
                quiet_since = None
            time.sleep(0.0005)
        else:
            raise RuntimeError("the window did not settle")
        self.timer.stop()
        return max(self.worst - self.INTERVAL_MS / 1000, 0.0) * 1000


def _bare_reset_ms(rows: int, size: tuple[int, int], cells: list[list[str]] | None = None,
                   widths: list[int] | None = None) -> float:
    from benchmarks.bench_gui import _bare_reset_ms as bare
    from stuurploeg.gui.ranking.columns import COLUMN_COUNT

    return statistics.median(bare(rows, COLUMN_COUNT, size, cells, widths))


def _shown_texts(table, model) -> tuple[list[list[str]], list[int]]:  # type: ignore[no-untyped-def]
    """The Ranglijst's display texts, row by row in view order, and its column widths."""
    columns = model.columnCount()
    cells = [[str(model.index(r, c).data() or "") for c in range(columns)]
             for r in range(model.rowCount())]  # fmt: skip
    return cells, [table.columnWidth(c) for c in range(columns)]


def _workspace(folder: Path, n: int) -> tuple[Path, Path]:
    from benchmarks.bench_gui import make_case_list
    from stuurploeg.app.workspace import create_workspace
    from stuurploeg.app.workspace_import import import_files
    from stuurploeg.gui.paths import sample_files

    cases_file = folder / f"zakenlijst_{n}.xlsx"
    make_case_list(cases_file, n)
    path = folder / f"bench_{n}.stuurploeg"
    ws = create_workspace(path)
    try:
        import_files(ws, cases_path=cases_file, capacity_path=sample_files()[1])
    finally:
        ws.close()
    return cases_file, path


def bench_window(folder: Path, n: int, full: bool) -> None:
    from PySide6.QtCore import QThreadPool

    from stuurploeg.app.importing import check_file
    from stuurploeg.gui.application import build_application
    from stuurploeg.gui.main_window import MainWindow

    app = build_application()
    t0 = time.perf_counter()
    cases_file, path = _workspace(folder, n)
    made = time.perf_counter() - t0
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    controller = window.controller
    beat = Heartbeat()

    def idle() -> bool:
        return controller.proposal is not None and not controller.planning

    window.start(path)
    beat.measure(lambda: None, lambda: controller.ranking is not None and idle())
    table, model = window.ranking_view.table, window.ranking_view.model
    slider = window.weights_panel.sliders[next(iter(window.weights_panel.sliders))]
    latencies: list[float] = []
    stalls: dict[str, list[float]] = {}

    def move(value: int) -> None:
        t0 = time.perf_counter()
        slider.setValue(value)
        table.viewport().repaint()
        latencies.append((time.perf_counter() - t0) * 1000)

    def now() -> bool:
        return True

    # "own": the interaction and the signals it sets off, before the re-plan it starts
    # (250 ms later) comes back; "with its re-plan": until the new plan is shown.
    own, replan = "", " (until its re-plan is shown)"
    for i in range(REPEATS):
        for settle, label, quiet in ((now, own, 0.08), (idle, replan, 0.15)):
            value = (slider.value() + 13 + i) % (slider.maximum() + 1)
            stalls.setdefault("weight change" + label, []).append(
                beat.measure(lambda v=value: move(v), settle, quiet)
            )
            beat.measure(lambda: None, idle)
    if full:
        for i in range(REPEATS):
            case_id = model.case_id_at(10 + i)
            stalls.setdefault("selecting a case", []).append(
                beat.measure(lambda c=case_id: table.select_case(c),
                             lambda c=case_id: controller.selected_case_id == c)
            )
            stalls.setdefault("opening a case (Enter: the decision form)", []).append(
                beat.measure(lambda c=case_id: window.decide(c), now)
            )
        for i in range(REPEATS):
            settle, label, quiet = (now, own, 0.08) if i % 2 else (idle, replan, 0.15)
            stalls.setdefault("undo of a weight change" + label, []).append(
                beat.measure(window.undo_stack.undo, settle, quiet)
            )
            beat.measure(lambda: None, idle)
            stalls.setdefault("redo of a weight change" + label, []).append(
                beat.measure(window.undo_stack.redo, settle, quiet)
            )
            beat.measure(lambda: None, idle)
        report = check_file(cases_file, "cases")
        merged: list[object] = []
        controller.merged.connect(merged.append)
        for i in range(2):
            stalls.setdefault("the merge after an import (until its re-plan is shown)", []).append(
                beat.measure(lambda: controller.import_report(report),
                             lambda k=i: len(merged) > k and idle())
            )
        # A list that differs from the one shown (5% more cases, then the first list
        # again): the cases are compared, ranked and laid out anew, the proposal outdated.
        from benchmarks.bench_gui import make_case_list

        changed_file = folder / f"zakenlijst_{n}_meer.xlsx"
        make_case_list(changed_file, n + n // 20)
        reports = (check_file(changed_file, "cases"), report)
        for i in range(4):
            label = "the merge of a changed list after an import (until its re-plan is shown)"
            stalls.setdefault(label, []).append(
                beat.measure(lambda r=reports[i % 2]: controller.import_report(r),
                             lambda k=i + 2: len(merged) > k and idle())
            )
    own_reset = []
    for _ in range(REPEATS * 2):
        app.processEvents()
        t0 = time.perf_counter()
        model.beginResetModel()
        model.endResetModel()
        table.viewport().repaint()
        own_reset.append((time.perf_counter() - t0) * 1000)
    size = (table.viewport().width(), table.viewport().height())
    cells, widths = _shown_texts(table, model)
    window.close()
    QThreadPool.globalInstance().waitForDone(60_000)
    app.processEvents()
    window.deleteLater()
    app.processEvents()
    bare = _bare_reset_ms(n, size)
    bare_same = _bare_reset_ms(n, size, cells, widths)
    same = statistics.median(own_reset)
    move_ms = statistics.median(latencies)
    print(f"window on {n:,} cases (workspace made through the app layer in {made:.1f} s)  "
          f"[{_load()}]")
    target = "<= 2x" if n <= SMALL else "<= 100 ms"
    print(f"  weight change, slider to repainted Ranglijst: median {move_ms:.1f} ms "
          f"(max {max(latencies):.1f}, {len(latencies)} moves; target {target})")
    print(f"    baselines: bare QAbstractTableModel reset + repaint of a same-size QTableView "
          f"{bare:.1f} ms, ratio {move_ms / bare:.1f}x; the same with the Ranglijst's texts "
          f"and column widths {bare_same:.1f} ms, ratio {move_ms / bare_same:.1f}x; the "
          f"Ranglijst's own model reset + repaint {same:.1f} ms, ratio {move_ms / same:.1f}x")
    for what, values in stalls.items():
        print(f"  longest GUI-thread stall, {what}: median {statistics.median(values):.0f} ms, "
              f"max {max(values):.0f} ms; ratio (median) to the bare reset "
              f"{statistics.median(values) / bare:.1f}x, to the Ranglijst's own reset "
              f"{statistics.median(values) / same:.1f}x"
              + (" (target <= 50 ms)" if n <= SMALL else ""))


# -- 4. start-up ---------------------------------------------------------------------------
_RANKED = """
import os, sys, time
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
w.start(None)
# as run_app: the start-up safety checks (openpyxl) after the workspace open has begun
from PySide6.QtCore import QTimer
from stuurploeg.gui.application import _refuse_unsafe_install
QTimer.singleShot(0, lambda: _refuse_unsafe_install(w))
while w.ranking_view.model.rowCount() == 0:
    app.processEvents()
    time.sleep(0.001)
w.ranking_view.table.viewport().repaint()
print("ranked", flush=True)
os._exit(0)
"""


def _ranked_times(settings: str, *, bytecode: bool = True) -> tuple[float, float]:
    from benchmarks.bench_gui import child_env

    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _RANKED, settings], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True,
                            env=child_env(bytecode=bytecode))  # fmt: skip
    assert proc.stdout is not None
    shown = proc.stdout.readline()
    t_shown = time.perf_counter() - t0
    ranked = proc.stdout.readline()
    t_ranked = time.perf_counter() - t0
    proc.wait()
    if shown.strip() != "shown" or ranked.strip() != "ranked":
        raise RuntimeError(f"child did not show the sample ranking: {shown!r} {ranked!r}")
    return t_shown, t_ranked


def bench_startup(folder: Path) -> None:
    from benchmarks.bench_gui import _BARE, _start_time, _target

    settings = str(folder / "startup-settings")
    os.environ["STUURPLOEG_DATA_DIR"] = str(folder / "startup-data")
    # With the bytecode cache an installed app has (see ``bench_gui.child_env``); where
    # this environment compiles every module at every start, that figure too.
    compiled = [True, False] if os.environ.get("PYTHONDONTWRITEBYTECODE") else [True]
    for bytecode in compiled:
        _ranked_times(settings, bytecode=bytecode)  # makes the sample workspace, warms caches
        _start_time(_BARE, bytecode=bytecode)
        bare_runs, runs = [], []
        for _ in range(REPEATS):  # alternately, so a change of load hits both alike
            bare_runs.append(_start_time(_BARE, bytecode=bytecode)[0])
            runs.append(_ranked_times(settings, bytecode=bytecode))
        bare = statistics.median(bare_runs)
        shown = statistics.median(r[0] for r in runs)
        ranked = statistics.median(r[1] for r in runs)
        how = "bytecode cached, as installed" if bytecode else "no bytecode cache"
        print(f"start-up ({how}): bare PySide6 window {bare:.3f} s; Stuurploeg window shown "
              f"{shown:.3f} s, ratio {shown / bare:.2f}x ({_target(bytecode, 2)}); sample ranking "
              f"on screen {ranked:.3f} s, ratio {ranked / bare:.2f}x ({_target(bytecode, 3)})  "
              f"[{_load()}]")


def _compiled_bytecode(root: Path) -> None:
    """Load Stuurploeg's modules from compiled bytecode from now on, as an installed app
    does (the bundle ships ``.pyc`` files, pip writes them): where
    ``PYTHONDONTWRITEBYTECODE`` is set, the first case opened would otherwise be charged
    for compiling the decision form's source. Same cache as the start-up children's."""
    import compileall

    from benchmarks.bench_gui import _bytecode_folder

    sys.dont_write_bytecode = False
    sys.pycache_prefix = _bytecode_folder()
    compileall.compile_dir(root / "stuurploeg", quiet=1)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    with tempfile.TemporaryDirectory(prefix="stuurploeg-scale-") as tmp:
        folder = Path(tmp)
        from stuurploeg.gui.settings import use_settings_folder

        use_settings_folder(folder / "settings")
        os.environ["STUURPLOEG_DATA_DIR"] = str(folder / "data")
        which = set(os.environ.get("STUURPLOEG_BENCH_SCALE", "plan fragility window startup")
                    .split())  # fmt: skip
        if "fragility" in which:
            bench_fragility()
        if "window" in which:
            _compiled_bytecode(Path(root))
            # STUURPLOEG_BENCH_SCALE_SIZES="2000" runs the window part on one size only
            # (a short run while working on the 2,000-case target).
            sizes = os.environ.get("STUURPLOEG_BENCH_SCALE_SIZES", f"{SMALL} {BIG}").split()
            for n in map(int, sizes):
                bench_window(folder, n, full=n <= SMALL)
        if "startup" in which:
            bench_startup(folder)
        if "plan" in which:
            bench_rank_plan(folder)


if __name__ == "__main__":
    main()
