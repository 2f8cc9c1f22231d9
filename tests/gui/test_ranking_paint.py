"""What the Ranglijst's delegate is told per cell (one multiData call) matches what
``data`` answers, and the table paints the score bars and badges itself."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from stuurploeg.domain.scoring import Ranking
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.delegates import BADGE_COLOURS
from stuurploeg.gui.ranking.rows import build_rows
from stuurploeg.gui.ranking.view import RankingTable
from stuurploeg.gui.table_model import ListTableModel
from tests.gui.factories import make_cases, real_plan

pytestmark = pytest.mark.gui

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
)


def _model(n: int = 40, badges: tuple[int, ...] = ()) -> rm.RankingModel:
    cases = make_cases(n, seed=3)
    plan = real_plan(cases)
    entries = list(plan.ranking.entries)
    for i in badges:
        entries[i] = dataclasses.replace(entries[i], priority_rule=True)
    ranking = Ranking(plan.ranking.profile, tuple(entries))
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, ranking, plan.assignments, plan.unplanned))
    return model


def _shown(qtbot, model: rm.RankingModel, width: int, height: int) -> RankingTable:
    """A Ranglijst of ``model``, ``width``×``height``, on screen."""
    table = RankingTable(model)
    qtbot.addWidget(table)
    table.resize(width, height)
    table.show()
    qtbot.waitExposed(table)
    return table


def _option(delegate: QStyledItemDelegate, index: QModelIndex) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, index)
    return option


def _expected_alignment(index: QModelIndex) -> Qt.AlignmentFlag:
    value = index.data(Qt.ItemDataRole.TextAlignmentRole)
    return Qt.AlignmentFlag(value) if value is not None else Qt.AlignmentFlag(0)


def test_the_delegate_gets_what_data_answers_cell_after_cell(qapp):
    """One delegate walks every cell in turn, as a repaint does: nothing one cell answered
    (right alignment, grey text of a case out of the plan) stays for the next. While
    painting the delegate gets no text (the table paints it); while measuring, all."""
    model = _model()
    delegate = QStyledItemDelegate()
    grey = rm._grey().color()
    normal = QApplication.palette().color(QPalette.ColorRole.Text)
    for measuring in (False, True, False):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                if measuring:
                    with model.measuring():
                        option = _option(delegate, index)
                    assert option.text == index.data(), (row, column)
                    assert option.displayAlignment & _expected_alignment(index) == (
                        _expected_alignment(index)
                    )
                    if column not in rm.NUMERIC:
                        assert not option.displayAlignment & Qt.AlignmentFlag.AlignRight
                else:
                    option = _option(delegate, index)
                    assert option.text == "", (row, column)
                out_of_plan = index.data(Qt.ItemDataRole.ForegroundRole) is not None
                text_colour = option.palette.color(QPalette.ColorRole.Text)
                assert text_colour == (grey if out_of_plan else normal), (row, column)
    assert any(
        model.index(r, rm.PLAN).data(Qt.ItemDataRole.ForegroundRole) is not None
        for r in range(model.rowCount())
    ), "some case is out of the plan"


def test_the_score_and_badge_cells_keep_their_text_for_everyone_but_the_painter(qapp):
    model = _model(badges=(0,))
    index = model.index(0, rm.BADGES)
    assert index.data() == " ".join(label for _, label in index.data(rm.BADGES_ROLE))
    assert model.index(0, rm.SCORE).data() == model.score_cell(0)[0]
    assert model.badges_at(0) == index.data(rm.BADGES_ROLE)


class _Pairs(ListTableModel[tuple[str, int]]):
    HEADERS = ("name", "count")

    def cell(self, row: int, column: int, role: int) -> object:
        name, count = self.items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count > 1:
            return QColor("yellow")
        return None


def test_every_table_model_answers_all_roles_of_a_cell_in_one_call(qapp):
    model = _Pairs()
    model.set_items([("a", 2), ("b", 0), ("c", 5)])
    delegate = QStyledItemDelegate()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = _option(delegate, index)
            assert option.text == index.data()
            assert option.displayAlignment & _expected_alignment(index) == (
                _expected_alignment(index)
            )
            brush = index.data(Qt.ItemDataRole.BackgroundRole)
            if brush is None:
                assert option.backgroundBrush.style() == Qt.BrushStyle.NoBrush
            else:
                assert option.backgroundBrush.color() == QColor(brush)


def _cell_colours(image: QImage, table: RankingTable, row: int, column: int) -> set[int]:
    rect = table.visualRect(table.model().index(row, column))
    return {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }


def test_the_table_paints_score_bars_and_badges(qtbot):
    model = _model(badges=(0,))
    table = _shown(qtbot, model, 1200, 600)
    image = table.viewport().grab().toImage()
    priority = BADGE_COLOURS[rm.BADGE_PRIORITY].rgb() & 0xFFFFFF
    assert priority in _cell_colours(image, table, 0, rm.BADGES)
    plain = model.row_of(next(c for c in model.visible_case_ids() if not model.badges_at(
        model.row_of(c))))  # fmt: skip
    assert priority not in _cell_colours(image, table, plain, rm.BADGES)
    # a scored row has its bar: more colours than the background and the text give
    scored = _cell_colours(image, table, 0, rm.SCORE)
    unscored_row = next(r for r in range(model.rowCount()) if model.score_cell(r)[1] is None)
    assert len(scored) > len(_cell_colours(image, table, unscored_row, rm.SCORE))


def _differences(a: QImage, b: QImage, rect) -> int:
    """The largest difference of a colour channel between two images within ``rect``."""
    worst = 0
    for x in range(max(rect.left(), 0), min(rect.right() + 1, a.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom() + 1, a.height())):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if p != q:
                worst = max(worst, *(abs((p >> s & 255) - (q >> s & 255)) for s in (0, 8, 16)))
    return worst


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])  # fmt: skip
def test_the_table_paints_every_text_where_the_delegate_did(qtbot, direction):
    """The texts the table paints from its static texts look as the item delegate draws
    them: same place, same elision (an ellipsis where a column is narrow; on the left
    right to left), same colours (grey out of the plan, the selected row's highlight)."""
    model = _model(badges=(0,))
    table = RankingTable(model)
    qtbot.addWidget(table)
    table.setLayoutDirection(direction)
    table.resize(1400, 500)
    table.show()
    qtbot.waitExposed(table)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.selectRow(2)
    table.setColumnWidth(rm.NAME, 60)  # the names elided
    ours = table.viewport().grab().toImage()
    painted = model.painted_texts
    model.painted_texts = lambda rows, *_: [(None, 0.0)] * len(rows)  # type: ignore[method-assign]
    try:
        with model.measuring():  # the delegate gets the texts, the table paints none
            theirs = table.viewport().grab().toImage()
        blank = table.viewport().grab().toImage()  # nobody paints a text
    finally:
        model.painted_texts = painted  # type: ignore[method-assign]
    checked = with_text = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            rect = table.visualRect(model.index(row, column))
            if column in rm.PAINTED_BY_TABLE or not rect.intersects(ours.rect()):
                continue
            # antialiasing may differ by a shade; a text moved, cut or missing by far more
            assert _differences(ours, theirs, rect) <= 40, (row, column)
            checked += 1
            with_text += _differences(ours, blank, rect) > 100
    assert checked > 100 and with_text > 100
    elided = model.painted_texts([0], rm.NAME, 60, table.fontMetrics(), "",
                                 table.textElideMode(), None)[0][0]  # fmt: skip
    assert elided is not None and elided.text().endswith("…")


def test_fitting_a_painted_column_to_its_contents_measures_its_text(qtbot):
    model = _model(badges=(0, 1))
    table = _shown(qtbot, model, 1200, 600)
    metrics = table.fontMetrics()
    for column in sorted(rm.PAINTED_BY_TABLE):
        widest = max(metrics.horizontalAdvance(model.index(r, column).data() or "")
                     for r in range(model.rowCount()))  # fmt: skip
        assert table.sizeHintForColumn(column) >= widest > 0
    # and painting goes on without their text afterwards
    option = _option(QStyledItemDelegate(), model.index(0, rm.BADGES))
    assert option.text == ""


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_weight_change_repaints_the_table_once(qtbot):
    """The re-sort is laid out at once: the change asks for one frame, not a second one
    from the delayed layout after it."""
    from stuurploeg.domain.model import Criterion
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    cases = make_cases(200, seed=5)
    before = rank_cases(cases, STANDARD_PROFILE)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, before))
    table = _shown(qtbot, model, 1000, 500)
    paints = _Paints()
    table.viewport().installEventFilter(paints)
    for weight in (0.0, 40.0, 5.0):
        ranking = rank_cases(cases, STANDARD_PROFILE.with_weight(Criterion.URGENCY, weight))
        QApplication.processEvents()
        paints.count = 0
        assert model.rerank(ranking, before.rank_map())
        qtbot.waitUntil(lambda: paints.count >= 1)
        for _ in range(5):  # what the change left queued (the delayed layout's timer)
            QApplication.processEvents()
        assert paints.count == 1


