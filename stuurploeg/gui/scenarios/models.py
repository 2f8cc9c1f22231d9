"""Table models of the scenario panel: the scenario list, the two change editors, the
comparison tables and the suggestions for one case.

The change editors are editable models over the controller's draft rows (text as typed);
the controller checks a draft, and each problem is shown on its cell (colour, tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from stuurploeg.domain.model import SPECIALISMS
from stuurploeg.gui.controller.scenario_drafts import (
    ACTIONS,
    CAPACITY,
    CASE,
    CapacityRow,
    CaseRow,
    DraftProblem,
)
from stuurploeg.gui.labels import kind_label
from stuurploeg.gui.table_model import DISPLAY, RIGHT_ALIGNED, ListTableModel

if TYPE_CHECKING:
    from stuurploeg.domain.planning import Scenario
    from stuurploeg.domain.planning.scenario_compare import CaseIn, CaseOut, TeamLoad
    from stuurploeg.gui.controller.scenarios import ScenarioOutcome, Suggestion

R = TypeVar("R", CapacityRow, CaseRow)
EDIT = Qt.ItemDataRole.EditRole
_ERROR = QColor(250, 219, 216)
_WARNING = QColor(253, 243, 207)
_RED = QColor(192, 57, 43)
_GREEN = QColor(30, 132, 73)

PROBLEM_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]

_ACTION = {
    "in": QT_TRANSLATE_NOOP("Scenarios", "Must be in"),
    "out": QT_TRANSLATE_NOOP("Scenarios", "Excluded"),
    "start": QT_TRANSLATE_NOOP("Scenarios", "Start no earlier than"),
}


translate = QCoreApplication.translate


def action_label(action: str) -> str:
    return translate("Scenarios", _ACTION[action]) if action in _ACTION else action


def action_choices() -> list[tuple[str, str]]:
    return [(action_label(a), a) for a in ACTIONS]


def specialism_label(value: str) -> str:
    return translate("Scenarios", "Total (all fte)") if not value else kind_label(value)


def specialism_choices() -> list[tuple[str, str]]:
    return [(specialism_label(""), ""), *((kind_label(s.value), s.value) for s in SPECIALISMS)]


def number(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def signed(value: float, decimals: int = 1) -> str:
    text = number(value, decimals)
    return text if value < 0 else f"+{text}"


def percent(value: float) -> str:
    return QLocale().toString(100 * float(value), "f", 0) + " %"


# -- the change editors ----------------------------------------------------------------
class ChangesModel(ListTableModel[R], Generic[R]):
    """Editable rows of one kind of change; problems shown on their cells."""

    SECTION = ""
    # per column: the row's attribute and the field name problems use
    COLUMNS: tuple[tuple[str, str], ...] = ()
    NEW_ROW: type = CapacityRow

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: dict[tuple[int, str], DraftProblem] = {}

    # editing
    def rows(self) -> tuple[R, ...]:
        return tuple(self.items)

    def add_row(self, row: R | None = None) -> int:
        n = len(self.items)
        self.beginInsertRows(QModelIndex(), n, n)
        self.items.append(row if row is not None else self.NEW_ROW())
        self.endInsertRows()
        return n

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()
            self._problems = {}

    def set_problems(self, problems: Sequence[DraftProblem]) -> None:
        self._problems = {}
        for p in problems:
            if p.section == self.SECTION and p.row is not None:
                key = (p.row, self._column_field(p.field))
                if key not in self._problems or not p.warning:
                    self._problems[key] = p
        if self.items:
            # Only how cells look changed: the editor re-checks on content changes only.
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.items) - 1, self.column_count() - 1),
                                  PROBLEM_ROLES)

    def problem_at(self, row: int, column: int) -> DraftProblem | None:
        name = self.COLUMNS[column][1]
        return self._problems.get((row, name)) or (
            self._problems.get((row, "")) if column == 0 else None)

    def _column_field(self, name: str | None) -> str:
        known = {f for _, f in self.COLUMNS}
        return name if name in known else ""

    # Qt
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = EDIT) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        attr = self.COLUMNS[index.column()][0]
        row = self.items[index.row()]
        text = "" if value is None else str(value)
        if getattr(row, attr) == text:
            return False
        changes: dict[str, object] = {attr: text}
        if attr == "specialism" and isinstance(row, CapacityRow):
            changes["only_specialism"] = False
        self.items[index.row()] = replace(row, **changes)  # type: ignore[arg-type]
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        return True

    def cell(self, row: int, column: int, role: int) -> object:
        item = self.items[row]
        attr = self.COLUMNS[column][0]
        value = getattr(item, attr)
        if role == EDIT:
            return value
        if role == DISPLAY:
            return self.display(item, attr, value)
        problem = self.problem_at(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return QBrush(_WARNING if problem.warning else _ERROR)
        if role == Qt.ItemDataRole.ToolTipRole and problem is not None:
            return problem.message
        return None

    def display(self, item: R, attr: str, value: str) -> str:
        return value


class CapacityChangesModel(ChangesModel[CapacityRow]):
    CONTEXT = "Scenarios"
    SECTION = CAPACITY
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Team"),
        QT_TRANSLATE_NOOP("Scenarios", "From week"),
        QT_TRANSLATE_NOOP("Scenarios", "To week"),
        QT_TRANSLATE_NOOP("Scenarios", "± fte"),
        QT_TRANSLATE_NOOP("Scenarios", "Of specialism"),
    )
    COLUMNS = (("team", "team"), ("from_week", "from"), ("to_week", "to"), ("fte", "fte"),
               ("specialism", "specialism"))
    NEW_ROW = CapacityRow
    TEAM, FROM, TO, FTE, SPECIALISM = range(5)

    def display(self, item: CapacityRow, attr: str, value: str) -> str:
        if attr == "to_week" and not value:
            return translate("Scenarios", "to the end")
        if attr == "specialism":
            label = specialism_label(value)
            if item.only_specialism:
                label += translate("Scenarios", " (total unchanged)")
            return label
        return value


class CaseChangesModel(ChangesModel[CaseRow]):
    CONTEXT = "Scenarios"
    SECTION = CASE
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Case"),
        QT_TRANSLATE_NOOP("Scenarios", "Change"),
        QT_TRANSLATE_NOOP("Scenarios", "Week"),
    )
    COLUMNS = (("case_id", "case"), ("action", "action"), ("start", "start"))
    NEW_ROW = CaseRow
    CASE_ID, ACTION, START = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def display(self, item: CaseRow, attr: str, value: str) -> str:
        if attr == "action":
            return action_label(value)
        if attr == "case_id" and value in self.names:
            return f"{value} — {self.names[value]}"
        return value


# -- the list of scenarios --------------------------------------------------------------
class ScenarioListModel(ListTableModel["Scenario"]):
    CONTEXT = "Scenarios"
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Scenario"),
        QT_TRANSLATE_NOOP("Scenarios", "Changes"),
        QT_TRANSLATE_NOOP("Scenarios", "Δ priority"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcomes: dict[str, ScenarioOutcome] = {}
        self.shown: str | None = None

    def set_scenarios(self, scenarios: Sequence[Scenario],
                      outcomes: dict[str, ScenarioOutcome], shown: str | None) -> None:
        self.outcomes, self.shown = outcomes, shown
        self.set_items(scenarios)

    def name_at(self, row: int) -> str | None:
        return self.items[row].name if 0 <= row < len(self.items) else None

    def row_of(self, name: str) -> int | None:
        return next((i for i, s in enumerate(self.items) if s.name == name), None)

    def cell(self, row: int, column: int, role: int) -> object:
        s = self.items[row]
        outcome = self.outcomes.get(s.name)
        if role == DISPLAY:
            if column == 0:
                return s.name + (translate("Scenarios", " (shown)") if s.name == self.shown else "")
            if column == 1:
                n = len(s.cases) + len({(d.team, d.from_week, d.to_week, d.fte)
                                        for d in s.deltas}) + (s.profile is not None)
                return str(n)
            return "—" if outcome is None else signed(outcome.comparison.delta_priority)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and s.description:
            return s.description
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and outcome is not None:
            delta = outcome.comparison.delta_priority
            return QBrush(_GREEN if delta > 0 else _RED) if delta else None
        return None


# -- the comparison ----------------------------------------------------------------------
class NewlyInModel(ListTableModel["CaseIn"]):
    CONTEXT = "Scenarios"
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Case"),
        QT_TRANSLATE_NOOP("Scenarios", "Score"),
        QT_TRANSLATE_NOOP("Scenarios", "Team"),
        QT_TRANSLATE_NOOP("Scenarios", "From"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        c: CaseIn = self.items[row]
        if role == DISPLAY:
            if column == 0:
                name = f" — {c.name}" if c.name else ""
                forced = translate("Scenarios", " (must be in)") if c.forced else ""
                return f"{c.case_id}{name}{forced}"
            return (number(c.score), c.team, str(c.start_week))[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT_ALIGNED
        return None


class NewlyOutModel(ListTableModel["CaseOut"]):
    CONTEXT = "Scenarios"
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Case"),
        QT_TRANSLATE_NOOP("Scenarios", "Score"),
        QT_TRANSLATE_NOOP("Scenarios", "Why not"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        c: CaseOut = self.items[row]
        if role == DISPLAY:
            if column == 0:
                return f"{c.case_id} — {c.name}" if c.name else c.case_id
            return number(c.score) if column == 1 else c.summary
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT_ALIGNED
        return None


class TeamLoadModel(ListTableModel["TeamLoad"]):
    """Per team, base → scenario side by side: utilisation and overloaded weeks."""

    CONTEXT = "Scenarios"
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Team"),
        QT_TRANSLATE_NOOP("Scenarios", "Utilisation"),
        QT_TRANSLATE_NOOP("Scenarios", "Overloaded weeks"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        t: TeamLoad = self.items[row]
        if role == DISPLAY:
            return (t.team, f"{percent(t.base_utilisation)} → {percent(t.scenario_utilisation)}",
                    f"{t.base_overloaded} → {t.scenario_overloaded}")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            if t.scenario_overloaded > t.base_overloaded:
                return QBrush(_RED)
            if t.scenario_overloaded < t.base_overloaded:
                return QBrush(_GREEN)
        return None


# -- suggestions ---------------------------------------------------------------------------
class SuggestionModel(ListTableModel["Suggestion"]):
    CONTEXT = "Scenarios"
    HEADERS = (
        QT_TRANSLATE_NOOP("Scenarios", "Team"),
        QT_TRANSLATE_NOOP("Scenarios", "From"),
        QT_TRANSLATE_NOOP("Scenarios", "Net priority"),
        QT_TRANSLATE_NOOP("Scenarios", "Pushes out"),
    )
    HEADER_TIPS = (
        QT_TRANSLATE_NOOP("Scenarios", "The team that could take the case"),
        QT_TRANSLATE_NOOP("Scenarios", "The first week of the case in that team"),
        QT_TRANSLATE_NOOP(
            "Scenarios", "Priority gained by placing the case here, minus the priority of "
            "the cases it pushes out"),
        QT_TRANSLATE_NOOP(
            "Scenarios", "The cases this option pushes out of the plan, and those it moves"),
    )

    def header(self, section: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self.HEADER_TIPS):
            return translate("Scenarios", self.HEADER_TIPS[section])
        text = super().header(section, role)
        if section == 2 and isinstance(text, str):
            # "Netto prioriteit" on two lines: the room goes to what the option pushes out.
            return text.replace(" ", "\n", 1)
        return text

    def cell(self, row: int, column: int, role: int) -> object:
        s: Suggestion = self.items[row]
        if role == DISPLAY:
            if column == 0:
                return s.team
            if column == 1:
                return str(s.start_week)
            if column == 2:
                return signed(s.net)
            out = ", ".join(p.case_id for p in s.displaced) or translate("Scenarios", "nothing")
            if s.moved:
                moved = ", ".join(p.case_id for p in s.moved)
                out += translate("Scenarios", "; moves %1").replace("%1", moved)
            return out
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return RIGHT_ALIGNED
        return None
