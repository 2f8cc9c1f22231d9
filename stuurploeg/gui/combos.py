"""Refilling a combo box without firing its signals, keeping the user's choice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]]) -> None:
    """Replace the (text, data) items; the same data stays chosen when it is still there,
    else the first item. No signals: a refill is not the user choosing."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
