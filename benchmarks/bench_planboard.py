"""Planbord at scale: 300 candidates on 5 teams with room for nearly all of them, a
52-week plan, in real widgets.

Baselines in the same run:
- drawing: a bare pyqtgraph PlotWidget holding one ``BarGraphItem`` with as many bars as the
  Gantt has (the cheapest way pyqtgraph draws that many rectangles), rendered (``grab``) at
  the same size. The Gantt and the load map are timed the same way: a full refresh from the
  controller's state plus a render, and a pan (view moved, rendered again);
- a drag: the rank-order plan (``make_plan``), which the GUI already makes on every change;
  one check of a what-if placement (what each step of a drag asks) and one accepted
  placement are timed against it.
Printed with their ratios, and how many graphics items each plot holds (few, whatever the
number of cases).
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.instances import unit_instance
from benchmarks.timing import best_of

N_CANDIDATES = 300
WEEKS = 52
SIZE = (1400, 700)



def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6.QtCore import QThreadPool
    from PySide6.QtGui import QUndoStack

    from stuurploeg.app.planning import make_plan
    from stuurploeg.app.workspace import create_workspace
    from stuurploeg.gui.application import build_application
    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.controller.placement import PlacementController
    from stuurploeg.gui.planboard.panel import PlanboardPanel
    from stuurploeg.gui.settings import Settings, use_settings_folder
    from stuurploeg.store.cases_repo import ImportSource

    cases, capacity = unit_instance(seed=11, n_candidates=N_CANDIDATES)
    # Four times the unit's staff, so that (nearly) every candidate gets a bar.
    capacity = replace(capacity, teams=tuple(replace(t, staffed_fte=t.staffed_fte * 4)
                                             for t in capacity.teams))  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="stuurploeg-bench-") as tmp:
        folder = Path(tmp)
        use_settings_folder(folder / "settings")
        os.environ["STUURPLOEG_DATA_DIR"] = str(folder / "data")
        app = build_application()
        path = folder / "planbord.stuurploeg"
        with create_workspace(path) as ws:
            ws.merge(cases=cases, cases_source=ImportSource("cases", "bench.xlsx", "ab" * 32,
                                                            len(cases)),
                     capacity=capacity,
                     capacity_source=ImportSource("capacity", "bench.xlsx", "cd" * 32,
                                                  len(capacity.teams)))  # fmt: skip
        controller = WorkspaceController(Settings())
        placement = PlacementController(controller)
        undo = QUndoStack()
        panel = PlanboardPanel(placement, undo)
        panel.resize(*SIZE)
        panel.show()

        def wait(condition, what: str, timeout: float = 300.0) -> None:
            end = time.monotonic() + timeout
            while not condition():
                app.processEvents()
                if time.monotonic() > end:
                    raise SystemExit(f"timed out waiting for {what}")
                time.sleep(0.01)

        controller.open(path)
        wait(lambda: controller.proposal is not None, "the first plan")
        controller.plan("rank", weeks=WEEKS)
        wait(lambda: controller.proposal is not None and controller.proposal.result.weeks == WEEKS
             and not controller.planning, "the 52-week plan")  # fmt: skip
        QThreadPool.globalInstance().waitForDone(60_000)
        app.processEvents()
        plan = controller.proposal.result
        gantt, load_map = panel.gantt, panel.load_map
        assert gantt is not None and load_map is not None
        n_bars = len(gantt.bars)
        print(f"{N_CANDIDATES} kandidaten, {len(plan.teams)} teams, {WEEKS} weken; "
              f"{len(plan.assignments)} ingepland, {n_bars} balken (met lopende zaken)")

        bare = pg.PlotWidget()
        bare.resize(*SIZE)
        bare.show()
        item = gantt.item
        bars = pg.BarGraphItem(x0=item.x0, x1=item.x1, y0=item.y0, y1=item.y0 + 0.8,
                               brush=(52, 152, 219))  # fmt: skip
        bare.addItem(bars)
        bare.setXRange(0, WEEKS)
        bare.setYRange(0, 30)

        def bare_refresh() -> None:
            bars.setOpts(x0=item.x0, x1=item.x1, y0=item.y0, y1=item.y0 + 0.8)
            bare.grab()

        def pan(widget) -> None:
            view = widget.getPlotItem().getViewBox()
            view.translateBy(x=1.0)
            widget.grab()
            view.translateBy(x=-1.0)

        panel.tabs.setCurrentWidget(gantt)
        app.processEvents()
        t_bare, t_gantt, t_bare_pan, t_gantt_pan = best_of(
            bare_refresh, lambda: (gantt.refresh(), gantt.grab()),
            lambda: pan(bare), lambda: pan(gantt.plot),
        )  # fmt: skip
        panel.tabs.setCurrentWidget(load_map)
        app.processEvents()
        t_load, t_load_pan = best_of(lambda: (load_map.refresh(), load_map.grab()),
                                   lambda: pan(load_map.plot))  # fmt: skip
        print(f"baseline: kale PlotWidget met één BarGraphItem van {n_bars} balken, "
              f"verversen + tekenen: {t_bare * 1000:.1f} ms; "
              f"verschuiven: {t_bare_pan * 1000:.1f} ms")
        print(f"Gantt verversen + tekenen: {t_gantt * 1000:.1f} ms, ratio {t_gantt / t_bare:.2f}")
        print(f"Gantt verschuiven: {t_gantt_pan * 1000:.1f} ms, "
              f"ratio {t_gantt_pan / t_bare_pan:.2f}")
        print(f"belastingkaart verversen + tekenen: {t_load * 1000:.1f} ms, "
              f"ratio {t_load / t_bare:.2f}")
        print(f"belastingkaart verschuiven: {t_load_pan * 1000:.1f} ms, "
              f"ratio {t_load_pan / t_bare_pan:.2f}")
        print(f"grafische items: Gantt {len(gantt.plot.scene().items())}, belastingkaart "
              f"{len(load_map.plot.scene().items())}, kale PlotWidget "
              f"{len(bare.scene().items())}")

        a = plan.assignments[len(plan.assignments) // 2]
        t0 = time.perf_counter()
        placement.check(a.case_id, a.team, a.start_week)  # the context, once per plan
        t_context = time.perf_counter() - t0

        def place_and_undo() -> None:
            try:
                placement.place(a.case_id, a.team, a.start_week)
            finally:
                placement.clear()

        t_rank, t_check, t_place = best_of(
            lambda: make_plan(controller.cases, capacity, start=plan.start, weeks=WEEKS),
            lambda: placement.check(a.case_id, plan.teams[0], a.start_week + 1),
            place_and_undo,
        )
        print(f"baseline make_plan (rangorde, {WEEKS} weken): {t_rank * 1000:.1f} ms")
        print(f"wat-als context (eenmaal per plan): {t_context * 1000:.1f} ms, "
              f"ratio {t_context / t_rank:.3f}")
        print(f"wat-als controleren (per sleepstap): {t_check * 1000:.2f} ms, "
              f"ratio {t_check / t_rank:.4f}")
        print(f"wat-als plaatsen + terug (met hertekenen): {t_place * 1000:.1f} ms, "
              f"ratio {t_place / t_rank:.3f}")
        bare.close()
        panel.close()
        controller.close()
        QThreadPool.globalInstance().waitForDone(60_000)


if __name__ == "__main__":
    main()