def test_a_dragged_row_shows_its_texts(qtbot):
    """The drag's picture is the row as the table paints it (texts included), not the
    delegate's cells alone, which have no text."""
    model = _model()
    table = _shown(qtbot, model, 1000, 400)
    table.selectRow(1)
    picture, corner = table.drag_picture(table.selectedIndexes())
    assert corner.y() == table.rowViewportPosition(1)
    image = picture.toImage()
    assert image.height() == table.rowHeight(1) - 1 or image.height() == table.rowHeight(1)
    painted = model.painted_texts
    model.painted_texts = lambda rows, *_: [(None, 0.0)] * len(rows)  # type: ignore[method-assign]
    try:
        blank = table.drag_picture(table.selectedIndexes())[0].toImage()
    finally:
        model.painted_texts = painted  # type: ignore[method-assign]
    assert _differences(image, blank, image.rect()) > 100


def _weighed_table(qtbot, n: int = 200):
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    cases = make_cases(n, seed=5)
    before = rank_cases(cases, STANDARD_PROFILE)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, before))
    table = _shown(qtbot, model, 1000, 500)
    return cases, before, model, table


def test_a_weight_change_keeps_the_selection_and_leaves_the_scroll_bars_alone(qtbot):
    """A re-sort moves rows only: the selected case stays selected (wherever it went), the
    table is in the new ranking's order, and the scroll bars (and what is behind them) are
    not repainted, as Qt's geometry update would have them."""
    from stuurploeg.domain.model import Criterion
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    cases, before, model, table = _weighed_table(qtbot)
    chosen = model.case_id_at(3)
    assert table.select_case(chosen)
    bars = _Paints()
    for bar in (table.verticalScrollBar(), table.horizontalScrollBar()):
        bar.installEventFilter(bars)
    maximum = table.verticalScrollBar().maximum()
    assert maximum > 0
    for weight in (0.0, 40.0, 5.0):
        ranking = rank_cases(cases, STANDARD_PROFILE.with_weight(Criterion.URGENCY, weight))
        QApplication.processEvents()
        bars.count = 0
        assert model.rerank(ranking, before.rank_map())
        table.viewport().repaint()
        for _ in range(5):
            QApplication.processEvents()
        assert bars.count == 0
        ranked = ranking.case_ids()
        assert model.visible_case_ids()[: len(ranked)] == ranked
        assert table.current_case_id() == chosen
        assert table.selectionModel().selectedRows()[0].row() == model.row_of(chosen)
        assert table.verticalScrollBar().maximum() == maximum


