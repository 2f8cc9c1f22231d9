"""`make screenshots`: render the main views offscreen with the sample data.

    python -m stuurploeg.gui.screenshots docs/screenshots

Settings and the sample workspace go to a temporary folder: the user's own are untouched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from stuurploeg.domain.model import Criterion
from stuurploeg.gui.application import build_application
from stuurploeg.gui.main_window import MainWindow
from stuurploeg.gui.paths import sample_files
from stuurploeg.gui.screenshots_manual import render_manual
from stuurploeg.gui.settings import use_settings_folder

SIZE = (1500, 900)


def _wait(app: QApplication, until: Callable[[], bool], seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.02)
    return False


def _save(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path}")


def render(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="stuurploeg-shots-"))
    os.environ["STUURPLOEG_DATA_DIR"] = str(scratch / "data")
    use_settings_folder(scratch / "settings")
    app = build_application([sys.argv[0]])
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.start(None)
    controller = window.controller
    if not _wait(app, lambda: bool(controller.cases)):
        print("no sample data could be loaded; rendering the empty window", file=sys.stderr)
    _wait(app, lambda: controller.proposal is not None, 15)
    QThreadPool.globalInstance().waitForDone(15_000)
    app.processEvents()
    ranking = controller.ranking
    if ranking is not None and len(ranking.entries) > 1:
        window.ranking_view.table.select_case(ranking.entries[1].case_id)
    _save(window, folder, "hoofdvenster")
    _save(window.ranking_view, folder, "ranglijst")
    for name, dock in (("weging", "weights"), ("capaciteit", "capacity")):
        _save(window.docks[dock], folder, name)
    # Whole panels, also the parts a small dock scrolls away.
    detail = window.detail_panel.findChild(QScrollArea).widget()
    detail.resize(460, detail.sizeHint().height())
    _save(detail, folder, "zaakdetail")
    window.docks["decisions"].raise_()
    window.decisions_panel.by.setText("mensenhandelofficier")
    window.decisions_panel.resize(460, window.decisions_panel.sizeHint().height())
    _save(window.decisions_panel, folder, "besluiten")
    window.docks["detail"].raise_()
    _planboard(app, window, folder)

    if controller.capacity is not None:
        dialog = window.open_plan_dialog()
        dialog.planner.setCurrentIndex(dialog.planner.findData("fill"))
        dialog.time_limit.setValue(5)
        dialog.run()
        job = dialog.job
        if job is not None:
            _wait(app, lambda: job.done, 30)
        _save(dialog, folder, "planning_maken")
        dialog.close()

    _scenario_comparison(app, window, folder)

    wizard = window.import_workbook(sample_files()[0])
    wizard.next()
    _wait(app, wizard.sheet_page.isComplete, 30)
    _save(wizard, folder, "import_blad")
    wizard.next()
    _save(wizard, folder, "import_kolommen")
    wizard.next()
    _wait(app, wizard.report_page.isComplete, 30)
    _save(wizard, folder, "import_controle")
    wizard.reject()

    _outdated_proposal(app, window, folder)
    render_manual(window, folder, scratch)  # last: it records decisions and imports
    controller.close()  # first: a window with drafts asks before it closes
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    # The meeting layout on a projector: QT_SCALE_FACTOR must be set before the
    # QApplication exists, so each size is rendered by a process of its own.
    for name, (width, height), scale in MEETING_SHOTS:
        env = {**os.environ, "QT_SCALE_FACTOR": scale}
        subprocess.run(
            [sys.executable, "-m", "stuurploeg.gui.screenshots", "--meeting", name,
             str(width), str(height), str(folder)], env=env, check=True,
        )  # fmt: skip
    return 0


# (file name, window size in device pixels, QT_SCALE_FACTOR)
MEETING_SHOTS = (
    ("vergadermodus", (1280, 720), "1.5"),
    ("vergadermodus_1920x1080", (1920, 1080), "1"),
)


def render_meeting(folder: Path, name: str, width: int, height: int) -> int:
    """The meeting layout with three decisions recorded, ``width``×``height`` device pixels."""
    scratch = Path(tempfile.mkdtemp(prefix="stuurploeg-shots-"))
    os.environ["STUURPLOEG_DATA_DIR"] = str(scratch / "data")
    use_settings_folder(scratch / "settings")
    app = build_application([sys.argv[0]])
    window = MainWindow()
    window.show()
    window.start(None)
    window.set_meeting_mode(True)
    # Sized once the preparation layout's docks are gone (they need a wider window).
    ratio = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    logical = (round(width / ratio), round(height / ratio))
    window.resize(*logical)
    _wait(app, lambda: (window.width(), window.height()) == logical, 5)
    controller = window.controller
    _wait(app, lambda: controller.proposal is not None, 30)
    QThreadPool.globalInstance().waitForDone(15_000)
    room, table = window.meeting_room, window.ranking_view.table
    room.meeting_fields.by.setText("mensenhandelofficier")
    model = window.ranking_view.model
    for row in range(min(3, model.rowCount())):
        table.select_case(model.case_id_at(row))
        room.form.record()
    _wait(app, lambda: False, 0.3)
    _save(window, folder, name)
    controller.close()  # first: a window with drafts asks before it closes
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return 0


def _planboard(app: QApplication, window: MainWindow, folder: Path) -> None:
    """Planbord: the Gantt with one what-if placement (the first planned case moved to a
    later week where it fits, as a drag would), and the load map with a cell chosen."""
    panel = window.planboard_panel
    dock = window.docks["planboard"]
    dock.raise_()
    if panel.gantt is None or panel.load_map is None:
        return
    plan = window.placement.plan
    for a in plan.assignments if plan is not None else ():
        check = window.placement.check
        fits = next((d for d in range(1, 8) if check(a.case_id, a.team, a.start_week + d).fits),
                    None)  # fmt: skip
        if fits is not None:
            window.placement.place(a.case_id, a.team, a.start_week + fits)
            window.controller.select_case(a.case_id)
            break
    dock.setFloating(True)  # its own size, whatever the window's layout leaves it
    dock.resize(1400, 640)
    panel.tabs.setCurrentWidget(panel.gantt)
    _wait(app, lambda: False, 0.3)
    _save(dock, folder, "gantt")
    panel.tabs.setCurrentWidget(panel.load_map)
    panel.load_map.choose_cell(1, 6)
    _wait(app, lambda: False, 0.3)
    _save(dock, folder, "belastingkaart")
    window.placement.clear()
    panel.tabs.setCurrentWidget(panel.gantt)
    dock.setFloating(False)


def _scenario_comparison(app: QApplication, window: MainWindow, folder: Path) -> None:
    """Scenario's: a what-if (two digital specialists for Team Haven, one case excluded)
    compared side by side with the base plan, then made the proposal."""
    from stuurploeg.gui.controller.scenario_drafts import CapacityRow, CaseRow, ScenarioDraft

    controller = window.controller
    scenarios = controller.scenarios
    base = scenarios.base
    if base is None or not controller.has_workspace:
        return
    start = str(base.result.start)
    out = base.result.assignments[0].case_id
    scenarios.save(ScenarioDraft(
        "Extra digitaal Haven",
        (CapacityRow("Team Haven", start, "", "2", "digitaal"),
         CapacityRow("Team Polder", str(base.result.start + 8), "", "-1,5")),
        (CaseRow(out, "out"),)))
    dock = window.docks["scenarios"]
    dock.raise_()
    window.show_message("")  # not the status text of the shots before
    window.resizeDocks([dock], [620], Qt.Orientation.Vertical)
    panel = window.scenario_panel
    panel.select("Extra digitaal Haven")
    unplanned = [u.case_id for u in base.result.unplanned if controller.case(u.case_id)
                 and controller.case(u.case_id).status.is_candidate]  # type: ignore[union-attr]
    if unplanned:  # the suggestions for a case that does not fit
        controller.select_case(unplanned[0])
        _wait(app, lambda: scenarios.suggestions is not None, 30)
    scenarios.time_limit = 5.0  # as the base plan above
    job = panel.compare()
    if job is not None:
        _wait(app, lambda: job.done, 120)
    _save(panel, folder, "scenariovergelijking")
    panel.tabs.setCurrentIndex(panel.EDIT_TAB)
    _save(panel, folder, "scenario_bewerken")
    panel.make_proposal()
    panel.tabs.setCurrentIndex(panel.COMPARE_TAB)
    _save(window, folder, "scenario_voorstel")
    scenarios.show_base()
    window.resizeDocks([dock], [320], Qt.Orientation.Vertical)
    window.docks["capacity"].raise_()


def _outdated_proposal(app: QApplication, window: MainWindow, folder: Path) -> None:
    """The capacity dock after a weight change: the proposal of the planner chosen in Plan
    maken stays, marked outdated, with the button that makes it again."""
    controller = window.controller
    if controller.profile is None or controller.proposal is None:
        return
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    _wait(app, lambda: not controller.planning, 15)
    _save(window.docks["capacity"], folder, "voorstel_verouderd")
    controller.plan("rank")  # back to the default planner for the shots that follow
    _wait(app, lambda: not controller.planning and not controller.proposal.outdated, 15)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--meeting"]:
        name, width, height, folder = args[1:5]
        return render_meeting(Path(folder), name, int(width), int(height))
    return render(Path(args[0] if args else "docs/screenshots"))


if __name__ == "__main__":
    sys.exit(main())
