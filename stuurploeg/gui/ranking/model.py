"""The Ranglijst table model: sorts and filters its own numpy arrays.

No QSortFilterProxyModel in the hot path: a proxy calls back into Python per comparison
(28 s for 100,000 rows measured here), numpy sorts the same in milliseconds. The model
keeps ``_order`` (view row -> data row); sorting permutes it with the persistent indexes
moved along, so the view's selection survives a re-sort. ``CASE_ID_ROLE`` identifies the
case behind a row whatever the order.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QStaticText, QTextOption

from stuurploeg.domain.model import CRITERIA
from stuurploeg.gui.labels import criterion_label, criterion_short
from stuurploeg.gui.ranking.columns import (
    BADGE_FRAGILE,
    BADGE_INCOMPLETE,
    BADGE_LABELS,
    BADGE_PRIORITY,
    BADGE_TIPS,
    BADGES,
    BADGES_ROLE,
    CASE_ID,
    CASE_ID_ROLE,
    COLUMN_COUNT,
    DECISION,
    DECISION_TIP,
    EXPLOITATION,
    FIRST_CRITERION,
    FTE,
    HEADERS,
    LAST_CRITERION,
    NAME,
    NOT_PLANNED_TIP,
    NUMERIC,
    PLAN,
    PLAN_TIP,
    RANK,
    SCORE,
    SPECIALIST,
    STATUS,
    VALUE_ROLE,
    WEEKS,
)
from stuurploeg.gui.ranking.order import RankingFilter, row_order, sort_key
from stuurploeg.gui.ranking.rows import IN_PLAN, OUT_OF_PLAN, RankingRows
from stuurploeg.gui.table_model import TableModel

if TYPE_CHECKING:
    import numpy as np

    from stuurploeg.domain.scoring import RankColumns, Ranking

# Users of the model import its columns, roles and filter from here.
__all__ = [
    "BADGES",
    "BADGES_ROLE",
    "BADGE_FRAGILE",
    "BADGE_INCOMPLETE",
    "BADGE_PRIORITY",
    "CASE_ID",
    "CASE_ID_ROLE",
    "COLUMN_COUNT",
    "DECISION",
    "EXPLOITATION",
    "FIRST_CRITERION",
    "FTE",
    "LAST_CRITERION",
    "NAME",
    "PLAN",
    "RANK",
    "SCORE",
    "SPECIALIST",
    "STATUS",
    "VALUE_ROLE",
    "WEEKS",
    "RankingFilter",
    "RankingModel",
]


@functools.cache
def _grey() -> QBrush:
    """The colour of a plan cell of a case out of the plan, made when first painted: a
    QBrush's first construction makes PySide6 build the enums of QGradient and QImage
    (about 3 ms), which the first window does not need."""
    return QBrush(QColor(128, 128, 128))


_INDEX = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_CASE_ID = int(CASE_ID_ROLE)
_VALUE = int(VALUE_ROLE)
_BADGES = int(BADGES_ROLE)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_HANDLED_ROLES = frozenset(
    {_DISPLAY, _CASE_ID, _VALUE, _BADGES, _ALIGNMENT, _TOOLTIP, _FOREGROUND}
)
# The arrays the texts of the columns other than rank, score and badges are made from,
# and those columns.
_TEXT_COLUMNS = {
    "case_id": (CASE_ID,), "name": (NAME,), "exploitation": (EXPLOITATION,),
    "status": (STATUS,), "plan": (PLAN,), "decision": (DECISION,),
    "criteria": tuple(range(FIRST_CRITERION, LAST_CRITERION + 1)), "fte": (FTE,),
    "weeks": (WEEKS,), "specialist": (SPECIALIST,),
}  # fmt: skip
_BADGE_SOURCES = ("priority", "incomplete", "fragile")  # the arrays the badges show
# Painted by the table itself, one pass for all visible rows (``RankingTable.paintEvent``,
# bars and badges): ``data`` answers their text as for any other column.
PAINTED_BY_TABLE = frozenset({SCORE, BADGES})
# The table also draws the text of every other cell in that pass, from a QStaticText made
# once per cell (``painted_text``): Qt's item delegate lays each text out again (shaping,
# elision) at every repaint, which was most of a repaint. To the delegate, which then
# draws only the cell's background (selection, alternating rows, focus), no cell has text
# (except while ``measuring``).
_LAYOUT_SIGNATURE = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_ROWS_SORTED = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_DELEGATE_ROLES = 7  # how many roles QStyledItemDelegate.initStyleOption asks at once
_UNANSWERED = (0, 3, 4, 6)  # font, check state, decoration, background: their positions
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_OUTDATED = QColor(175, 96, 26)  # the proposal no longer fits the weights or cases
_STATIC_TEXTS = 20_000  # static texts kept by their text (a few MB at most)


def _static(
    text: str, limit: int, metrics: QFontMetrics, elide: Qt.TextElideMode,
    direction: QTextOption | None,
) -> tuple[QStaticText | None, float]:
    """A cell's text as the table paints it, and its width (see ``painted_texts``)."""
    if not text:
        return None, 0.0
    static = _static_text(text, direction)
    width = static.size().width()  # lays it out, once: drawing reuses that layout
    if width > limit:  # the delegate elides where the text is wider than the cell
        static = _static_text(metrics.elidedText(text, elide, limit), direction)
        width = static.size().width()
    return static, width