def test_a_resort_right_after_new_rows_lays_the_new_rows_out(qtbot):
    """The geometry update is skipped only when nothing it lays out changed: new rows
    followed at once by a re-sort (the reset's layout still pending) get their scroll
    range."""
    from stuurploeg.domain.scoring import rank_cases

    _, _, model, table = _weighed_table(qtbot, n=10)
    assert table.verticalScrollBar().maximum() == 0
    more = make_cases(300, seed=6)
    model.set_rows(build_rows(more, rank_cases(more)))
    model.sort(rm.SCORE, Qt.SortOrder.DescendingOrder)  # before any event is handled
    QApplication.processEvents()
    shown = table.verticalScrollBar().maximum()
    assert shown > 0
    table.updateGeometries()
    assert table.verticalScrollBar().maximum() == shown


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])  # fmt: skip
def test_the_score_text_is_placed_as_draw_text_places_it(qapp, direction):
    """The score's static text lands pixel for pixel where ``drawText`` (right-aligned,
    centred vertically: the leading side right to left) put it."""
    from PySide6.QtCore import QRect, QRectF
    from PySide6.QtGui import QFontMetrics, QPainter, QStaticText, QTextOption

    from stuurploeg.gui.ranking.delegates import paint_score

    font = QApplication.font()
    line = QFontMetrics(font).height()
    for height in (20, 21, 25):
        for width in (80, 97):
            for text in ("12,5", "100,0", "—"):
                images = []
                for static in (False, True):
                    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
                    image.fill(QColor("white"))
                    painter = QPainter(image)
                    painter.setFont(font)
                    painter.setLayoutDirection(direction)
                    cell = QRect(0, 0, width, height)
                    if static:
                        shown = QStaticText(text)
                        option = QTextOption()
                        option.setTextDirection(direction)
                        shown.setTextOption(option)
                        paint_score(painter, cell, None, shown, shown.size().width(), line,
                                    QColor("black"))  # fmt: skip
                    else:
                        painter.setPen(QColor("black"))
                        painter.drawText(QRectF(cell).adjusted(3, 4, -3, -4),
                                         int(Qt.AlignmentFlag.AlignRight
                                             | Qt.AlignmentFlag.AlignVCenter), text)  # fmt: skip
                    painter.end()
                    images.append(image)
                assert images[0] == images[1], (height, width, text)


