"""Opening data into a window: the given workspace, the last one, or the sample data.

Every step calls the app layer in a worker (:mod:`stuurploeg.gui.workers`) and hands the
result to the window's session. Layers that have not landed yet leave their step out.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from stuurploeg.domain.progress import TaskState
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.session import layer_available
from stuurploeg.gui.workers import start_job

if TYPE_CHECKING:
    from stuurploeg.gui.main_window import MainWindow

log = logging.getLogger("stuurploeg")


translate = QCoreApplication.translate


def sample_data_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "sample_data"
    return Path(__file__).resolve().parents[2] / "sample_data"


def sample_files() -> tuple[Path, Path]:
    folder = sample_data_dir()
    return folder / "zakenlijst.xlsx", folder / "capaciteit.xlsx"


def open_initial(window: MainWindow, workspace: Path | None) -> None:
    """The given workspace, else the last one, else a sample workspace (first start).

    Without the workspace layer the sample workbooks are shown straight from the import.
    """
    if layer_available("stuurploeg.app.workspace"):
        from stuurploeg.gui import workspace_ops

        if workspace is not None:
            workspace_ops.open_path(window, Path(workspace))
            return
        last = window.settings.last_workspace()
        if last is not None and last.exists():
            workspace_ops.open_path(window, last)
            return
        sample = workspace_ops.sample_workspace_path()
        if sample.exists():
            workspace_ops.open_path(window, sample)
            return
        cases_file, capacity_file = sample_files()
        if cases_file.exists() and layer_available("stuurploeg.app.importing"):
            workspace_ops.open_path(window, sample, sample=(cases_file, capacity_file))
        return
    if not layer_available("stuurploeg.app.importing"):
        window.show_message(
            translate("Startup", "No data loaded: the import module is not installed.")
        )
        return
    cases_file, capacity_file = sample_files()
    if not cases_file.exists():
        window.show_message(
            translate("Startup", "No sample data found in %1.").replace(
                "%1", str(cases_file.parent)
            )
        )
        return
    load_sample(window, cases_file, capacity_file)


def _check_both(cases_file: Path, capacity_file: Path, state: TaskState) -> tuple[Any, Any]:
    from stuurploeg.app.importing import check_file

    state.report(0.0, translate("Startup", "Reading the case list…"))
    cases = check_file(cases_file, "cases", state=state)
    state.report(0.5, translate("Startup", "Reading the capacity sheet…"))
    capacity = (
        check_file(capacity_file, "capacity", state=state) if capacity_file.exists() else None
    )
    state.report(1.0, "")
    return cases, capacity


def load_sample(window: MainWindow, cases_file: Path, capacity_file: Path) -> None:
    """Without a workspace layer: show the sample workbooks' cases straight from the import."""
    window.show_message(translate("Startup", "Loading sample data…"))

    def done(result: tuple[Any, Any]) -> None:
        cases_report, capacity_report = result
        if not cases_report.usable or not cases_report.cases:
            window.show_message(
                translate("Startup", "The sample case list could not be read: %1 errors.").replace(
                    "%1", str(len(cases_report.errors))
                )
            )
            return
        capacity = capacity_report.capacity if capacity_report and capacity_report.usable else None
        window.session.set_cases(cases_report.cases, capacity, source=cases_file)
        window.show_message(
            translate("Startup", "%1 cases loaded from %2.")
            .replace("%1", str(len(cases_report.cases)))
            .replace("%2", cases_file.name)
        )

    def failed(exc: BaseException) -> None:
        window.show_message(
            translate("Startup", "Loading the sample data failed: %1").replace(
                "%1", user_message(exc)
            )
        )

    window.loading_job = start_job(
        lambda state: _check_both(cases_file, capacity_file, state),
        on_result=done,
        on_error=failed,
        parent=window,
    )


def start_import(window: MainWindow, path: Path | None) -> None:
    """Open the import wizard (for ``path`` when given, e.g. a dropped workbook)."""
    from stuurploeg.gui.import_wizard import ImportWizard

    wizard = ImportWizard(window.session, window.settings, window, path=path)
    wizard.imported.connect(lambda report, skip: apply_import(window, report, skip))
    wizard.finished.connect(wizard.deleteLater)
    window.import_wizard = wizard
    wizard.open()  # window-modal, never exec(): tests and the event loop keep running


def apply_import(window: MainWindow, report: Any, skip_bad_rows: bool) -> None:
    """Take an accepted import into the open workspace, or into the window without one."""
    if window.session.workspace is not None:
        from stuurploeg.gui import workspace_ops

        workspace_ops.merge_report(window, report, skip_bad_rows)
        return
    path = Path(report.file)
    if report.kind == "capacity" and report.capacity is not None:
        window.session.set_capacity(report.capacity)
        window.show_message(
            translate("Startup", "Capacity of %1 teams imported from %2.")
            .replace("%1", str(len(report.capacity.teams)))
            .replace("%2", path.name)
        )
    elif report.cases:
        window.session.set_cases(report.cases, source=path)
        window.show_message(
            translate("Startup", "%1 cases loaded from %2.")
            .replace("%1", str(len(report.cases)))
            .replace("%2", path.name)
        )


def close_workspace(window: MainWindow) -> None:
    job = getattr(window, "loading_job", None)
    if job is not None and job.running:
        job.cancel()
    if window.session.workspace is not None:
        from stuurploeg.gui import workspace_ops

        workspace_ops.close(window)
