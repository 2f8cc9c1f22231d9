"""The Ranglijst: search box, filters and the table over :class:`RankingModel`."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QItemSelectionModel,
    QLineF,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QDrag,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRegion,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
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
from stuurploeg.gui.controller import Proposal, WorkspaceController, describe_proposal
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.delegates import Badges, paint_score
from stuurploeg.gui.ranking_rows import RankingRows, build_rows, with_plan
from stuurploeg.gui.widgets import own_viewport, refill_combo

ALL = "__all__"
_WHOLE = 1 << 30  # a width limit no text reaches
_GREY = QColor(128, 128, 128)  # the model's grey: the plan of a case out of the plan


class RankingTable(QTableView):
    """The table itself; keeps the selection by case id when the model resets."""

    def __init__(self, model: rm.RankingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self._rows_before = -1  # the row count before a re-sort, -1 outside one
        self._resorting = False  # see _after_resort
        self._laid_out: tuple[object, ...] = ()  # _geometry_inputs at the last layout
        self._delegate_rows: set[int] = set()  # rows given a delegate of their own
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
        self._kept: list[str] = []
        self._badges = Badges()
        # Tab leaves the table (to the decision form), it never walks its cells.
        self.setTabKeyNavigation(False)
        self._typed = ""
        self._typed_at = QElapsedTimer()
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        # A re-sort (every weight change) lays the rows out at once, not from a zero
        # timer after the repaint the change already asked for: that layout asks for a
        # second repaint of the whole table (one frame instead of two per slider step).
        model.headerDataChanged.connect(self._forget_layout)
        model.layoutAboutToBeChanged.connect(self._before_resort)
        model.layoutChanged.connect(self._after_resort)
        self.apply_widths()

    def _forget_layout(self) -> None:
        # The Voorstel header marked outdated at each first weight change after a plan:
        # its colour sizes nothing, and a full layout of the table raises the scroll
        # bars, which repaints every widget behind them.
        if not getattr(self.model(), "header_look_only", False):
            self._laid_out = ()

    def _before_resort(self) -> None:
        self._rows_before = self.model().rowCount()

    def _after_resort(self) -> None:
        # Rows that only changed places leave every geometry as it was (row count, header,
        # scroll ranges), and Qt's updateGeometries raises the scroll bars, which repaints
        # them and every widget behind them (about a sixth of a weight change's frame).
        # Skipped only when what it lays out is what it last laid out (a reset's layout
        # may still be pending).
        self._resorting = self._rows_before == self.model().rowCount() and (
            self._geometry_inputs() == self._laid_out
        )
        try:
            self.executeDelayedItemsLayout()
        finally:
            self._resorting = False
            self._rows_before = -1

    def _geometry_inputs(self) -> tuple[object, ...]:
        """What QTableView.updateGeometries lays out from. The headers' size hints too,
        which depend on their texts, font and style: a change of those lays the table out
        (geometriesChanged), and new header texts forget the last layout (asking the size
        hint here would ask the model for every header section on every re-sort)."""
        model, rows, columns = self.model(), self.verticalHeader(), self.horizontalHeader()
        if model is None:
            return ()
        return (
            model.rowCount(), model.columnCount(), self.size(),
            self.viewport().size(), rows.length(), columns.length(), rows.isHidden(),
            columns.isHidden(), None if rows.isHidden() else rows.width(),
            None if columns.isHidden() else columns.height(), self.isRightToLeft(),
            self.horizontalScrollBar().isVisible(), self.verticalScrollBar().isVisible(),
        )  # fmt: skip

    def updateGeometries(self) -> None:
        if self._resorting:
            return
        super().updateGeometries()
        self._laid_out = self._geometry_inputs()

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

    def paintEvent(self, event: QPaintEvent) -> None:
        """The cells' backgrounds (no text; see ``_paint_backgrounds``), then the texts,
        bars and badges of the visible rows in one pass (see ``rm.PAINTED_BY_TABLE``)."""
        model: rm.RankingModel = self.model()  # type: ignore[assignment]
        one_delegate = self._one_delegate()
        area = event.rect()
        first = self.rowAt(area.top()) if model.rowCount() else -1
        if first < 0:  # no rows, or below the last row
            self._qt_paint(event, one_delegate)
            return
        last = self.rowAt(area.bottom())
        last = model.rowCount() - 1 if last < 0 else last
        grid = 1 if self.showGrid() else 0
        right_to_left = self.isRightToLeft()
        shift = grid if right_to_left else 0  # where QTableView puts the cell then
        painted = []
        for column in range(model.columnCount()):
            x, width = self.columnViewportPosition(column), self.columnWidth(column)
            if width > 0 and not self.isColumnHidden(column) and (
                x <= area.right() and x + width > area.left()
            ):
                painted.append((column, x + shift, width - grid))
        rows = [
            (row, self.rowViewportPosition(row), self.rowHeight(row) - grid)
            for row in range(first, last + 1)
            if not self.isRowHidden(row)
        ]
        if not painted or not one_delegate or model.is_measuring or (
            self.verticalHeader().sectionsHidden()  # Qt's alternation counts shown rows
        ):
            self._qt_paint(event, one_delegate)
            if not painted:
                return
        else:
            self._paint_backgrounds(event, rows, painted, grid)
        # The colours an item delegate would get: the view's palette, in the group
        # QTableView gives an enabled cell.
        palette = self.palette()
        if self.isEnabled():
            palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
        text = palette.color(QPalette.ColorRole.Text)
        chosen = palette.color(QPalette.ColorRole.HighlightedText)
        selection = self.selectionModel()
        metrics = self.fontMetrics()
        font = self.font().key()
        elide = self.textElideMode()
        direction = None
        if right_to_left:
            direction = QTextOption()
            direction.setTextDirection(Qt.LayoutDirection.RightToLeft)
            font += "/rtl"
        # As QCommonStyle lays out an item's text: inside a margin on either side,
        # centred vertically on the line's height; numbers to the right.
        # Imported here: PySide6 builds QStyle's 14 enums (about 1,000 members, 8-25 ms)
        # when the class is first named, and the empty first window paints no row.
        from PySide6.QtWidgets import QStyle

        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        line = metrics.height()
        view_rows = [row for row, _, _ in rows]
        painter = QPainter(self.viewport())
        pen = None
        for column, x, width in painted:
            selected = _selected_rows(selection, column)
            if column == rm.SCORE:
                # drawn in full, as drawText draws it (never elided)
                texts = model.painted_texts(view_rows, column, _WHOLE, metrics, font, elide,
                                            direction)  # fmt: skip
                values = model.score_values(view_rows)
                for (row, y, height), (static, advance), value in zip(
                    rows, texts, values, strict=True
                ):
                    colour = chosen if row in selected else text
                    cell = QRect(x, y, width, height)
                    paint_score(painter, cell, value, static, advance, line, colour)
                pen = None
                continue
            if column == rm.BADGES:
                cells = [(QRect(x, y, width, height), badges)
                         for (_, y, height), badges in zip(rows, model.badges_of(view_rows),
                                                           strict=True)
                         if badges]  # fmt: skip
                self._badges.paint_cells(painter, cells, metrics, font)
                continue
            limit = width - 2 * margin
            if limit <= 0:
                continue
            # right-aligned text (numbers; every text right to left) ends at the margin
            at_right = (column in rm.NUMERIC) != right_to_left
            left = x + margin
            greys = model.grey_rows(view_rows, column)
            texts = model.painted_texts(view_rows, column, limit, metrics, font, elide, direction)
            for (row, y, height), (static, advance), grey in zip(rows, texts, greys, strict=True):
                if static is None:
                    continue
                colour = chosen if row in selected else _GREY if grey else text
                if colour is not pen:
                    painter.setPen(colour)
                    pen = colour
                tx = left + limit - advance if at_right else left
                painter.drawStaticText(QPointF(tx, y + (height - 1) // 2 - line / 2), static)
        painter.end()

    def _qt_paint(self, event: QPaintEvent, one_delegate: bool) -> None:
        """QTableView's own paint of ``event``'s cells (backgrounds, grid, drop marker)."""
        if one_delegate:
            with self.model().paint_pass():  # type: ignore[attr-defined]
                super().paintEvent(event)
        else:
            super().paintEvent(event)

    def _paint_backgrounds(
        self, event: QPaintEvent, rows: list[tuple[int, int, int]],
        painted: list[tuple[int, int, int]], grid: int,
    ) -> None:
        """The cells' backgrounds as QTableView paints them, its per-cell work only for
        the rows where it draws more than the row's background (selected, current,
        under the mouse): for each cell it calls into Python four times (index, flags,
        the delegate's roles), about half of a repaint of the Ranglijst. Every other
        cell gets what the style draws for it, the row panel (the alternating colour),
        and the grid Qt would draw over it."""
        if grid and self.gridStyle() != Qt.PenStyle.SolidLine:
            # dashes start where Qt's lines start, at the top of its region
            self._qt_paint(event, True)
            return
        selection = self.selectionModel()
        special: set[int] = set()
        for part in selection.selection():
            special.update(range(part.top(), part.bottom() + 1))
        current = self.currentIndex()
        if current.isValid() and (self.hasFocus() or self.viewport().hasFocus()):
            special.add(current.row())
        viewport = self.viewport()
        if viewport.underMouse():  # a style may draw the hovered cell
            special.add(self.rowAt(viewport.mapFromGlobal(QCursor.pos()).y()))
        plain = [r for r in rows if r[0] not in special]
        if plain:
            from PySide6.QtWidgets import QStyle, QStyleOptionViewItem  # see paintEvent

            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            if option.state & QStyle.StateFlag.State_Enabled:  # as QTableView's drawCell
                option.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
            style = self.style()
            panel = QStyle.PrimitiveElement.PE_PanelItemViewRow
            alternate = self.alternatingRowColors()
            hint = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
            pen = QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, self.gridStyle())
            # One panel across the row where the grid lines, drawn over it, hide what it
            # paints in the gaps between the cells as they hide the viewport's own colour.
            whole = not grid or pen.color().alpha() == 255
            spans = painted
            if whole:
                left = min(x for _, x, _ in painted)
                spans = [(0, left, max(x + w for _, x, w in painted) - left)]
            painter = QPainter(viewport)
            for row, y, height in plain:
                if alternate:  # the rows' own parity: no row is hidden here
                    if row & 1:
                        option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
                    else:
                        option.features &= ~QStyleOptionViewItem.ViewItemFeature.Alternate
                for _, x, width in spans:
                    option.rect = QRect(x, y, width, height)
                    style.drawPrimitive(panel, option, painter, self)
            if grid:
                self._paint_grid(painter, pen, event.rect(), plain, painted)
            painter.end()
        region = QRegion()
        width = viewport.width()
        for row, y, height in rows:
            if row in special:
                region += QRect(0, y, width, height + grid)
        self._qt_paint(QPaintEvent(region & event.region()), True)

    def _paint_grid(
        self, painter: QPainter, pen: QPen, area: QRect, rows: list[tuple[int, int, int]],
        painted: list[tuple[int, int, int]],
    ) -> None:
        """QTableView's grid lines over ``rows``: a line under each, one right of each
        column (left of it right to left), within the table's width."""
        painter.setPen(pen)
        columns = self.horizontalHeader()
        right_to_left = self.isRightToLeft()
        if right_to_left:
            left = max(area.left(), self.viewport().width() - (columns.length() - columns.offset()))
            right = area.right()
        else:
            left, right = area.left(), min(area.right(), columns.length() - columns.offset() - 1)
        xs = [self.columnViewportPosition(c) + (0.5 if right_to_left else self.columnWidth(c) - 0.5)
              for c, _, _ in painted]  # fmt: skip
        lines = []
        # the columns' lines over each run of adjacent rows, in one piece as Qt draws them
        # over its region (a pixel drawn twice would darken a translucent grid colour)
        run_top, run_bottom = None, None
        for _, y, height in rows:
            lines.append(QLineF(left + 0.5, y + height + 0.5, right + 0.5, y + height + 0.5))
            if run_bottom is not None and y == run_bottom + 1:
                run_bottom = y + height
                continue
            if run_top is not None:
                lines.extend(QLineF(x, run_top + 0.5, x, run_bottom + 0.5) for x in xs)
            run_top, run_bottom = y, y + height
        if run_top is not None:
            lines.extend(QLineF(x, run_top + 0.5, x, run_bottom + 0.5) for x in xs)
        painter.drawLines(lines)

    def _one_delegate(self) -> bool:
        """Whether every cell is painted by the table's own item delegate."""
        model = self.model()
        return not any(self.itemDelegateForColumn(c) for c in range(model.columnCount())) and (
            not any(self.itemDelegateForRow(r) for r in self._delegate_rows)
        )

    def setItemDelegateForRow(self, row: int, delegate: QAbstractItemDelegate) -> None:
        self._delegate_rows.add(row)
        super().setItemDelegateForRow(row, delegate)

    def sizeHintForColumn(self, column: int) -> int:
        """Fitting a column to its contents measures the score and badge texts too."""
        model: rm.RankingModel = self.model()  # type: ignore[assignment]
        with model.measuring():
            return super().sizeHintForColumn(column)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the selected row with its picture as the table paints it: Qt's own drag
        draws the row with the delegate alone, which gets no text (see paintEvent)."""
        indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        picture, corner = self.drag_picture(indexes)
        drag.setPixmap(picture)
        drag.setHotSpot(self.viewport().mapFromGlobal(QCursor.pos()) - corner)
        # The model never moves or removes rows itself: a drop asks for a position.
        drag.exec(supportedActions, self.defaultDropAction())

    def drag_picture(self, indexes: list[QModelIndex]) -> tuple[QPixmap, QPoint]:
        """What the visible part of the dragged cells looks like, and its top left."""
        area = QRect()
        for index in indexes:
            area = area.united(self.visualRect(index))
        area = area.intersected(self.viewport().rect())
        return self.viewport().grab(area), area.topLeft()

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

    # -- keyboard ------------------------------------------------------------------------
    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home/End (with or without Ctrl) go to the first/last row, never sideways: the
        case number and name stay in view."""
        model = self.model()
        rows = model.rowCount()
        if rows == 0:
            return super().moveCursor(action, modifiers)
        column = max(self.currentIndex().column(), rm.NAME)
        cursor = QAbstractItemView.CursorAction
        if action in (cursor.MoveHome, cursor.MoveEnd):
            row = 0 if action is cursor.MoveHome else rows - 1
            return model.index(row, column)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Nothing selected yet (just opened): the first ↓ or ↑ selects rank 1; Qt would
        # move on from its unseen current row and skip it.
        navigation = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        model: rm.RankingModel = self.model()  # type: ignore[assignment]
        if (
            event.key() in navigation
            and not self.selectionModel().hasSelection()
            and model.rowCount()
        ):
            self.select_case(model.case_id_at(0))
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typing in the table jumps: digits to that rank (Plaats), anything else to the
        first case whose number starts with (else contains) what was typed."""
        if not self._typed_at.isValid() or (
            self._typed_at.elapsed() > QApplication.keyboardInputInterval()
        ):
            self._typed = ""
        self._typed += search
        self._typed_at.start()
        case_id = self.find_case(self._typed)
        if case_id:
            self.select_case(case_id)

    def find_case(self, typed: str) -> str:
        """The case ``typed`` points at (a rank or part of a case number); "" for none."""
        model: rm.RankingModel = self.model()  # type: ignore[assignment]
        rows = model.rows
        text = typed.strip().casefold()
        if not text or len(rows) == 0:
            return ""
        if text.isdigit():
            hits = [i for i, r in enumerate(rows.rank) if r == int(text)]
            if hits and model.row_of(str(rows.case_id[hits[0]])) is not None:
                return str(rows.case_id[hits[0]])
        visible = [model.case_id_at(r) for r in range(model.rowCount())]
        for match in (str.startswith, str.__contains__):
            for case_id in visible:
                if match(case_id.casefold(), text):
                    return case_id
        return ""

    def _remember_selection(self) -> None:
        self._kept = [i.data(rm.CASE_ID_ROLE) for i in self.selectionModel().selectedRows()]

    def _restore_selection(self) -> None:
        for case_id in self._kept:
            self.select_case(case_id)


class RankingView(QWidget):
    """Central view: filters above the table; follows and drives the selected case."""

    case_activated = Signal(str)  # double-click / Enter: open the decision flow

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = rm.RankingModel(self)
        self._rows_proposal: Proposal | None = None  # the proposal the plan column shows
        self._rows_cases: object = None  # the cases the table's rows are
        self._rows_capacity: object = None  # the capacity the team filter lists
        self._rows_ranking: object = None  # the ranking the rows show
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
        # Enter in the search box: the first match is selected and the table has the keys
        # (caught before the line edit, so the same Enter does not also open the form).
        self.search.installEventFilter(self)
        QWidget.setTabOrder(self.search, self.table)
        for combo in (self.form_filter, self.status_filter, self.team_filter, self.plan_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._activate())
        self.model.order_changed.connect(self._update_count)
        controller.cases_changed.connect(self.reload)
        # A new proposal comes with its ranking (fragile marks): ranking_changed covers both.
        controller.ranking_changed.connect(self.refresh_ranking)
        controller.proposal_changed.connect(self._proposal_changed)
        controller.decisions_changed.connect(self._decisions_changed)
        controller.selection_changed.connect(self._follow_selection)
        self._update_count()

    def _combo(self, all_label: str, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(all_label, ALL)
        for value in values:
            combo.addItem(value, value)
        return combo

    # -- data ----------------------------------------------------------------------------
    def _rows(self) -> RankingRows:
        c = self.controller
        proposal = c.proposal
        return build_rows(
            c.cases,
            c.ranking,
            None if proposal is None else proposal.result.assignments,
            () if proposal is None else proposal.result.unplanned,
            c.decision_labels(),
            c.previous_ranks,
        )

    def reload(self) -> None:
        c = self.controller
        if c.cases is self._rows_cases and c.capacity is self._rows_capacity and (
            _result(c.proposal) is _result(self._rows_proposal)
        ):
            return  # the same lists imported again: the rows stand (ranking_changed follows)
        prepared = c.prepared_rows
        self._rows_proposal = c.proposal
        self._rows_cases = c.cases
        self._rows_capacity = c.capacity
        self._rows_ranking = c.ranking
        # Rows the merge's worker built, else built here.
        if prepared is not None and prepared.rows is not None:
            self.model.set_rows(prepared.rows)
        else:
            self.model.set_rows(self._rows())
        teams = sorted({str(t) for t in self.model.rows.team if t})
        capacity = self.controller.capacity
        if capacity is not None:
            teams = [t.team for t in capacity.teams] + [
                t for t in teams if capacity.team(t) is None
            ]
        everything = (self.team_filter.itemText(0), self.team_filter.itemData(0))
        refill_combo(self.team_filter, [everything, *((t, t) for t in teams)])
        self.apply_filter()

    def refresh_ranking(self) -> None:
        c = self.controller
        same_plan = _result(c.proposal) is _result(self._rows_proposal)
        if c.ranking is self._rows_ranking and c.cases is self._rows_cases and same_plan:
            self._rows_proposal = c.proposal
            return  # rows built with this very ranking (an import's, from its worker)
        self._rows_ranking = c.ranking
        # The same cases (a weight change, a new plan): only the ranking's columns and,
        # for a new plan, the plan columns are rewritten; no row is rebuilt.
        prepared = c.prepared_rows
        if prepared is not None and prepared.columns is not None and (
            c.cases is self._rows_cases
        ):  # a new plan: its columns, made in the plan's worker, swapped in
            self._rows_proposal = c.proposal
            self.model.update_ranking(replace(self.model.rows, **prepared.columns))
            return
        if c.ranking is not None and c.cases is self._rows_cases:
            base = None
            if _result(c.proposal) is not _result(self._rows_proposal):  # not only outdated
                p = c.proposal
                base = with_plan(
                    self.model.rows, c.cases, self.model.row_index(),
                    None if p is None else p.result.assignments,
                    () if p is None else p.result.unplanned,
                )  # fmt: skip
            if self.model.rerank(c.ranking, c.previous_ranks, base):
                self._rows_proposal = c.proposal
                return
        self._rows_proposal = c.proposal
        self.model.update_ranking(self._rows())

    def _proposal_changed(self) -> None:
        c = self.controller
        outdated = c.proposal is not None and c.proposal.outdated
        self.model.set_proposal_state(describe_proposal(c.proposal, c.planner_choice), outdated)

    def _decisions_changed(self) -> None:
        self.model.update_decisions(self.controller.decision_labels())

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

    def take_first_match(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.select_case(self.model.case_id_at(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_count(self) -> None:
        text = (
            self.tr("%1 of %2 cases")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total_count()))
        )
        if text != self.count_label.text():  # a re-sort keeps the count: no relayout
            self.count_label.setText(text)

    # -- selection -----------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self.controller.select_case(self.table.current_case_id())

    def _follow_selection(self, case_id: str) -> None:
        if case_id and case_id != self.table.current_case_id():
            self.table.select_case(case_id)

    def _activate(self) -> None:
        case_id = self.table.current_case_id()
        if case_id:
            self.case_activated.emit(case_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._activate()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.take_first_match()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()  # Esc in the search box: everything back, to the table
                self.apply_filter()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)


def _selected_rows(selection: QItemSelectionModel, column: int) -> set[int]:
    """The rows whose cell in ``column`` is selected (``isSelected`` per cell makes an
    index per cell, each a call back into the model)."""
    rows: set[int] = set()
    for part in selection.selection():
        if part.left() <= column <= part.right():
            rows.update(range(part.top(), part.bottom() + 1))
    return rows


def _result(proposal: Proposal | None) -> object:
    """The plan behind a proposal (an outdated copy of a proposal shares it)."""
    return None if proposal is None else proposal.result
