"""The Ranglijst: search box, filters and the table over :class:`RankingModel`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.model import CaseStatus, Exploitation
from stuurploeg.gui import ranking_model as rm
from stuurploeg.gui.delegates import BadgeDelegate, ScoreBarDelegate
from stuurploeg.gui.session import Session
from stuurploeg.gui.widgets import refill_combo

if TYPE_CHECKING:
    from stuurploeg.gui.ranking_rows import RankingRows

ALL = "__all__"


class RankingTable(QTableView):
    """The table itself; keeps the selection by case id when the model resets."""

    def __init__(self, model: rm.RankingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        # Dragging a row asks for a Positie aanpassen (the model never moves rows itself).
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.sortByColumn(rm.RANK, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionsMovable(True)
        self.setItemDelegateForColumn(rm.SCORE, ScoreBarDelegate(self))
        self.setItemDelegateForColumn(rm.BADGES, BadgeDelegate(self))
        self._kept: list[str] = []
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.apply_widths()

    def apply_widths(self) -> None:
        fm = self.fontMetrics()
        char = fm.horizontalAdvance("0")
        widths = {
            rm.RANK: 7, rm.CASE_ID: 11, rm.NAME: 24, rm.EXPLOITATION: 12, rm.STATUS: 10,
            rm.SCORE: 10, rm.FTE: 6, rm.WEEKS: 6, rm.SPECIALIST: 8, rm.PLAN: 28,
            rm.DECISION: 16, rm.BADGES: 12,
        }  # fmt: skip
        for column in range(rm.FIRST_CRITERION, rm.LAST_CRITERION + 1):
            widths[column] = 6
        for column, chars in widths.items():
            self.setColumnWidth(column, chars * char + 16)
        self.verticalHeader().setDefaultSectionSize(fm.height() + 8)

    def current_case_id(self) -> str:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(rm.CASE_ID_ROLE) if rows else ""

    def select_case(self, case_id: str) -> bool:
        model: rm.RankingModel = self.model()  # type: ignore[assignment]
        row = model.row_of(case_id) if case_id else None
        if row is None:
            return False
        index = model.index(row, rm.NAME)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
        return True

    def _remember_selection(self) -> None:
        self._kept = [i.data(rm.CASE_ID_ROLE) for i in self.selectionModel().selectedRows()]

    def _restore_selection(self) -> None:
        for case_id in self._kept:
            self.select_case(case_id)


class RankingView(QWidget):
    """Central view: filters above the table; follows and drives the session's current case."""

    case_activated = Signal(str)  # double-click / Enter: open the decision flow

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = rm.RankingModel(self)
        self.table = RankingTable(self.model, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search case number or name…"))
        self.search.setClearButtonEnabled(True)
        self.form_filter = self._combo(self.tr("All forms"), [str(e) for e in Exploitation])
        self.status_filter = self._combo(self.tr("All statuses"), [str(s) for s in CaseStatus])
        self.team_filter = self._combo(self.tr("All teams"), [])
        self.plan_filter = QComboBox(self)
        self.plan_filter.addItem(self.tr("In and out of plan"), None)
        self.plan_filter.addItem(self.tr("In plan"), True)
        self.plan_filter.addItem(self.tr("Out of plan"), False)
        self.count_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for w in (self.form_filter, self.status_filter, self.team_filter, self.plan_filter):
            bar.addWidget(w, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        # Typing filters after a short pause, not on every key stroke.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.form_filter, self.status_filter, self.team_filter, self.plan_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._activate())
        self.model.order_changed.connect(self._update_count)
        session.cases_changed.connect(self.reload)
        session.ranking_changed.connect(self.refresh_ranking)
        session.decisions_changed.connect(self._decisions_changed)
        session.current_case_changed.connect(self._follow_session)
        self._update_count()

    def _combo(self, all_label: str, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(all_label, ALL)
        for value in values:
            combo.addItem(value, value)
        return combo

    # -- data ----------------------------------------------------------------------------
    def _rows(self) -> RankingRows:
        from stuurploeg.gui.ranking_rows import build_rows  # numpy: not before data exists

        s = self.session
        return build_rows(s.cases, s.ranking, s.plan, s.decisions, s.previous_ranks)

    def reload(self) -> None:
        self.model.set_rows(self._rows())
        teams = sorted({str(t) for t in self.model.rows.team if t})
        if self.session.capacity is not None:
            teams = [t.team for t in self.session.capacity.teams] + [
                t for t in teams if self.session.capacity.team(t) is None
            ]
        everything = (self.team_filter.itemText(0), self.team_filter.itemData(0))
        refill_combo(self.team_filter, [everything, *((t, t) for t in teams)])
        self.apply_filter()

    def refresh_ranking(self) -> None:
        self.model.update_ranking(self._rows())

    def _decisions_changed(self) -> None:
        self.model.update_decisions(self.session.decisions)

    # -- filter --------------------------------------------------------------------------
    def current_filter(self) -> rm.RankingFilter:
        def chosen(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset() if value == ALL else frozenset({value})

        team = self.team_filter.currentData()
        return rm.RankingFilter(
            text=self.search.text(),
            exploitations=chosen(self.form_filter),
            statuses=chosen(self.status_filter),
            team=None if team == ALL else team,
            in_plan=self.plan_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 cases")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total_count()))
        )

    # -- selection -----------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self.session.set_current_case(self.table.current_case_id())

    def _follow_session(self, case_id: str) -> None:
        if case_id and case_id != self.table.current_case_id():
            self.table.select_case(case_id)

    def _activate(self) -> None:
        case_id = self.table.current_case_id()
        if case_id:
            self.case_activated.emit(case_id)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._activate()
            return
        super().keyPressEvent(event)
