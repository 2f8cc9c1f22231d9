"""Small widget helpers the views share: combo refills and read-only list tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSignalBlocker
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView, QWidget


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Replace the (text, data) items; the same data stays chosen when it is still there,
    else the first item. No signals: a refill is not the user choosing."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))


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
    """Runs ``refresh`` now while ``widget`` is visible, else once when it is next shown.

    A dock behind another tab (the Planbord behind Capaciteit) need not redraw for every
    new plan: that was GUI-thread time after each re-plan for nothing anyone could see.
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.pending = False
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible():
            self.pending = False
            self._refresh()
        else:
            self.pending = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self._refresh()
        return False
