"""The main window: composes the Ranglijst and the docks; owns no data of its own.

State and every action live in the :class:`WorkspaceController`; the views and docks hold
it. This class only builds the widgets, the menus and the keyboard flow between them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QWidget

from stuurploeg.gui.about import AboutDialog
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.docks.capacity import CapacityPanel
from stuurploeg.gui.docks.case_detail import CaseDetailPanel
from stuurploeg.gui.docks.decisions import DecisionsPanel
from stuurploeg.gui.docks.weights import WeightsPanel
from stuurploeg.gui.file_actions import FileActions, is_workbook
from stuurploeg.gui.importing.wizard import ImportWizard
from stuurploeg.gui.notices import Notices
from stuurploeg.gui.planboard.panel import PlanboardPanel
from stuurploeg.gui.planning.dialog import PlanDialog, open_plan_dialog
from stuurploeg.gui.ranking.position import PositionDialog
from stuurploeg.gui.ranking.view import RankingView
from stuurploeg.gui.scenarios.panel import ScenarioPanel, shown_text
from stuurploeg.gui.settings import Settings

log = logging.getLogger("stuurploeg")

MEETING_FONT_SCALE = 1.6


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = Settings()
        self.controller = WorkspaceController(self.settings, self)
        self.undo_stack = QUndoStack(self)
        self._base_font = QFont(self.font())
        self.setWindowTitle(self.tr("Stuurploeg"))
        self.setAcceptDrops(True)

        self.ranking_view = RankingView(self.controller, self)
        self.setCentralWidget(self.ranking_view)

        self.detail_panel = CaseDetailPanel(self.controller, self)
        self.weights_panel = WeightsPanel(self.controller, self.undo_stack, self)
        self.capacity_panel = CapacityPanel(self.controller, self)
        self.decisions_panel = DecisionsPanel(self.controller, self.undo_stack, self)
        self.placement = PlacementController(self.controller)
        self.planboard_panel = PlanboardPanel(self.placement, self.undo_stack, self)
        self.scenario_panel = ScenarioPanel(self.controller, self)
        self.docks: dict[str, QDockWidget] = {}
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self._add_dock("weights", self.tr("Weighting"), self.weights_panel, left)
        self._add_dock("detail", self.tr("Case detail"), self.detail_panel, right)
        self._add_dock("capacity", self.tr("Capacity"), self.capacity_panel, bottom)
        self._add_dock("decisions", self.tr("Decisions"), self.decisions_panel, right)
        self._add_dock("planboard", self.tr("Planning board"), self.planboard_panel, bottom)
        self.tabifyDockWidget(self.docks["capacity"], self.docks["planboard"])
        self._add_dock("scenarios", self.tr("Scenarios"), self.scenario_panel, bottom)
        self.tabifyDockWidget(self.docks["capacity"], self.docks["scenarios"])
        self.docks["capacity"].raise_()
        self.tabifyDockWidget(self.docks["detail"], self.docks["decisions"])
        self.docks["detail"].raise_()

        self.files = FileActions(self, self.controller, self.settings)
        self.notices = Notices(self.controller, self)
        self.menuBar().addMenu(self.files.menu)
        self._build_edit_menu()
        self._build_plan_menu()
        self._build_view_menu()
        self._build_help_menu()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.shown_label = QLabel(self)  # which plan is on screen: the base or a scenario
        self.statusBar().addPermanentWidget(self.shown_label)
        self.controller.scenarios.shown_changed.connect(self._show_title)
        self.placement.changed.connect(self._show_title)
        self.controller.message.connect(self.show_message)
        self.controller.opened.connect(self._opened)
        self.controller.closed.connect(lambda: self.setWindowTitle(self.tr("Stuurploeg")))
        self.files.import_requested.connect(self.import_workbook)
        self.decisions_panel.export_button.clicked.connect(self.files.ask_export)
        self.notices.export_requested.connect(self.files.ask_export)
        self.files.hold_close = self.notices.hold_close_for_drafts
        self.decisions_panel.recorded.connect(self._decision_recorded)
        self.ranking_view.case_activated.connect(self.decide)

        self._restore_window()
        self.set_meeting_mode(self.settings.meeting_mode())

    # -- construction helpers ----------------------------------------------------------
    def _add_dock(self, name: str, title: str, body: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        # Scroll rather than force a minimum window size (laptop screens, vergadermodus).
        scroll = QScrollArea(dock)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        dock.setWidget(scroll)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _build_edit_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        self.position_action = QAction(self.tr("Change &position…"), self)
        self.position_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.position_action.triggered.connect(lambda: self.change_position())
        self.ranking_view.model.move_requested.connect(self.change_position)
        menu.addAction(self.position_action)
        table = self.ranking_view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.position_action)
        find = QAction(self.tr("&Find case"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.ranking_view.search.setFocus())
        menu.addAction(find)

    def _build_plan_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Plan"))
        self.plan_action = QAction(self.tr("&Make plan…"), self)
        self.plan_action.setShortcut(QKeySequence("Ctrl+P"))
        self.plan_action.triggered.connect(self.open_plan_dialog)
        menu.addAction(self.plan_action)
        # An outdated proposal made again with the planner chosen, from the keyboard too.
        self.replan_action = QAction(self.tr("Plan &again"), self)
        self.replan_action.setShortcut(QKeySequence("Ctrl+R"))
        self.replan_action.triggered.connect(lambda: self.controller.replan())
        menu.addAction(self.replan_action)
        self.controller.proposal_changed.connect(self._proposal_changed)
        self.replan_action.setEnabled(False)

    def _build_view_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&View"))
        self.meeting_action = QAction(self.tr("&Meeting mode (large text)"), self)
        self.meeting_action.setCheckable(True)
        self.meeting_action.setShortcut(QKeySequence("F8"))
        self.meeting_action.toggled.connect(self.set_meeting_mode)
        menu.addAction(self.meeting_action)
        menu.addSeparator()
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Stuurploeg…"), self)
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.about_action)

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 850)
            self.resizeDocks(
                [self.docks["weights"], self.docks["detail"]], [340, 380], Qt.Orientation.Horizontal
            )
            # Room for the capacity chart's weeks axis under the table.
            self.resizeDocks([self.docks["capacity"]], [320], Qt.Orientation.Vertical)
        state = self.settings.window_state()
        if state:
            self.restoreState(state)

    # -- behaviour -----------------------------------------------------------------------
    def start(self, workspace: Path | None) -> None:
        """Called just after the first paint: open the given, last or sample workspace."""
        self.controller.start(workspace)

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)

    def _opened(self, path: Path) -> None:
        self.setWindowTitle(self.tr("%1 — Stuurploeg").replace("%1", path.stem))
        self._show_title()

    def _show_title(self) -> None:
        """The window title and status bar say which plan is shown (base or scenario)."""
        path = self.controller.path
        shown = shown_text(self.controller) if self.controller.proposal is not None else ""
        if shown and self.placement.placements:  # cases moved by hand in the Planbord
            n = len(self.placement.placements)
            shown += " " + self.tr("+ %n what-if placement(s)", "", n)
        self.shown_label.setText(shown)
        if path is not None:
            title = self.tr("%1 — Stuurploeg").replace("%1", path.stem)
            self.setWindowTitle(f"{title} — {shown}" if shown else title)

    def set_meeting_mode(self, on: bool) -> None:
        """Vergadermodus: larger text everywhere in this window, for the projector."""
        if self.meeting_action.isChecked() != on:
            self.meeting_action.setChecked(on)
            return
        font = QFont(self._base_font)
        if on:
            font.setPointSizeF(self._base_font.pointSizeF() * MEETING_FONT_SCALE)
        self.setFont(font)
        self.ranking_view.table.apply_widths()
        # The Weging dock follows its larger text (once laid out), so the weights stay readable.
        QTimer.singleShot(0, self._fit_weights_dock)
        self.settings.set_meeting_mode(on)

    def _fit_weights_dock(self) -> None:
        layout = self.weights_panel.layout()
        if layout is not None:
            layout.activate()
        width = self.weights_panel.sizeHint().width() + 24  # + the dock's scroll bar
        self.resizeDocks(
            [self.docks["weights"]], [max(340, min(width, 560))], Qt.Orientation.Horizontal
        )

    def _proposal_changed(self) -> None:
        proposal = self.controller.proposal
        self.replan_action.setEnabled(proposal is not None and proposal.outdated)

    def open_plan_dialog(self) -> PlanDialog:
        return open_plan_dialog(self.controller, self)

    def change_position(self, case_id: str = "", position: int = 0) -> PositionDialog | None:
        """Positie aanpassen for ``case_id`` (default: the selected case)."""
        case_id = case_id or self.controller.selected_case_id
        if not case_id or self.controller.ranking is None:
            self.show_message(self.tr("Select a ranked case first."))
            return None
        dialog = PositionDialog(self.controller, self.undo_stack, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if position:
            dialog.position.setValue(position)
        dialog.open()
        return dialog

    def decide(self, case_id: str) -> None:
        """Enter on a case: straight to the decision form (keyboard-only meeting flow)."""
        self.docks["decisions"].show()
        self.docks["decisions"].raise_()
        self.decisions_panel.prefill(case_id)
        self.decisions_panel.focus_form()

    def _decision_recorded(self, case_id: str) -> None:
        """After Ctrl+Enter: back to the Ranglijst, on the next case."""
        view = self.ranking_view
        row = view.model.row_of(case_id)
        if row is not None and row + 1 < view.model.rowCount():
            view.table.select_case(view.model.case_id_at(row + 1))
        view.table.setFocus()

    def import_workbook(self, path: Path | None = None) -> ImportWizard:
        """Open the import wizard (for ``path`` when given, e.g. a dropped workbook)."""
        wizard = ImportWizard(self.controller, self.settings, self, path=path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()  # window-modal, never exec(): tests and the event loop keep running
        return wizard

    # -- drag and drop -------------------------------------------------------------------
    def _dropped_workbook(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return paths[0] if len(paths) == 1 and is_workbook(paths[0]) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_workbook(event) is not None and self.files.import_.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_workbook(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_workbook(path)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.notices.hold_close_for_drafts(self.close):
            event.ignore()  # asked first; "Close anyway" closes again
            return
        self.settings.save_window(bytes(self.saveGeometry().data()), bytes(self.saveState().data()))
        self.settings.sync()
        self.controller.close()
        super().closeEvent(event)