def test_after_a_weight_change_the_table_paints_the_new_texts(qtbot):
    """The static texts are forgotten exactly when their texts change: after a weight
    change every visible cell paints what ``data`` answers (new ranks, arrows, scores),
    and a text shown in another row before is laid out once, not again."""
    from stuurploeg.domain.model import Criterion
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    cases, before, model, table = _weighed_table(qtbot)
    metrics, elide = table.fontMetrics(), table.textElideMode()
    rows = list(range(model.rowCount()))

    def painted(column: int) -> list[str]:
        texts = model.painted_texts(rows, column, 10_000, metrics, "f", elide, None)
        return ["" if static is None else static.text() for static, _ in texts]

    for column in (rm.RANK, rm.SCORE, rm.NAME):
        assert painted(column) == [model.index(r, column).data() for r in rows]
    for weight in (0.0, 40.0):
        ranking = rank_cases(cases, STANDARD_PROFILE.with_weight(Criterion.URGENCY, weight))
        assert model.rerank(ranking, before.rank_map())
        for column in (rm.RANK, rm.SCORE, rm.NAME, rm.BADGES):
            assert painted(column) == [model.index(r, column).data() or "" for r in rows]
    made = model.painted_texts(rows, rm.SCORE, 10_000, metrics, "f", elide, None)
    by_text = {}
    for static, _ in made:
        if static is not None:
            assert by_text.setdefault(static.text(), static) is static  # one per text


