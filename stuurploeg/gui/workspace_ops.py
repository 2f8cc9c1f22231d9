"""Workspace flows of the window: open, create, the sample workspace, merge, export.

Each calls ``stuurploeg.app.workspace`` / ``app.export`` (in a worker where it can take a
while) and hands the result to the session. Errors from the store carry a Dutch message
(``str(exc)``) that is shown as it is.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from stuurploeg.domain.progress import TaskState
from stuurploeg.gui.application import data_folder
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.workers import start_job

if TYPE_CHECKING:
    from stuurploeg.gui.main_window import MainWindow

log = logging.getLogger("stuurploeg")
translate = QCoreApplication.translate
SAMPLE_NAME = "voorbeeld.stuurploeg"
QtWA_DeleteOnClose = Qt.WidgetAttribute.WA_DeleteOnClose


def sample_workspace_path() -> Path:
    return data_folder() / SAMPLE_NAME


def show_error(parent: QWidget, text: str) -> QMessageBox:
    """A non-blocking Dutch message (never exec(): tests and the event loop keep going)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Workspace", "Stuurploeg"), text,
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setAttribute(QtWA_DeleteOnClose, True)
    box.open()
    parent.last_message_box = box  # type: ignore[attr-defined]
    return box


def _open_job(path: Path, sample: tuple[Path, Path] | None, state: TaskState) -> Any:
    from stuurploeg.app.workspace import create_workspace, import_files, open_workspace

    if sample is None:
        return open_workspace(path)
    state.report(0.1, translate("Workspace", "Making the sample workspace…"))
    path.parent.mkdir(parents=True, exist_ok=True)
    ws = create_workspace(path)
    try:
        import_files(ws, cases_path=sample[0], capacity_path=sample[1], state=state)
    except BaseException:
        ws.close()
        raise
    return ws


def open_path(window: MainWindow, path: Path, *, sample: tuple[Path, Path] | None = None) -> None:
    """Open (or, with ``sample``, create from the sample workbooks) and show a workspace."""
    window.show_message(translate("Workspace", "Opening %1…").replace("%1", str(path)))

    def done(ws: Any) -> None:
        attach(window, ws)

    def failed(exc: BaseException) -> None:
        window.show_message("")
        show_error(window, user_message(exc))

    window.loading_job = start_job(
        lambda state: _open_job(path, sample, state), on_result=done, on_error=failed, parent=window
    )


def attach(window: MainWindow, ws: Any) -> None:
    """Show ``ws`` in the window; the previous workspace (if any) is closed."""
    close(window)
    window.session.attach_workspace(ws)
    window.settings.add_recent_workspace(Path(ws.path))
    window.setWindowTitle(
        translate("Workspace", "%1 — Stuurploeg").replace("%1", Path(ws.path).stem)
    )
    window.files.update_enabled(has_workspace=True)
    window.show_message(
        translate("Workspace", "%1 cases in %2.")
        .replace("%1", str(len(window.session.cases)))
        .replace("%2", Path(ws.path).name)
    )
    for warning in getattr(ws, "warnings", []) or []:
        show_error(window, warning)


def close(window: MainWindow) -> None:
    ws = window.session.workspace
    if ws is not None:
        window.session.detach_workspace()
        try:
            ws.close()
        except Exception:  # closing must never stop the window from closing
            log.exception("Werkruimte sluiten mislukt")
    window.files.update_enabled(has_workspace=False)


