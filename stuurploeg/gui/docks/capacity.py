"""Capaciteit: per team formatie → bezetting → inzetbaar → planned, and a weekly chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from stuurploeg.gui.session import Session

_INDEX = QModelIndex()
_HEADERS = (
    QT_TRANSLATE_NOOP("CapacityModel", "Team"),
    QT_TRANSLATE_NOOP("CapacityModel", "Formation"),
    QT_TRANSLATE_NOOP("CapacityModel", "Staffed"),
    QT_TRANSLATE_NOOP("CapacityModel", "Deployable %"),
    QT_TRANSLATE_NOOP("CapacityModel", "Deployable fte"),
    QT_TRANSLATE_NOOP("CapacityModel", "Running (avg)"),
    QT_TRANSLATE_NOOP("CapacityModel", "Planned (avg)"),
    QT_TRANSLATE_NOOP("CapacityModel", "Overbooked weeks"),
)
TEAM, FORMATION, STAFFED, DEPLOYABILITY, DEPLOYABLE, RUNNING, PLANNED, OVERBOOKED = range(8)
_RED = QColor(192, 57, 43)


class CapacityModel(QAbstractTableModel):
    """One row per team from the capacity data; plan columns filled once a plan exists."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Any, ...]] = []

    def set_data(self, capacity: Any | None, plan: Any | None) -> None:
        self.beginResetModel()
        self._rows = []
        teams = capacity.teams if capacity is not None else ()
        plan_teams = list(getattr(plan, "teams", ()) or ())
        for team in teams:
            running = planned = None
            overbooked = 0
            if plan is not None and team.team in plan_teams:
                ti = plan_teams.index(team.team)
                running = float(plan.running[ti, 0].mean())
                planned = float(plan.planned[ti, 0].mean())
                overbooked = len({o.week for o in plan.overbooked if o.team == team.team})
            self._rows.append(
                (team.team, team.formation_fte, team.staffed_fte, team.deployability, team.base_fte,
                 running, planned, overbooked if plan is not None else None)
            )  # fmt: skip
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CapacityModel", _HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        value = row[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            if column == TEAM:
                return str(value)
            if column == DEPLOYABILITY:
                return QLocale().toString(100 * float(value), "f", 0) + " %"
            if column == OVERBOOKED:
                return str(value)
            return QLocale().toString(float(value), "f", 1)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TEAM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == OVERBOOKED and value:
            return QBrush(_RED)
        return None


class CapacityPanel(QWidget):
    ALL = "__all__"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CapacityModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.team = QComboBox(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.chart: Any | None = None  # pyqtgraph CapacityChart, made on first plan
        self.chart_host = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chart:"), self))
        top.addWidget(self.team, 1)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addLayout(self.chart_host, 1)
        right.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(right, 1)
        self.team.activated.connect(self.show_chart)
        session.cases_changed.connect(self.refresh)
        session.ranking_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        self.model.set_data(s.capacity, s.plan)
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("All teams"), self.ALL)
        for name in getattr(s.plan, "teams", ()) or ():
            self.team.addItem(name, name)
        self.team.setCurrentIndex(max(self.team.findData(current), 0))
        self.team.blockSignals(False)
        self.show_chart()

    def show_chart(self) -> None:
        plan = self.session.plan
        if self.session.capacity is None:
            self.note.setText(self.tr("No capacity sheet imported yet."))
        elif plan is None:
            self.note.setText(self.tr("The chart appears once a plan has been made."))
        if plan is None or not hasattr(plan, "available"):
            if self.chart is not None:
                self.chart.setVisible(False)
            return
        name = self.team.currentData()
        if name == self.ALL or name not in plan.teams:
            available = plan.available[:, 0].sum(axis=0)
            running = plan.running[:, 0].sum(axis=0)
            planned = plan.planned[:, 0].sum(axis=0)
        else:
            ti = list(plan.teams).index(name)
            available, running, planned = (
                plan.available[ti, 0],
                plan.running[ti, 0],
                plan.planned[ti, 0],
            )
        if self.chart is None:
            from stuurploeg.gui.charts import CapacityChart  # pyqtgraph: only when needed

            self.chart = CapacityChart(self)
            self.chart_host.addWidget(self.chart)
        names = (
            self.tr("available"),
            self.tr("running"),
            self.tr("planned"),
            self.tr("overbooked"),
        )
        labels = [f"W{w.week:02d}" for w in plan.week_list]
        self.chart.show_weeks(labels, list(available), list(running), list(planned), names)
        self.chart.setVisible(True)
        over = len(self.chart.overbooked)
        self.note.setText(
            self.tr("%1 overbooked weeks in this view.").replace("%1", str(over)) if over else ""
        )
