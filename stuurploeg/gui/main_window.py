"""The main window: composes the Ranglijst and the docks; owns no data of its own.

State and every action live in the :class:`WorkspaceController`; the views and docks hold
it. This class only builds the widgets, the menus and the keyboard flow between them.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.docks.capacity import CapacityPanel
from stuurploeg.gui.docks.case_detail import CaseDetailPanel
from stuurploeg.gui.docks.weights import WeightsPanel
from stuurploeg.gui.file_actions import FileActions, is_workbook
from stuurploeg.gui.notices import Notices
from stuurploeg.gui.ranking.view import RankingView
from stuurploeg.gui.scenarios.shown import shown_text
from stuurploeg.gui.settings import Settings

# Start-up time: the dialogs, the meeting room, the scenario panel (hidden behind the
# capacity tab) and the Decisions panel (behind the case detail tab) are imported where
# first used, so the window shows without them (tests/gui/test_startup.py).
if TYPE_CHECKING:
    from stuurploeg.gui.about import AboutDialog
    from stuurploeg.gui.docks.decisions import DecisionForm, DecisionsPanel
    from stuurploeg.gui.importing.wizard import ImportWizard
    from stuurploeg.gui.meeting.keymap import KeyMapDialog
    from stuurploeg.gui.meeting.room import MeetingRoom
    from stuurploeg.gui.planboard.panel import PlanboardPanel
    from stuurploeg.gui.planning.dialog import PlanDialog
    from stuurploeg.gui.ranking.position import PositionDialog
    from stuurploeg.gui.scenarios.panel import ScenarioPanel

log = logging.getLogger("stuurploeg")

# The meeting layout's text grows with the window (projector at 1920×1080), from the
# normal size at 1280×720 with 150 % scaling (853×480 logical pixels) up to this
MEETING_FONT_SCALE = 1.6
_MEETING_BASE = (1100, 620)  # logical size at which the meeting text starts to grow


class FocusRing(QObject):
    """Tab on the last widget of the keyboard flow goes round to the first (Shift+Tab on
    the first to the last), instead of on into the rest of the window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first: QWidget | None = None
        self.last: QWidget | None = None

    def close(self, first: QWidget, last: QWidget) -> None:
        self.open()
        self.first, self.last = first, last
        first.installEventFilter(self)
        last.installEventFilter(self)

    def open(self) -> None:
        """No ring: Tab goes on into the rest of the window."""
        for old in (self.first, self.last):
            if old is not None:
                old.removeEventFilter(self)
        self.first = self.last = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.first and self.last:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Tab and watched is self.last:
                self.first.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key == Qt.Key.Key_Backtab and watched is self.first:
                self.last.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
        return super().eventFilter(watched, event)


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
        # Two layouts over the same views: preparation (ranking and docks) for the analyst,
        # the meeting room for the projector. The ranking view moves between them.
        self.preparation = QWidget(self)
        QVBoxLayout(self.preparation).setContentsMargins(0, 0, 0, 0)
        self.preparation.layout().addWidget(self.ranking_view)
        self._meeting_room: MeetingRoom | None = None  # built for the first meeting layout
        self.layouts = QStackedWidget(self)
        self.layouts.addWidget(self.preparation)
        self.setCentralWidget(self.layouts)
        self._meeting_on = False
        self._preparation_state: bytes | None = None
        self._focus_ring = FocusRing(self)

        self.detail_panel = CaseDetailPanel(self.controller, self)
        self.weights_panel = WeightsPanel(self.controller, self.undo_stack, self)
        self.capacity_panel = CapacityPanel(self.controller, self)
        self._decisions_panel: DecisionsPanel | None = None  # built when its dock first shows
        self.placement = PlacementController(self.controller)
        self._planboard_panel: PlanboardPanel | None = None  # built when its dock first shows
        self._scenario_panel: ScenarioPanel | None = None  # built when its dock first shows
        self.docks: dict[str, QDockWidget] = {}
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self._add_dock("weights", self.tr("Weighting"), self.weights_panel, left)
        self._add_dock("detail", self.tr("Case detail"), self.detail_panel, right)
        self._add_dock("capacity", self.tr("Capacity"), self.capacity_panel, bottom)
        self._add_dock("decisions", self.tr("Decisions"), None, right)
        self._add_dock("planboard", self.tr("Planning board"), None, bottom)
        self.docks["planboard"].visibilityChanged.connect(self._planboard_shown)
        self.tabifyDockWidget(self.docks["capacity"], self.docks["planboard"])
        self._add_dock("scenarios", self.tr("Scenarios"), None, bottom)
        self.docks["scenarios"].visibilityChanged.connect(self._scenarios_shown)
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
        self.notices.export_requested.connect(self.files.ask_export)
        self.files.hold_close = self.notices.hold_close_for_drafts
        self.ranking_view.case_activated.connect(self.decide)

        # Once the actions it is wired to exist (a restored state may show it at once).
        self.docks["decisions"].visibilityChanged.connect(self._decisions_shown)
        self._restore_window()
        self.set_meeting_mode(self.settings.meeting_mode())
        # No Tab chain into the Decisions form yet: it is made when the panel is built
        # (until then its dock is off screen, where Tab could not stop either).

    # -- construction helpers ----------------------------------------------------------
    def _add_dock(
        self, name: str, title: str, body: QWidget | None, area: Qt.DockWidgetArea
    ) -> None:
        """``body`` None: the dock's widget is put in later (built on first show)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        # Scroll rather than force a minimum window size (laptop screens, vergadermodus).
        scroll = QScrollArea(dock)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        if body is not None:
            scroll.setWidget(body)
        dock.setWidget(scroll)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    @property
    def meeting_room(self) -> MeetingRoom:
        """The meeting layout, built the first time it is shown (or asked for): most
        starts are in the preparation layout. Built late, it is brought up to the
        controller's state as it would have followed it."""
        if self._meeting_room is None:
            from stuurploeg.gui.meeting.room import MeetingRoom  # start-up time

            room = MeetingRoom(self.controller, self.undo_stack, self)
            room.summary.refresh()
            room.form.prefill(self.controller.selected_case_id)
            self.layouts.addWidget(room)
            # Its size hints taken now, at the preparation font, as the window took them
            # when the room was made with it: the switch to the meeting font then sizes the
            # window as it always did (tests/gui/test_meeting_layout.py, 853x480).
            self.layouts.minimumSizeHint()
            room.form.recorded.connect(self._decision_recorded)
            room.form.cancelled.connect(self._back_to_ranking)
            # through the Decisions panel, built then if it is not yet
            room.finalise_requested.connect(lambda: self.decisions_panel.ask_finalise())
            room.export_requested.connect(self.files.ask_export)
            room.keys_requested.connect(self.show_keymap)
            self._meeting_room = room
        return self._meeting_room

    @property
    def scenario_panel(self) -> ScenarioPanel:
        """The Scenarios dock's panel, built on first use: its dock starts behind the
        Capacity tab, and building it (and its suggestions box, which asks for
        suggestions on every selection) is not needed to show the window."""
        if self._scenario_panel is None:
            from stuurploeg.gui.scenarios.panel import ScenarioPanel  # start-up time

            panel = ScenarioPanel(self.controller, self)
            scroll = self.docks["scenarios"].widget()
            assert isinstance(scroll, QScrollArea)
            scroll.setWidget(panel)
            self._scenario_panel = panel
        return self._scenario_panel

    @property
    def planboard_panel(self) -> PlanboardPanel:
        """The Planning board dock's panel, built on first use: its dock starts behind
        the Capacity tab. Built with the window, it drew its Gantt and load map for the
        first plan (importing pyqtgraph on the GUI thread) while nobody could see them."""
        if self._planboard_panel is None:
            from stuurploeg.gui.planboard.panel import PlanboardPanel  # start-up time

            panel = PlanboardPanel(self.placement, self.undo_stack, self)
            scroll = self.docks["planboard"].widget()
            assert isinstance(scroll, QScrollArea)
            scroll.setWidget(panel)
            self._planboard_panel = panel
        return self._planboard_panel

    def _planboard_shown(self, visible: bool) -> None:
        if visible:
            self.planboard_panel  # noqa: B018 — built now that the dock is on screen

    def _scenarios_shown(self, visible: bool) -> None:
        if visible:
            self.scenario_panel  # noqa: B018 — built now that the dock is on screen

    @property
    def decisions_panel(self) -> DecisionsPanel:
        """The Decisions dock's panel, built the first time its dock shows (its tab is
        behind the case detail's at start-up) or anything asks for it: Enter on a case,
        Vaststellen from the meeting layout. Built late, it reads the controller's
        state (the meeting's day, the selected case) as one built with the window
        would have followed it, and is wired and in the Tab flow like one."""
        if self._decisions_panel is None:
            from stuurploeg.gui.docks.decisions import DecisionsPanel  # start-up time

            panel = DecisionsPanel(self.controller, self.undo_stack, self)
            panel.decision_form.prefill(self.controller.selected_case_id)
            scroll = self.docks["decisions"].widget()
            assert isinstance(scroll, QScrollArea)
            scroll.setWidget(panel)
            panel.export_button.clicked.connect(self.files.ask_export)
            panel.recorded.connect(self._decision_recorded)
            panel.notice.connect(self.show_message)
            panel.decision_form.cancelled.connect(self._back_to_ranking)
            self._decisions_panel = panel
            if not self._meeting_on:
                self._chain_focus(self.ranking_view.table, panel.decision_form)
        return self._decisions_panel

    def _decisions_shown(self, visible: bool) -> None:
        if visible:
            self.decisions_panel  # noqa: B018 — built now that the dock is on screen

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
        self.meeting_action = QAction(self.tr("&Meeting layout"), self)
        self.meeting_action.setCheckable(True)
        self.meeting_action.setShortcut(QKeySequence("F8"))
        self.meeting_action.toggled.connect(self.set_meeting_mode)
        menu.addAction(self.meeting_action)
        menu.addSeparator()
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.keymap_action = QAction(self.tr("&Keyboard map"), self)
        self.keymap_action.setShortcut(QKeySequence("F1"))
        self.keymap_action.triggered.connect(self.show_keymap)
        menu.addAction(self.keymap_action)
        self.about_action = QAction(self.tr("&About Stuurploeg…"), self)
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.about_action)

    def show_about(self) -> AboutDialog:
        from stuurploeg.gui.about import AboutDialog  # on first use: start-up time

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def show_keymap(self) -> KeyMapDialog:
        from stuurploeg.gui.meeting.keymap import KeyMapDialog  # on first use: start-up time

        dialog = KeyMapDialog(self)
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
        """Vergadermodus: the meeting room layout (ranking, case and decision form side by
        side, the docks out of the way); off: the preparation layout as it was left. Both
        are remembered."""
        if self.meeting_action.isChecked() != on:
            self.meeting_action.setChecked(on)
            return
        if on == self._meeting_on:
            return
        room = self.meeting_room  # built the first time before the layout counts as switched
        self._meeting_on = on
        if on:
            self._preparation_state = bytes(self.saveState().data())
            for dock in self.docks.values():
                dock.hide()
            self._hide_dock_tabs()
            room.take_ranking(self.ranking_view)
            self.layouts.setCurrentWidget(room)
            room.layout().activate()  # the splitter at its real width before sizing it
            saved = self.settings.meeting_layout()
            if not saved or not room.splitter.restoreState(saved):
                room.splitter.setSizes(room.default_sizes(self.width()))
            self._fit_meeting_font()
            self._chain_focus(self.ranking_view.table, room.form)
        else:
            self.settings.set_meeting_layout(bytes(room.splitter.saveState().data()))
            view = room.give_back_ranking()
            if view is not None:
                self.preparation.layout().addWidget(view)
            self.layouts.setCurrentWidget(self.preparation)
            self.setFont(self._base_font)
            if self._preparation_state:
                self.restoreState(self._preparation_state)
            else:
                for dock in self.docks.values():
                    dock.show()
            self.ranking_view.table.apply_widths()
            if self._decisions_panel is not None:  # else chained when it is built
                self._chain_focus(self.ranking_view.table, self._decisions_panel.decision_form)
            else:
                self._focus_ring.open()
        self.settings.set_meeting_mode(on)

    def _hide_dock_tabs(self) -> None:
        """The tab bars of tabified docks can outlive their hidden docks for a layout
        pass and paint over the meeting layout; the window's layout brings them back
        with the docks."""
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()

    def _chain_focus(self, table: QWidget, form: DecisionForm) -> None:
        """Tab: search → ranking → the form's fields → save → round to the search box."""
        chain = [
            self.ranking_view.search, table, form.kind, form.team, form.start, form.fte,
            form.extra_weeks, form.until, form.until_next, form.target, form.target_detail,
            form.motivation, form.inform, form.record_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._focus_ring.close(first=self.ranking_view.search, last=form.record_button)

    def _fit_meeting_font(self) -> None:
        """The meeting's text as large as the window allows (never smaller than normal)."""
        if not self._meeting_on:
            return
        scale = min(self.width() / _MEETING_BASE[0], self.height() / _MEETING_BASE[1])
        scale = round(max(1.0, min(scale, MEETING_FONT_SCALE)) * 10) / 10
        font = QFont(self._base_font)
        font.setPointSizeF(self._base_font.pointSizeF() * scale)
        if font != self.font():
            self.setFont(font)
            self.ranking_view.table.apply_widths()
            self.meeting_room.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_meeting_font()

    @property
    def meeting_mode(self) -> bool:
        return self._meeting_on

    def _proposal_changed(self) -> None:
        proposal = self.controller.proposal
        self.replan_action.setEnabled(proposal is not None and proposal.outdated)

    def open_plan_dialog(self) -> PlanDialog:
        from stuurploeg.gui.planning.dialog import open_plan_dialog  # on first use: start-up

        return open_plan_dialog(self.controller, self)

    def change_position(self, case_id: str = "", position: int = 0) -> PositionDialog | None:
        """Positie aanpassen for ``case_id`` (default: the selected case)."""
        case_id = case_id or self.controller.selected_case_id
        if not case_id or self.controller.ranking is None:
            self.show_message(self.tr("Select a ranked case first."))
            return None
        from stuurploeg.gui.ranking.position import PositionDialog  # on first use: start-up

        dialog = PositionDialog(self.controller, self.undo_stack, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if position:
            dialog.position.setValue(position)
        dialog.open()
        return dialog

    @property
    def decision_form(self) -> DecisionForm:
        """The form the current layout shows."""
        if self._meeting_on:
            return self.meeting_room.form
        return self.decisions_panel.decision_form

    def decide(self, case_id: str) -> None:
        """Enter on a case: straight to the decision form (keyboard-only meeting flow)."""
        if not self._meeting_on:
            self.docks["decisions"].show()
            self.docks["decisions"].raise_()
        form = self.decision_form
        form.prefill(case_id)
        form.focus_form()

    def _decision_recorded(self, case_id: str, text: str) -> None:
        """After Ctrl+Enter: said in the status bar; back to the Ranglijst, on the next
        case not decided in this meeting yet."""
        self.show_message(text)
        view = self.ranking_view
        order = [view.model.case_id_at(r) for r in range(view.model.rowCount())]
        from stuurploeg.gui.controller.meeting import next_undecided  # start-up time

        decided = {d.case_id for d in self.controller.meeting.decisions}
        following = next_undecided(order, case_id, decided)
        if following is not None:
            view.table.select_case(following)
        view.table.setFocus()

    def _back_to_ranking(self) -> None:
        self.ranking_view.table.setFocus()

    def import_workbook(self, path: Path | None = None) -> ImportWizard:
        """Open the import wizard (for ``path`` when given, e.g. a dropped workbook)."""
        from stuurploeg.gui.importing.wizard import ImportWizard  # on first use: start-up

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
        # The preparation layout's docks, also when closed in the meeting layout.
        state = bytes(self.saveState().data())
        if self._meeting_on:
            self.settings.set_meeting_layout(bytes(self.meeting_room.splitter.saveState().data()))
            state = self._preparation_state or state
        self.settings.save_window(bytes(self.saveGeometry().data()), state)
        self.settings.sync()
        self.controller.close()
        super().closeEvent(event)