def choose_and_open(window: MainWindow) -> None:
    dialog = QFileDialog(window, translate("Workspace", "Open workspace"))
    dialog.setNameFilter(translate("Workspace", "Workspaces (*.stuurploeg)"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda p: open_path(window, Path(p)))
    window.file_dialog = dialog
    dialog.open()


def create_path(window: MainWindow, path: Path) -> None:
    from stuurploeg.app.workspace import SUFFIX, create_workspace

    if path.suffix != SUFFIX:
        path = path.with_suffix(SUFFIX)
    try:
        ws = create_workspace(path)
    except Exception as exc:
        show_error(window, user_message(exc))
        return
    attach(window, ws)


def choose_and_create(window: MainWindow) -> None:
    dialog = QFileDialog(window, translate("Workspace", "New workspace"))
    dialog.setNameFilter(translate("Workspace", "Workspaces (*.stuurploeg)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("stuurploeg")
    dialog.fileSelected.connect(lambda p: create_path(window, Path(p)))
    window.file_dialog = dialog
    dialog.open()


def merge_report(window: MainWindow, report: Any, skip_bad_rows: bool) -> None:
    """Merge an accepted import (read with the user's mapping) into the open workspace."""
    from stuurploeg.app.workspace import import_checked

    ws = window.session.workspace
    path = Path(report.file)
    kind = "capacity" if report.kind == "capacity" else "cases"
    try:
        result = import_checked(ws, **{kind: report}, skip_bad_rows=skip_bad_rows)
    except Exception as exc:
        show_error(window, user_message(exc))
        return
    merged = result.capacity if kind == "capacity" else result.cases
    window.session.reload_from_workspace()
    text = (
        translate("Workspace", "Imported %1: %2 new, %3 changed, %4 gone.")
        .replace("%1", path.name)
        .replace("%2", str(len(merged.new)))
        .replace("%3", str(len(merged.changed_keys)))
        .replace("%4", str(len(merged.gone)))
    )
    if skip_bad_rows and report.errors:
        text += " " + translate("Workspace", "%1 rows with errors were skipped.").replace(
            "%1", str(len(report.errors))
        )
    window.show_message(text)
    window.last_merge = merged
    box = QMessageBox(QMessageBox.Icon.Information, translate("Workspace", "Import merged"), text,
                      QMessageBox.StandardButton.Close, window)  # fmt: skip
    box.setDetailedText(merge_details(merged))
    box.setAttribute(QtWA_DeleteOnClose, True)
    window.merge_box = box
    box.open()


def merge_details(merged: Any) -> str:
    """New, changed (field by field) and gone rows, for the merge report's details."""
    lines = []
    if merged.new:
        lines.append(translate("Workspace", "New: %1").replace("%1", ", ".join(merged.new)))
    for change in merged.changed:
        lines.append(
            translate("Workspace", "Changed %1, %2: %3 → %4")
            .replace("%1", str(change.key))
            .replace("%2", str(change.field))
            .replace("%3", "" if change.old is None else str(change.old))
            .replace("%4", "" if change.new is None else str(change.new))
        )
    if merged.gone:
        lines.append(
            translate("Workspace", "Gone (kept, with their decisions): %1").replace(
                "%1", ", ".join(merged.gone)
            )
        )
    return "\n".join(lines) or translate("Workspace", "Nothing changed.")


def export(window: MainWindow, meeting: date | None = None) -> None:
    """Ask where, write the besluitenlijst in a worker, then offer to open the folder."""
    dialog = QFileDialog(window, translate("Workspace", "Export decision list"))
    dialog.setNameFilter(translate("Workspace", "Excel workbooks (*.xlsx)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("xlsx")
    day = meeting or date.today()
    dialog.selectFile(f"besluitenlijst-{day.isoformat()}.xlsx")
    dialog.fileSelected.connect(lambda p: export_to(window, Path(p), meeting))
    window.file_dialog = dialog
    dialog.open()


def export_to(window: MainWindow, out: Path, meeting: date | None = None) -> Any:
    from stuurploeg.app.export import export_decision_log

    ws = window.session.workspace
    window.show_message(translate("Workspace", "Exporting…"))

    def done(result: Any) -> None:
        window.show_message(
            translate("Workspace", "Decision list written to %1.").replace("%1", str(result.path))
        )
        box = QMessageBox(QMessageBox.Icon.Information, translate("Workspace", "Export ready"),
                          translate("Workspace", "The decision list has been written to %1.")
                          .replace("%1", str(result.path)), QMessageBox.StandardButton.Close,
                          window)  # fmt: skip
        folder = box.addButton(
            translate("Workspace", "Open folder"), QMessageBox.ButtonRole.ActionRole
        )
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent)))
        )
        box.setAttribute(QtWA_DeleteOnClose, True)
        window.export_box = box
        box.open()

    def failed(exc: BaseException) -> None:
        window.show_message("")
        show_error(window, user_message(exc))

    job = start_job(
        lambda state: export_decision_log(ws, out, meeting, state=state),
        on_result=done, on_error=failed,
        on_progress=lambda f, m: window.show_message(m or translate("Workspace", "Exporting…")),
        parent=window,
    )  # fmt: skip
    window.export_job = job
    return job
