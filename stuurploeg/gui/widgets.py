"""Small widget helpers the views share: combo refills and read-only list tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSignalBlocker, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDockWidget,
    QTableView,
    QWidget,
)


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Replace the (text, data) items; the same data stays chosen when it is still there,
    else the first item. No signals: a refill is not the user choosing."""
    items = list(items)
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
        return  # the same list (e.g. a new plan for the same teams): nothing is redrawn
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))


def own_viewport(area: QAbstractScrollArea) -> None:
    """Give ``area`` a viewport made from Python, set up as Qt sets up its own.

    The first time Python is handed a widget that C++ created (``viewport()`` of a
    table), PySide6 looks for its Python type among every QWidget class it has not yet
    built, and builds them all with their enums: 17-55 ms on this machine, paid on the
    way to the first window. A viewport made here already has its Python object.
    """
    viewport = QWidget()
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)


def list_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only table of whole rows (one selected at a time) over ``model``."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class WhenShown(QObject):
    """Runs ``refresh`` now while ``widget`` is on screen, else once when it comes on screen.

    A dock behind another tab (the Planbord behind Capaciteit) or a page not shown (the
    load map behind the Gantt, the meeting room) need not redraw for every new plan: that
    was GUI-thread time after each re-plan for nothing anyone could see. A dock behind a
    tab stays "visible" to Qt (moved out of sight), so its ``visibilityChanged`` says when
    it is raised.
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._dock: QDockWidget | None = None
        self.pending = False
        widget.installEventFilter(self)

    def on_screen(self) -> bool:
        w = self._widget
        return w.isVisible() and not w.visibleRegion().isEmpty()

    def request(self) -> None:
        self._follow_dock()
        if self.on_screen():
            self.pending = False
            self._refresh()
        else:
            self.pending = True

    def _follow_dock(self) -> None:
        parent = self._widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not self._dock:
            if self._dock is not None:
                self._dock.visibilityChanged.disconnect(self._dock_shown)
            self._dock = parent
            if parent is not None:
                parent.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            # The dock is raised now; its contents are laid out and shown after this.
            QTimer.singleShot(0, self._catch_up)

    def _catch_up(self) -> None:
        if self.pending and self.on_screen():
            self.pending = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and self.pending and event.type() in (
            QEvent.Type.Show, QEvent.Type.Resize
        ):
            QTimer.singleShot(0, self._catch_up)
        return False
