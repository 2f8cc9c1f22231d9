"""The meeting layout: what the room reads on the projector, all of it without scrolling.

Left the ranking with only what the meeting decides on (Plaats, Zaak, Naam, Score,
Voorstel, Besluit); right the selected case and the decision form; above the meeting's
day, who decides and its progress; below one line of team capacity. The ranking view is
the window's own (moved in by the main window); the rest are widgets of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.decisions import KIND_LABELS
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.docks.decision_list import MeetingChooser
from stuurploeg.gui.docks.decisions import DecisionForm, MeetingFields
from stuurploeg.gui.meeting.capacity_strip import CapacityStrip
from stuurploeg.gui.meeting.case_summary import CaseSummary
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.rows import IN_PLAN
from stuurploeg.gui.ranking.view import RankingView

# The ranking's columns in the meeting, in this order; the others are hidden
MEETING_COLUMNS = (rm.RANK, rm.CASE_ID, rm.NAME, rm.SCORE, rm.PLAN, rm.DECISION)
# Room for the cell text of each fixed column, in digits ("0") of the font
_MIN_CHARS = {rm.RANK: 3, rm.CASE_ID: 8, rm.SCORE: 4, rm.DECISION: 12}
_NAME_MIN_CHARS = 8


class EndKept(QStyledItemDelegate):
    """Names that do not fit keep their end ("Onderzoek Kemphaan" → "…Kemphaan"):
    many names share their first word, and the end tells them apart."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class MeetingRoom(QWidget):
    finalise_requested = Signal()
    export_requested = Signal()
    keys_requested = Signal()

    def __init__(
        self,
        controller: WorkspaceController,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingRoom")
        self.controller = controller
        self.ranking_view: RankingView | None = None
        self._header_state = QByteArray()
        self._middle = EndKept(self)
        self._refit = QTimer(self)  # one refit after a burst of model changes
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_columns)
        self._name_delegate: QAbstractItemDelegate | None = None

        self.meeting_fields = MeetingFields(controller, self, inline=True)
        self.progress = QLabel(self)
        self.keys_button = QPushButton("?", self)  # narrow: the bar is full at 853 px
        self.keys_button.setToolTip(self.tr("Keyboard map (F1)"))
        self.keys_button.setAccessibleName(self.tr("Keyboard map (F1)"))
        self.finalise_button = QPushButton(self.tr("Finalise…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.finalise_button.setToolTip(
            self.tr("Vaststellen: the meeting's drafts become final decisions of the "
                    "besluitenlijst.")
        )  # fmt: skip
        self.export_button.setToolTip(
            self.tr("Write this meeting's besluitenlijst to an Excel workbook.")
        )
        for button in (self.keys_button, self.finalise_button, self.export_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stays in ranking/form
        self.keys_button.setMaximumWidth(self.keys_button.fontMetrics().horizontalAdvance("?") * 4)
        # The meetings with drafts: here only while another meeting holds some (the
        # current one's drafts are in the ranking); height is scarce on a projector.
        self.meetings = MeetingChooser(controller, self)
        self.summary = CaseSummary(controller, self)
        self.form = DecisionForm(controller, undo_stack, self)
        self.form.by_field = self.meeting_fields.by
        self.form.case_label.hide()  # the summary above names the case
        self.strip = CapacityStrip(controller, self)

        self.form.form.setVerticalSpacing(4)  # every pixel of height counts at 480
        top = QHBoxLayout()
        top.addWidget(self.meeting_fields, 1)
        for button in (self.keys_button, self.finalise_button, self.export_button):
            top.addWidget(button)
        self.ranking_slot = QWidget(self)
        QVBoxLayout(self.ranking_slot).setContentsMargins(0, 0, 0, 0)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.summary)
        line = QFrame(side)
        line.setFrameShape(QFrame.Shape.HLine)
        side_layout.addWidget(line)
        side_layout.addWidget(self.form)
        side_layout.addStretch(1)
        self.side = side
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("meeting_splitter")
        self.splitter.addWidget(self.ranking_slot)
        self.splitter.addWidget(side)
        # A wider or narrower window changes the ranking most (three parts in four).
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.meetings)
        layout.addWidget(self.splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addSpacing(12)
        bottom.addWidget(self.strip, 1)
        layout.addLayout(bottom)

        self.keys_button.clicked.connect(self.keys_requested)
        self.finalise_button.clicked.connect(self.finalise_requested)
        self.export_button.clicked.connect(self.export_requested)
        for changed in (controller.decisions_changed, controller.meeting_changed,
                        controller.cases_changed, controller.opened, controller.closed):
            changed.connect(self.refresh)  # fmt: skip
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        decided = {d.case_id for d in c.meeting.decisions}
        self.progress.setText(
            self.tr("%1 of %2 decided")
            .replace("%1", str(len(decided)))
            .replace("%2", str(len(c.cases)))
        )
        for w in (self.finalise_button, self.export_button):
            w.setEnabled(c.has_workspace)
        # After the chooser's own refresh (connected first): shown for other meetings only.
        self.meetings.setVisible(self.meetings.elsewhere.isVisibleTo(self.meetings))

    # -- the ranking, moved in and out by the window -------------------------------------
    def take_ranking(self, view: RankingView) -> None:
        """Show ``view`` with the meeting's six columns, fitted to its width."""
        self.ranking_view = view
        self.ranking_slot.layout().addWidget(view)
        header = view.table.horizontalHeader()
        self._header_state = header.saveState()
        for column in range(rm.COLUMN_COUNT):
            view.table.setColumnHidden(column, column not in MEETING_COLUMNS)
        for visual, column in enumerate(MEETING_COLUMNS):
            header.moveSection(header.visualIndex(column), visual)
        header.setStretchLastSection(False)
        for combo in self._filters(view):  # the search box stays; filters are preparation
            combo.hide()
        view.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.table.viewport().installEventFilter(self)
        # New rows or a new proposal change what the columns must hold.
        for changed in (view.model.modelReset, view.model.dataChanged, view.model.layoutChanged):
            changed.connect(self._refit.start)
        self._name_delegate = view.table.itemDelegateForColumn(rm.NAME)
        view.table.setItemDelegateForColumn(rm.NAME, self._middle)
        self.fit_columns()

    def give_back_ranking(self) -> RankingView | None:
        """The view as it was before (all columns, its own widths); the caller re-homes it."""
        view, self.ranking_view = self.ranking_view, None
        if view is None:
            return None
        view.table.viewport().removeEventFilter(self)
        for changed in (view.model.modelReset, view.model.dataChanged, view.model.layoutChanged):
            changed.disconnect(self._refit.start)
        self._refit.stop()
        view.table.setItemDelegateForColumn(rm.NAME, self._name_delegate)
        header = view.table.horizontalHeader()
        for column in range(rm.COLUMN_COUNT):
            view.table.setColumnHidden(column, False)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        if not self._header_state.isEmpty():
            header.restoreState(self._header_state)
        header.setStretchLastSection(True)
        for combo in self._filters(view):
            combo.show()
        view.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.table.apply_widths()
        return view

    @staticmethod
    def _filters(view: RankingView) -> tuple[QWidget, ...]:
        return (view.form_filter, view.status_filter, view.team_filter, view.plan_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.ranking_view is not None:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def header_width(self, column: int) -> int:
        """What ``column``'s header needs to show its text whole (margins, sort arrow)."""
        view = self.ranking_view
        assert view is not None
        header = view.table.horizontalHeader()
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        text = str(view.model.headerData(column, Qt.Orientation.Horizontal))
        # As the style lays out a header label: margins either side, and room for the
        # sort arrow (half the header's height plus two margins) on every column, since
        # the sort column can change any time.
        arrow = max(arrow, header.height() // 2) + 2 * margin
        return header.fontMetrics().horizontalAdvance(text) + 2 * margin + arrow + 2

    def fit_columns(self) -> None:
        """Fixed columns as narrow as their text allows, the proposal as wide as its
        longest text fits, the name the rest: all six within the table, never scrolled."""
        view = self.ranking_view
        if view is None:
            return
        table = view.table
        header = table.horizontalHeader()
        fm = table.fontMetrics()
        digit = fm.horizontalAdvance("0")
        widths = {
            column: max(self.header_width(column), chars * digit + 12)
            for column, chars in _MIN_CHARS.items()
        }
        widths[rm.CASE_ID] = max(widths[rm.CASE_ID], self._longest(view, rm.CASE_ID) + 10)
        # Room for every decision but the longest word ("doorrechercheren" may lose its
        # last letters on a small screen; the summary beside it says it in full).
        labels = sorted(KIND_LABELS.values(), key=len)
        decided = max(fm.horizontalAdvance(f"{label} ✓") for label in labels[:-1])
        widths[rm.DECISION] = max(widths[rm.DECISION], decided + 12)
        available = table.viewport().width()
        name_min = max(self.header_width(rm.NAME), _NAME_MIN_CHARS * digit)
        # The proposal gets what its longest team · week · fte needs when there is room
        # (a long "does not fit" reason is elided), the name what is left: the selected
        # case's name is also in the summary beside the table.
        room = max(available - sum(widths.values()), 0)
        plan_max = room - name_min
        plan = max(self.header_width(rm.PLAN), min(self._longest_plan(view) + 10, plan_max))
        widths[rm.PLAN] = plan
        widths[rm.NAME] = max(available - sum(widths.values()), name_min)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    @staticmethod
    def _longest(view: RankingView, column: int) -> int:
        """Width of the longest of the column's texts (measuring the 20 longest by
        length: a large ranking is not measured row by row)."""
        model = view.model
        rows = model.rowCount()
        texts = {str(model.index(r, column).data() or "") for r in range(min(rows, 2000))}
        return _widest(view, texts)

    @staticmethod
    def _longest_plan(view: RankingView) -> int:
        """Width of the longest proposal of a case in the plan (team · week · fte); the
        reason a case is out of the plan may be elided (it is in the case summary)."""
        rows = view.model.rows
        planned = rows.plan[rows.in_plan == IN_PLAN][:2000]  # numpy: no loop over every row
        return _widest(view, {str(t) for t in planned})

    def default_sizes(self, width: int) -> list[int]:
        """Splitter sizes for a window ``width`` wide: the form at its narrowest usable
        width, or a third of the window when that is more."""
        side = max(self.side.minimumSizeHint().width(), int(width * 0.26))
        return [max(width - side, 100), side]


def _widest(view: RankingView, texts: set[str]) -> int:
    fm = view.table.fontMetrics()
    longest = sorted(texts, key=len, reverse=True)[:20]
    return max((fm.horizontalAdvance(t) for t in longest), default=0)
