"""Small widget helpers the views share: combo refills and read-only list tables."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QSignalBlocker
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
