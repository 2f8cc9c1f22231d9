"""The screenshots of the user manual (docs/handleiding.md) beyond the main views.

Called by :mod:`stuurploeg.gui.screenshots` after its own shots, on the same window and
the same temporary sample workspace: the first import page, an import with problems and
its merge report, each kind of decision form, the decision list with drafts, the
vaststellen question, a correction, the export notice, Positie aanpassen, the Over-dialog
and the message shown when a workspace is open elsewhere. It records decisions and
imports a changed case list into that temporary workspace, so it runs last.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from stuurploeg.domain.model import DecisionKind
from stuurploeg.gui.main_window import MainWindow
from stuurploeg.gui.paths import sample_files

# The form of the decisions panel for each kind the manual shows beyond the pre-filled
# take-up of besluiten.png: (file name, kind, what the officer typed).
_KIND_SHOTS = (
    ("besluit_doorrechercheren", DecisionKind.EXPAND, "Nieuwe verdachten in beeld; 6 weken."),
    ("besluit_parkeren", DecisionKind.PARK, "Wachten op de uitslag van het rechtshulpverzoek."),
    ("besluit_niet_oppakken", DecisionKind.DECLINE, "Bewijskansen te klein bij deze capaciteit."),
    ("besluit_overdragen", DecisionKind.HAND_OVER, "Internationale zaak: past bij de LE."),
    ("besluit_afsluiten", DecisionKind.CLOSE, "Doelen bereikt; zaak naar het OM."),
)


def _wait(until: Callable[[], bool], seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        if until():
            return True
        time.sleep(0.02)
    return False


def _settle(seconds: float = 0.3) -> None:
    _wait(lambda: False, seconds)


def _save(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path}")


def render_manual(window: MainWindow, folder: Path, scratch: Path) -> None:
    """Render the manual's shots of ``window`` into ``folder``; ``scratch`` is the
    temporary folder the sample workspace lives in (exports and changed lists go there)."""
    controller = window.controller
    if not controller.cases or controller.ranking is None:
        print("no sample workspace: the manual's screenshots are skipped")
        return
    _import_pages(window, folder, scratch)
    _position(window, folder)
    _decisions(window, folder, scratch)
    _about(window, folder)
    _locked(window, folder, scratch)
    _changed_import(window, folder, scratch)
    QThreadPool.globalInstance().waitForDone(15_000)


def _import_pages(window: MainWindow, folder: Path, scratch: Path) -> None:
    wizard = window.import_workbook(sample_files()[0])
    _settle()
    _save(wizard, folder, "import_bestand")
    wizard.reject()


def _position(window: MainWindow, folder: Path) -> None:
    ranking = window.controller.ranking
    assert ranking is not None
    window.ranking_view.table.select_case(ranking.entries[5].case_id)
    dialog = window.change_position()
    if dialog is None:
        return
    dialog.position.setValue(2)
    dialog.motivation.setPlainText("Signaal van de Arbeidsinspectie: slachtoffers nog in beeld.")
    _settle()
    _save(dialog, folder, "positie_aanpassen")
    dialog.reject()


def _decisions(window: MainWindow, folder: Path, scratch: Path) -> None:
    controller, panel = window.controller, window.decisions_panel
    ranking = controller.ranking
    assert ranking is not None
    ids = [e.case_id for e in ranking.entries]
    window.docks["decisions"].show()
    window.docks["decisions"].raise_()
    panel.by.setText("mr. A. de Vries")

    def panel_shot(name: str) -> None:
        panel.resize(460, panel.sizeHint().height())
        _settle(0.1)
        _save(panel, folder, name)

    # One form per kind, each on a case of its own (one decision per case per meeting).
    for n, (name, kind, motivation) in enumerate(_KIND_SHOTS):
        window.ranking_view.table.select_case(ids[n + 1])
        panel.kind.setCurrentIndex(panel.kind.findData(kind.value))
        if kind is DecisionKind.EXPAND:
            panel.extra_weeks.setValue(6)
        elif kind is DecisionKind.PARK:
            panel.until_next.setChecked(True)
        elif kind is DecisionKind.HAND_OVER:
            panel.target.setCurrentIndex(panel.target.findText("Landelijke Eenheid"))
            panel.target_detail.setText("Team Mensenhandel LE")
        panel.motivation.setPlainText(motivation)
        panel_shot(name)
        if kind is not DecisionKind.CLOSE:  # kept as drafts for the list
            panel.record()
    # The pre-filled proposal, recorded as it stands (Enter, Ctrl+Enter).
    window.ranking_view.table.select_case(ids[0])
    panel.record()
    panel_shot("besluitenlijst_concept")

    panel.ask_finalise()
    box = panel.confirm_box
    if box is not None:
        _settle()
        _save(box, folder, "vaststellen")
        box.close()
    if not panel.finalise():
        return
    day = controller.meeting.day
    # A correction of a final decision goes into the next meeting (this one is closed).
    panel.list.selectRow(0)
    panel.start_correction()
    panel.day.setDate(panel.day.date().addDays(14))
    panel.kind.setCurrentIndex(panel.kind.findData(DecisionKind.PARK.value))
    panel.until_next.setChecked(True)
    panel.motivation.setPlainText("Het team kan pas na de volgende vergadering beginnen.")
    panel_shot("correctie")
    if not panel.record():
        print(f"  the correction was refused: {panel.problems.text()}")
    panel.day.setDate(panel.day.date().addDays(-14))

    out = scratch / f"besluitenlijst-{day.isoformat()}.xlsx"
    job = controller.export(out, day)
    if job is not None:
        _wait(lambda: job.done, 30)
    _wait(lambda: window.notices.export_box is not None, 10)
    if window.notices.export_box is not None:
        _settle()
        _save(window.notices.export_box, folder, "export_klaar")
        window.notices.export_box.close()
    window.docks["detail"].raise_()


def _about(window: MainWindow, folder: Path) -> None:
    dialog = window.show_about()
    _settle()
    _save(dialog, folder, "over")
    dialog.close()


def _locked(window: MainWindow, folder: Path, scratch: Path) -> None:
    """What the officer sees when the workspace is open on another laptop: its lock file
    names that computer (a copy, so the sample workspace itself stays open here)."""
    path = window.controller.path
    if path is None:
        return
    copy = scratch / "regio-kopie.stuurploeg"
    shutil.copy2(path, copy)
    lock = copy.with_name(copy.name + ".lock")
    lock.write_text('{"host": "LAPTOP-MHO-02", "pid": 4242, "since": "2026-12-02T09:12:00"}',
                    encoding="utf-8")
    if os.name != "posix":  # the other laptop's hold is imitated with flock
        return
    import fcntl

    with open(lock, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        notices = window.notices
        notices.problem_box = None
        window.controller.open(copy)
        _wait(lambda: notices.problem_box is not None, 15)
        QThreadPool.globalInstance().waitForDone(10_000)
    box = notices.problem_box
    if box is not None:
        _settle()
        _save(box, folder, "melding_geopend")
        box.close()
    _wait(lambda: window.controller.path is not None, 10)


def _changed_import(window: MainWindow, folder: Path, scratch: Path) -> None:
    """The next month's case list: one new case, one changed, one gone, and two rows the
    analyst has to fix. Shown at the check page, then merged without the bad rows."""
    changed = scratch / "zakenlijst-december.xlsx"
    wb = load_workbook(sample_files()[0])
    ws = wb["Zaken"]
    ws["Q6"] = "veel"  # Benodigde fte of MH-2025-102: not a number
    ws["K8"] = 7  # Ernst out of 1-5
    ws["K10"] = 5  # a changed score
    last = ws.max_row
    ws.delete_rows(last)  # a case that is gone from the list
    ws.append(["MH-2026-199", "Onderzoek Zilverschoon", "arbeid", "nieuw", 4, 1, 2, "nee",
               "nee", "ja", 4, 4, 3, 3, 3, 4, 2, 16])
    wb.save(changed)
    wizard = window.import_workbook(changed)
    wizard.next()
    _wait(wizard.sheet_page.isComplete, 30)
    wizard.next()
    wizard.next()
    _wait(lambda: wizard.report_page.loaded, 30)
    _settle()
    _save(wizard, folder, "import_fouten")
    wizard.report_page.skip_bad.setChecked(True)
    _wait(wizard.report_page.isComplete, 10)
    notices = window.notices
    notices.merge_box = None
    wizard.accept()
    _wait(lambda: notices.merge_box is not None, 30)
    box = notices.merge_box
    if box is not None:
        _settle()
        _save(box, folder, "import_samengevoegd")
        box.close()
