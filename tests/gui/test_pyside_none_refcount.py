"""Regression guard for the PySide6 6.12.0 / Python 3.11 bug.

6.12.0 drops a reference to ``None`` on every Qt call that returns nothing, and the
process aborts with "Fatal Python error: none_dealloc" after a few thousand calls. If a
broken PySide6 slips past the pin in pyproject.toml, this fails instead of the app
crashing in a meeting.
"""

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel


def test_void_qt_calls_keep_none_refcount(qapp):
    obj = QObject()
    item = QStandardItem()
    model = QStandardItemModel()
    # Immortal None (3.12+) reports a huge constant; on 3.11 the count must not fall.
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i}")
        item.setText(f"t{i}")
        item.setData(i)
    for i in range(100):
        model.appendRow(QStandardItem(str(i)))
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None refcount fell from {before} to {after}"
