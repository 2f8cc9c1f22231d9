"""Qt's own texts that its shipped Dutch translation leaves in English.

Listed here so that our translation (installed after Qt's, so asked first) gives them:
the file dialog's "Look in:" and "Files of type:".
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