def _static_text(text: str, direction: QTextOption | None) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    if direction is not None:  # as the delegate: the ellipsis on the left
        static.setTextOption(direction)
    return static


def _differs(before: np.ndarray, after: np.ndarray) -> np.ndarray | None:
    """Per data row, whether two arrays of the same rows differ (NaN equals NaN); None
    when they are not of the same shape."""
    import numpy as np

    if before.shape != after.shape:
        return None
    if before.dtype.kind == "f" and after.dtype.kind == "f":
        differs = ~((before == after) | (np.isnan(before) & np.isnan(after)))
    else:
        differs = np.asarray(before != after, dtype=bool)
        if differs.shape != before.shape:
            return None
    if differs.ndim > 1:
        differs = differs.any(axis=tuple(range(1, differs.ndim)))
    return differs


def _t(text: str) -> str:
    return QCoreApplication.translate("RankingModel", text)


class RankingModel(TableModel):
    """Ranglijst rows over :class:`RankingRows`, with its own numpy sort and filter."""

    order_changed = Signal()  # after a sort or filter changed the visible rows
    move_requested = Signal(str, int)  # case id, target rank: a row dragged in the view

    MIME_TYPE = "application/x-stuurploeg-case-id"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: RankingRows | None = None  # None until the first set_rows
        # view row -> data row (a numpy array once there are rows)
        self._order: np.ndarray | tuple[()] = ()
        self._filter = RankingFilter()
        self._sort_column = RANK
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keys: dict[int, np.ndarray] = {}
        self._index_of: tuple[RankingRows, dict[str, int]] | None = None
        self._source_rows: tuple[tuple[str, ...], dict[str, int], np.ndarray] | None = None
        self._locale = QLocale()
        # What a cell shows, per column: data row -> text, made when first painted and
        # forgotten when the arrays behind that column change (a repaint then only looks
        # them up; a weight change recomputes the few columns it changes, for the rows on
        # screen only).
        self._texts: list[dict[int, str]] = [{} for _ in range(COLUMN_COUNT)]
        self._badge_lists: dict[int, list[tuple[str, str]]] = {}
        # What the table paints, per column: data row -> (width limit, font, static text
        # or None for an empty one, its width); forgotten with ``_texts``.
        self._statics: list[dict[int, tuple[int, str, QStaticText | None, float]]] = [
            {} for _ in range(COLUMN_COUNT)
        ]
        # (text, width limit, font) -> what _static made of it; never stale, as it
        # depends on nothing else; emptied when it holds _STATIC_TEXTS.
        self._static_of: dict[tuple[str, int, str], tuple[QStaticText | None, float]] = {}
        self._measuring = False  # see measuring()
        self._pass_open = False  # within paint_pass()
        self._pass_cleared = False  # ... and its first cell cleared the span
        self._pass_grey = False  # ... and the last cell set the foreground grey
        self._proposal_note = ""  # who made the proposal and when (the Voorstel header's tip)
        # (section, orientation, role) -> what headerData answered: the header asks every
        # visible section for several roles at each of its repaints (every re-sort)
        self._headers: dict[tuple[int, int, int], object] = {}
        self._proposal_outdated = False
        self._header_look_only = False  # see header_look_only

    def set_proposal_state(self, note: str, outdated: bool) -> None:
        """The Voorstel header says who made the proposal; an outdated one is marked."""
        if (note, outdated) != (self._proposal_note, self._proposal_outdated):
            self._proposal_note, self._proposal_outdated = note, outdated
            # Only the Voorstel header's answers change (a weight change outdates the
            # proposal): the header asks the others again at every repaint.
            for key in [k for k in self._headers if k[0] == PLAN]:
                del self._headers[key]
            # Its tooltip and colour only, which size no section: the table need not lay
            # itself out again (see ``header_look_only``).
            self._header_look_only = True
            try:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, PLAN, PLAN)
            finally:
                self._header_look_only = False

    @property
    def header_look_only(self) -> bool:
        """Within a headerDataChanged that changes how a header looks (tooltip, colour),
        not its text: no section's size hint changes."""
        return self._header_look_only

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: RankingRows) -> None:
        """Replace all data (new import, new workspace)."""
        self.beginResetModel()
        self._rows = rows
        self._keys.clear()
        self._locale = QLocale()  # and the language: the texts are made again
        self._forget_texts(range(COLUMN_COUNT))
        self._headers.clear()
        self._order = self._compute_order()
        self.endResetModel()
        self.order_changed.emit()

    @property
    def rows(self) -> RankingRows:
        if self._rows is None:
            self._rows = RankingRows.empty()
        return self._rows

    def total_count(self) -> int:
        """Rows before filtering."""
        return 0 if self._rows is None else len(self._rows)

    def update_decisions(self, decisions: dict[str, str]) -> None:
        """Only the decision column changes: one narrow dataChanged, no reset."""
        if self._rows is None:
            return
        self._rows.decision[:] = [decisions.get(c, "") for c in self._rows.case_id]
        self._keys.pop(DECISION, None)
        self._forget_texts((DECISION,))
        self._column_changed(DECISION)
        if self._sort_column == DECISION:  # the filters do not look at decisions
            self._relayout(self._compute_order())

    def update_ranking(self, rows: RankingRows) -> None:
        """Same cases, new ranks/scores/plan (a weight change): narrow updates, then re-sort.

        Falls back to a reset when the set of cases differs.
        """
        import numpy as np

        old = self._rows
        if old is None or len(rows) != len(old) or not np.array_equal(rows.case_id, old.case_id):
            self.set_rows(rows)
            return
        self._apply_ranking(rows)

    def rerank(
        self,
        ranking: Ranking,
        previous_ranks: Mapping[str, int],
        base: RankingRows | None = None,
    ) -> bool:
        """A weight change or a new plan for the same cases: new ranks, scores and marks
        (and the plan columns of ``base``, rows of the same cases, when given).

        Rewrites those few arrays from ``ranking.columns()`` (no row is rebuilt and no
        ranking entry made), then re-sorts. Returns False, changing nothing, when the
        ranking names a case the table does not have (the caller then rebuilds).
        """
        import numpy as np

        from stuurploeg.domain.scoring import RankMap

        old = self._rows
        if old is None:
            return False
        if base is not None:
            if base.case_id is not old.case_id:
                return False
            old = base
        cols = ranking.columns()
        rows = self._rows_of(cols)
        if rows is None:
            return False
        n = len(old)
        places = np.arange(1, len(rows) + 1, dtype=float)
        rank = np.full(n, np.nan)
        rank[rows] = places
        score = np.full(n, np.nan)
        score[rows] = cols.scores
        before = (
            previous_ranks.ranks_for(cols) if isinstance(previous_ranks, RankMap) else None
        )  # the same list ranked before: one index
        if before is None:
            before = np.array(list(map(previous_ranks.get, cols.case_ids)), dtype=float)
        movement = np.full(n, np.nan)
        movement[rows] = before - places
        flags = []
        for values in (cols.priority, cols.incomplete, cols.fragile):
            flag = np.zeros(n, dtype=bool)
            flag[rows] = values
            flags.append(flag)
        self._apply_ranking(replace(
            old, rank=rank, score=score, movement=movement, priority=flags[0],
            incomplete=flags[1], fragile=flags[2],
        ))  # fmt: skip
        return True

    def _rows_of(self, cols: RankColumns) -> np.ndarray | None:
        """The data row of every ranked case (rank order), None when one is not here. The
        rows of a ranking's source list are kept: the next weight change reuses them."""
        import numpy as np

        index = self._row_index()
        known = self._source_rows
        if cols.order is not None and known is not None and known[0] is cols.source and (
            known[1] is index
        ):
            return known[2][cols.order]
        ids = cols.source if cols.order is not None else cols.case_ids
        try:
            rows = np.array(list(map(index.__getitem__, ids)), dtype=np.intp)
        except KeyError:
            return None
        if cols.order is None:
            return rows
        self._source_rows = (cols.source, index, rows)
        return rows[cols.order]

    def row_index(self) -> dict[str, int]:
        """case id -> data row (the model's own, do not change it)."""
        return self._row_index()

    def _row_index(self) -> dict[str, int]:
        """case id -> data row, made once per set of rows."""
        rows = self._rows
        if self._index_of is None or self._index_of[0] is not rows:
            self._index_of = (rows, {c: i for i, c in enumerate(self.rows.case_id.tolist())})
        return self._index_of[1]

    def _apply_ranking(self, rows: RankingRows) -> None:
        import numpy as np

        known = self._index_of
        old = self._rows
        # A weight change brings new rank, score and badge arrays and shares the others; a
        # new plan also new plan arrays, mostly with the same texts as before (the cells
        # whose text stands keep their static texts); other rows share nothing.
        same_cases = old is not None and rows.case_id is old.case_id
        if old is None or not same_cases:
            self._forget_texts(range(COLUMN_COUNT))
        else:
            for name, columns in _TEXT_COLUMNS.items():
                before, after = getattr(old, name), getattr(rows, name)
                if before is not after:
                    self._forget_rows(columns, _differs(before, after))
        if old is None or not same_cases:
            pass
        elif all(
            np.array_equal(getattr(rows, name), getattr(old, name)) for name in _BADGE_SOURCES
        ):  # the marks stand (a weight change rarely moves one): so do the badges
            self._forget_texts((RANK, SCORE))
        else:
            self._forget_texts((RANK, SCORE, BADGES))
        self._rows = rows
        if known is not None and known[0].case_id is rows.case_id:
            self._index_of = (rows, known[1])  # the same cases: the index still holds
        self._keys.clear()
        order = self._compute_order()
        same_order = (
            old is not None and old.case_id is rows.case_id
            and isinstance(self._order, np.ndarray) and np.array_equal(order, self._order)
        )  # fmt: skip
        if same_order and old is not None:
            # The same rows in the same order (a new plan for the ranking on screen): only
            # the cells that differ are repainted, not the whole table.
            self._cells_changed(old, rows)
            return
        for column in (RANK, SCORE, PLAN, BADGES):
            self._column_changed(column)
        self._relayout(order)

    def _cells_changed(self, old: RankingRows, new: RankingRows) -> None:
        """dataChanged for the runs of view rows whose rank, score, plan or badges differ."""
        import numpy as np

        def floats(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            return ~((a == b) | (np.isnan(a) & np.isnan(b)))

        changed = {
            RANK: floats(old.rank, new.rank) | floats(old.movement, new.movement),
            SCORE: floats(old.score, new.score),
            PLAN: (old.plan != new.plan) | (old.in_plan != new.in_plan)
            | (old.plan_reason != new.plan_reason),
            BADGES: (old.priority != new.priority) | (old.incomplete != new.incomplete)
            | (old.fragile != new.fragile),
        }  # fmt: skip
        inverse = np.full(self.total_count(), -1, dtype=np.intp)
        inverse[self._order] = np.arange(len(self._order))
        for column, rows in changed.items():
            view_rows = np.sort(inverse[np.flatnonzero(rows)])
            view_rows = view_rows[view_rows >= 0]
            if not len(view_rows):
                continue
            breaks = np.flatnonzero(np.diff(view_rows) > 1)
            starts = np.concatenate(([view_rows[0]], view_rows[breaks + 1]))
            ends = np.concatenate((view_rows[breaks], [view_rows[-1]]))
            for first, last in zip(starts.tolist(), ends.tolist(), strict=True):
                self.dataChanged.emit(self.index(first, column), self.index(last, column))

    def _forget_rows(self, columns: Iterable[int], changed: np.ndarray | None) -> None:
        """Forget the texts of the data rows ``changed`` marks (None: of every row)."""
        import numpy as np

        rows = None if changed is None else np.flatnonzero(changed)
        if rows is None or len(rows) > len(changed) // 4:  # type: ignore[arg-type]
            self._forget_texts(columns)
            return
        for column in columns:
            texts, statics = self._texts[column], self._statics[column]
            for row in rows.tolist():
                texts.pop(row, None)
                statics.pop(row, None)

    def _forget_texts(self, columns: Iterable[int]) -> None:
        for column in columns:
            self._texts[column].clear()
            self._statics[column].clear()
        if BADGES in columns:
            self._badge_lists.clear()

    def _column_changed(self, column: int) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    # -- sort and filter -----------------------------------------------------------------
    def set_filter(self, spec: RankingFilter) -> None:
        if spec == self._filter:
            return
        self._filter = spec
        if self._rows is None:
            return
        # Rows come and go: a reset is the honest signal; the view restores the selection
        # by CASE_ID_ROLE.
        self.beginResetModel()
        self._order = self._compute_order()
        self.endResetModel()
        self.order_changed.emit()

    @property
    def filter(self) -> RankingFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        if self._rows is None:
            return  # nothing to sort yet; set_rows applies the order
        self._relayout(self._compute_order())

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def sort_key(self, column: int) -> np.ndarray:
        """A float key per data row for ``column``; NaN sorts last in both directions."""
        key = self._keys.get(column)
        if key is None:
            key = sort_key(self.rows, column)
            self._keys[column] = key
        return key

    def _compute_order(self) -> np.ndarray:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return row_order(self.rows, self.sort_key(self._sort_column), descending, self._filter)

    def _relayout(self, new_order: np.ndarray) -> None:
        """Apply a new row order, moving persistent indexes (selection) with their rows."""
        import numpy as np

        if len(new_order) != len(self._order):
            self.beginResetModel()
            self._order = new_order
            self.endResetModel()
            self.order_changed.emit()
            return
        # Rows only change places: with the vertical-sort hint the column header keeps its
        # sections as they are (without it, it records and restores one persistent index
        # per sized column around every re-sort, and those are moved below as well).
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_SORTED)
        old = self.persistentIndexList()
        data_rows = self._order[[i.row() for i in old]] if old else np.zeros(0, np.intp)
        inverse = np.full(self.total_count(), -1, dtype=np.intp)
        inverse[new_order] = np.arange(len(new_order))
        self._order = new_order
        new = [
            self.index(int(inverse[d]), i.column()) if inverse[d] >= 0 else QModelIndex()
            for d, i in zip(data_rows, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_SORTED)
        self.order_changed.emit()

    # -- lookups -------------------------------------------------------------------------
    def data_row(self, view_row: int) -> int:
        return int(self._order[view_row])

    def case_id_at(self, view_row: int) -> str:
        return str(self._rows.case_id[self._order[view_row]])

    def row_of(self, case_id: str) -> int | None:
        """View row of a case, or None when filtered out or unknown."""
        import numpy as np

        if self._rows is None:
            return None
        hits = np.flatnonzero(self._rows.case_id[self._order] == case_id)
        return int(hits[0]) if len(hits) else None

    def visible_case_ids(self) -> list[str]:
        if self._rows is None:
            return []
        return [str(c) for c in self._rows.case_id[self._order]]

    # -- drag a row to another place (Positie aanpassen) -------------------------------
    # Combined once: a repaint asks every visible cell, and each enum "|" is a Python call.
    _CELL_FLAGS = (
        Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsDragEnabled
        | Qt.ItemFlag.ItemIsDropEnabled
    )  # fmt: skip
    _OUTSIDE_FLAGS = Qt.ItemFlag.ItemIsDropEnabled

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return self._CELL_FLAGS if index.isValid() else self._OUTSIDE_FLAGS

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(self.MIME_TYPE, QByteArray(self.case_id_at(indexes[0].row()).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex
    ) -> bool:
        """Never moves rows itself: asks for an override (with motivation) instead."""
        if not data.hasFormat(self.MIME_TYPE):
            return False
        target_row = parent.row() if parent.isValid() else row
        if target_row < 0 or target_row >= self.rowCount():
            return False
        rank = self._rows.rank[self._order[target_row]]
        if math.isnan(rank):
            return False
        case_id = bytes(data.data(self.MIME_TYPE).data()).decode()
        self.move_requested.emit(case_id, int(rank))
        return False  # the view must not delete the dragged row

    # -- what the table shows (TableModel) ---------------------------------------------
    def row_count(self) -> int:
        return len(self._order)

    def column_count(self) -> int:
        return COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> object:
        key = (section, int(orientation.value), int(role))
        try:
            return self._headers[key]
        except KeyError:
            answer = self._headers[key] = super().headerData(section, orientation, role)
            return answer

    def header(self, section: int, role: int) -> object:
        criterion = (
            CRITERIA[section - FIRST_CRITERION]
            if FIRST_CRITERION <= section <= LAST_CRITERION
            else None
        )
        if role == Qt.ItemDataRole.DisplayRole:
            if criterion is not None:
                return criterion_short(criterion)
            return _t(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            return criterion_label(criterion)
        if section == PLAN:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._proposal_note or None
            if role == Qt.ItemDataRole.ForegroundRole and self._proposal_outdated:
                return QBrush(_OUTDATED)
        return None

    def cell(self, view_row: int, column: int, role: int) -> object:
        # A repaint asks every visible cell for about ten roles; most of them are answered
        # with nothing, so that answer comes first, without touching the arrays.
        if role not in _HANDLED_ROLES:
            return None
        return self._answer(int(self._order[view_row]), column, role)

    # A painted cell costs the C++ -> Python calls more than the answers: Qt's index()
    # asks rowCount and columnCount for every cell, so these skip TableModel's hooks.
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _INDEX
    ) -> QModelIndex:
        """QAbstractTableModel.index in one call: Qt's asks rowCount and columnCount, two
        calls into Python, for every cell a repaint paints."""
        if 0 <= row < len(self._order) and 0 <= column < COLUMN_COUNT and (
            not parent.isValid()
        ):
            return self.createIndex(row, column)
        return QModelIndex()

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan
    ) -> None:
        """The seven roles a delegate asks of a painted cell, in one call (see
        :meth:`TableModel.multiData`)."""
        if not index.isValid():
            return
        span = roleDataSpan
        if self._pass_cleared and not self._measuring:
            # Within one paint pass of the table (see paint_pass), after its first cell:
            # the same delegate's span, in which this pass cleared every role and since
            # set only the foreground. Only the foreground can differ from the last cell.
            grey = index.column() == PLAN and bool(
                self._rows.in_plan[self._order[index.row()]] == OUT_OF_PLAN
            )
            if grey is not self._pass_grey:
                if grey:
                    span[2].setData(_grey())
                else:
                    span[2].clearData()
                self._pass_grey = grey
            return
        # QStyledItemDelegate asks font, alignment, foreground, check state, decoration,
        # display and background, in that order; while painting, the Ranglijst answers
        # only the foreground (the table paints the texts). Reaching the seven by
        # position, when they are there, costs less than walking them (each step makes a
        # wrapper and reads a role). The delegate keeps the same seven from cell to cell,
        # so every role is set or cleared, never left as it was.
        if len(span) == _DELEGATE_ROLES and not self._measuring:
            foreground = span[2]
            if (
                foreground.role() == _FOREGROUND
                and span[5].role() == _DISPLAY
                and span[1].role() == _ALIGNMENT
            ):
                for role_data in span:
                    role_data.clearData()
                grey = index.column() == PLAN and bool(
                    self._rows.in_plan[self._order[index.row()]] == OUT_OF_PLAN
                )
                if grey:
                    foreground.setData(_grey())
                if self._pass_open:  # the pass's first cell: the rest need only the colour
                    self._pass_cleared, self._pass_grey = True, grey
                return
        row, column = int(self._order[index.row()]), index.column()
        if len(span) == _DELEGATE_ROLES:
            display, alignment, foreground = span[5], span[1], span[2]
            if (
                display.role() == _DISPLAY
                and alignment.role() == _ALIGNMENT
                and foreground.role() == _FOREGROUND
            ):  # measuring: the texts too
                for other in _UNANSWERED:
                    span[other].clearData()
                display.setData(self._text(row, column))
                if column in NUMERIC:
                    alignment.setData(_RIGHT)
                else:
                    alignment.clearData()
                if column == PLAN and self._rows.in_plan[row] == OUT_OF_PLAN:
                    foreground.setData(_grey())
                else:
                    foreground.clearData()
                return
        for role_data in span:
            role = role_data.role()
            value = self._answer(row, column, role) if role in _HANDLED_ROLES else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    @contextmanager
    def paint_pass(self) -> Iterator[None]:
        """One paint of one table whose cells all have that table's own item delegate
        (QStyledItemDelegate hands its one span of roles from cell to cell): the first
        cell clears every role of the span, later cells set or clear only the foreground,
        the one role that differs from cell to cell while painting (about a fifth of a
        repaint was clearing roles nobody set)."""
        self._pass_open, self._pass_cleared = True, False
        try:
            yield
        finally:
            self._pass_open = self._pass_cleared = False

    @contextmanager
    def measuring(self) -> Iterator[None]:
        """Within it the delegate gets the text of the columns the table paints itself,
        so it measures them as wide as they are (a column fitted to its contents)."""
        self._measuring = True
        try:
            yield
        finally:
            self._measuring = False

    @property
    def is_measuring(self) -> bool:
        """Within measuring(): the delegate gets (and so draws) every cell's text."""
        return self._measuring

    def score_cell(self, view_row: int) -> tuple[str, float | None]:
        """The score text of a visible row and the value its bar shows (None: no bar)."""
        row = int(self._order[view_row])
        value = self._rows.score[row]
        return self._text(row, SCORE), None if math.isnan(value) else float(value)

    def painted_texts(
        self, view_rows: list[int], column: int, limit: int, metrics: QFontMetrics, font: str,
        elide: Qt.TextElideMode, direction: QTextOption | None,
    ) -> list[tuple[QStaticText | None, float]]:
        """The texts of visible cells of ``column`` as the table paints them: elided to
        ``limit`` pixels as an item delegate elides them, as static texts laid out once
        (None when empty), with their widths. ``font`` is the key of the font of
        ``metrics`` (and anything else the texts depend on, such as the direction);
        ``direction`` an option with the right-to-left direction, None left to right."""
        statics = self._statics[column]
        order = self._order
        shown = []
        for row in order[view_rows].tolist() if len(view_rows) else ():
            known = statics.get(row)
            if known is None or known[0] != limit or known[1] != font:
                text = self._text(row, column)
                # The same text looks the same in any row: a weight change gives every
                # visible row a new rank and score text, mostly ones shown before.
                key = (text, limit, font)
                made = self._static_of.get(key)
                if made is None:
                    if len(self._static_of) >= _STATIC_TEXTS:
                        self._static_of.clear()
                    made = self._static_of[key] = _static(text, limit, metrics, elide,
                                                          direction)  # fmt: skip
                known = statics[row] = (limit, font, *made)
            shown.append((known[2], known[3]))
        return shown

    def score_values(self, view_rows: list[int]) -> list[float | None]:
        """The values the score bars of visible rows show (None: no bar)."""
        if not len(view_rows):
            return []
        values = self._rows.score[self._order[view_rows]].tolist()
        return [None if math.isnan(v) else v for v in values]

    def grey_rows(self, view_rows: list[int], column: int) -> list[bool]:
        """Whether each visible cell's text is grey (the plan of a case out of the plan)."""
        if column != PLAN or not len(view_rows):
            return [False] * len(view_rows)
        return (self._rows.in_plan[self._order[view_rows]] == OUT_OF_PLAN).tolist()

    def badges_of(self, view_rows: list[int]) -> list[list[tuple[str, str]]]:
        """The (badge key, label) pairs of visible rows (the model's own: do not change)."""
        if not len(view_rows):
            return []
        known = self._badge_lists
        shown = []
        for row in self._order[view_rows].tolist():
            badges = known.get(row)
            if badges is None:
                self._badges(row)
                badges = known[row]
            shown.append(badges)
        return shown

    def badges_at(self, view_row: int) -> list[tuple[str, str]]:
        """The (badge key, label) pairs of a visible row."""
        return self._badges(int(self._order[view_row]))

    def _text(self, row: int, column: int) -> str:
        """The display text of a cell of data row ``row``, made once (see ``_texts``)."""
        texts = self._texts[column]
        text = texts.get(row)
        if text is None:
            text = texts[row] = self._display(row, column)
        return text

    def _answer(self, row: int, column: int, role: int) -> object:
        """What data row ``row`` shows in ``column`` for a role of ``_HANDLED_ROLES``."""
        r = self._rows
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column in NUMERIC else None
        if role == _FOREGROUND:
            return _grey() if column == PLAN and r.in_plan[row] == OUT_OF_PLAN else None
        if role == _CASE_ID:
            return str(r.case_id[row])
        if role == _VALUE:
            key = self.sort_key(column) if column in NUMERIC else None
            if key is None or math.isnan(key[row]):
                return None
            return float(key[row])
        if role == _BADGES:
            return self._badges(row) if column == BADGES else None
        return self._tooltip(row, column)  # _TOOLTIP

    def _tooltip(self, row: int, column: int) -> str | None:
        r = self._rows
        if column == PLAN:
            if r.plan_reason[row]:
                return str(r.plan_reason[row])
            if r.in_plan[row] == IN_PLAN:
                return _t(PLAN_TIP).replace("%1", self._display(row, column))
            return _t(NOT_PLANNED_TIP) if r.in_plan[row] == OUT_OF_PLAN else None
        if column == NAME:
            return str(r.name[row])
        if column == BADGES:
            return "\n".join(_t(BADGE_TIPS[key]) for key, _ in self._badges(row)) or None
        if column == DECISION and r.decision[row]:
            return _t(DECISION_TIP)
        return None

    def _number(self, value: float, decimals: int = 0) -> str:
        if math.isnan(value):
            return "—"
        return self._locale.toString(float(value), "f", decimals)

    def _display(self, row: int, column: int) -> str:
        r = self._rows
        if column == RANK:
            if math.isnan(r.rank[row]):
                return ""
            text = str(int(r.rank[row]))
            move = r.movement[row]
            if not math.isnan(move) and move != 0:
                text += f" {'↑' if move > 0 else '↓'}{abs(int(move))}"
            return text
        if column == CASE_ID:
            return str(r.case_id[row])
        if column == NAME:
            return str(r.name[row])
        if column == EXPLOITATION:
            return str(r.exploitation[row])
        if column == STATUS:
            return str(r.status[row])
        if column == SCORE:
            return self._number(r.score[row], 1)
        if FIRST_CRITERION <= column <= LAST_CRITERION:
            return self._number(r.criteria[row, column - FIRST_CRITERION])
        if column == FTE:
            return self._number(r.fte[row], 1)
        if column == WEEKS:
            return self._number(r.weeks[row])
        if column == SPECIALIST:
            return "" if math.isnan(r.specialist[row]) else self._number(r.specialist[row], 1)
        if column == PLAN:
            return str(r.plan[row])
        if column == DECISION:
            return str(r.decision[row])
        if column == BADGES:
            return " ".join(label for _, label in self._badges(row))
        return ""

    def _badges(self, row: int) -> list[tuple[str, str]]:
        known = self._badge_lists.get(row)
        if known is None:
            r = self._rows
            known = self._badge_lists[row] = [
                (key, _t(BADGE_LABELS[key]))
                for key, on in (
                    (BADGE_PRIORITY, r.priority[row]),
                    (BADGE_INCOMPLETE, r.incomplete[row]),
                    (BADGE_FRAGILE, r.fragile[row]),
                )
                if on
            ]
        return list(known)  # the caller's own: the cached one stays as made
