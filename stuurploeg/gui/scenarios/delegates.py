"""A combo box editor for a cell whose value is one of a list (team, specialism, action,
case); the list is asked for each time the editor opens, so it follows the data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Choices = Callable[[], list[tuple[str, str]]]


class ChoiceDelegate(QStyledItemDelegate):
    """``choices()`` gives (label, value); ``editable``: the officer may also type a
    value that is not in the list (the controller's check then names it)."""

    def __init__(self, choices: Choices, *, editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.editable = editable

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self.editable)
        for label, value in self.choices():
            combo.addItem(label, value)
        if not self.editable:
            # A choice from the list is the whole edit: take it at once (also by keyboard).
            combo.activated.connect(lambda _i: self._chosen(combo))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        found = editor.findData(value)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self.editable:
            editor.setEditText(str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if self.editable and editor.currentText() != editor.itemText(editor.currentIndex()):
            value = editor.currentText().strip()
        model.setData(index, "" if value is None else value, Qt.ItemDataRole.EditRole)