def test_a_paint_pass_paints_what_cell_by_cell_answers_paint(qtbot):
    """Within one paint of the table only the first cell clears the delegate's roles,
    the others set or clear the grey: the picture is the one every cell answering all
    roles gives (selected row, cases out of the plan; no stale background, icon or check
    box). A column with a delegate of its own paints cell by cell."""
    model = _model()
    table = _shown(qtbot, model, 1400, 600)
    table.selectRow(1)
    assert any(model.index(r, rm.PLAN).data(Qt.ItemDataRole.ForegroundRole) is not None
               for r in range(model.rowCount()))  # fmt: skip
    calls = []
    passes = model.paint_pass

    def counted():
        calls.append(1)
        return passes()

    model.paint_pass = counted  # type: ignore[method-assign]
    fast = table.viewport().grab().toImage()
    assert calls
    table._one_delegate = lambda: False  # type: ignore[method-assign]
    calls.clear()
    slow = table.viewport().grab().toImage()
    assert not calls and fast == slow
    del table._one_delegate
    table.setItemDelegateForColumn(rm.NAME, QStyledItemDelegate(table))
    assert not table._one_delegate()
    assert table.viewport().grab().toImage() == slow


def test_the_badges_are_made_again_only_when_their_marks_change(qapp):
    from stuurploeg.domain.model import Criterion
    from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

    cases = make_cases(60, seed=8)
    before = rank_cases(cases, STANDARD_PROFILE)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, before))
    model.badges_at(0)
    kept = dict(model._badge_lists)
    after = rank_cases(cases, STANDARD_PROFILE.with_weight(Criterion.URGENCY, 0.0))
    assert model.rerank(after, before.rank_map())
    assert model._badge_lists == kept  # the marks stand: nothing made again
    entries = list(after.entries)
    entries[0] = dataclasses.replace(entries[0], priority_rule=not entries[0].priority_rule)
    marked = Ranking(after.profile, tuple(entries))
    assert model.rerank(marked, after.rank_map())
    row = model.row_of(entries[0].case_id)
    keys = [key for key, _ in model.badges_at(row)]
    assert (rm.BADGE_PRIORITY in keys) == entries[0].priority_rule
    assert model.index(row, rm.BADGES).data() == " ".join(
        label for _, label in model.badges_at(row))  # fmt: skip


@pytest.mark.parametrize(
    "setup",
    ["focus", "right_to_left", "no_grid", "dotted_grid", "scrolled", "no_alternation",
     "hidden_row"],
)
def test_the_backgrounds_the_table_paints_row_by_row_are_qts(qtbot, setup):
    """Rows Qt would paint no more than the row panel for (not selected, not current,
    not under the mouse) get their backgrounds and grid from the table itself: the
    picture is the one QTableView paints cell by cell."""
    model = _model(80)
    table = _shown(qtbot, model, 1400, 500)
    table.selectRow(3)
    if setup == "focus":
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        table.setCurrentIndex(model.index(5, rm.NAME))
    elif setup == "right_to_left":
        table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    elif setup == "no_grid":
        table.setShowGrid(False)
    elif setup == "dotted_grid":  # Qt's own paint: its dashes start at its region's top
        table.setGridStyle(Qt.PenStyle.DotLine)
    elif setup == "scrolled":
        table.verticalScrollBar().setValue(7)
        table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    elif setup == "no_alternation":
        table.setAlternatingRowColors(False)
    else:
        table.setRowHidden(2, True)
    QApplication.processEvents()
    backgrounds = table._paint_backgrounds
    rows_painted = []

    def counted(*args):
        rows_painted.append(1)
        return backgrounds(*args)

    table._paint_backgrounds = counted  # type: ignore[method-assign]
    fast = table.viewport().grab().toImage()
    assert bool(rows_painted) == (setup != "hidden_row")
    table._one_delegate = lambda: False  # type: ignore[method-assign]
    slow = table.viewport().grab().toImage()
    assert fast == slow
