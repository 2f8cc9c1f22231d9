"""Over Stuurploeg: version, licence, where the log and settings are, and that data stays.

A window-modal dialog opened with ``open()`` (never ``exec()``). What it shows comes from
the same functions the app uses: the package version, ``data_folder()`` for the log and
``QSettings`` for the settings, so it cannot say one place while the app writes another.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from stuurploeg import version
from stuurploeg.gui.paths import LOG_FILE_NAME, data_folder, resources_dir

LICENCE = "EUPL-1.2"
ICON_SIZE = 64
TEXT_WIDTH = 440  # px at 100 %: about 70 characters a line


def log_file_path() -> Path:
    return data_folder() / LOG_FILE_NAME


def settings_location() -> str:
    """The settings file (or, on Windows, the registry key) QSettings writes to."""
    return QSettings().fileName()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Stuurploeg"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        title = QLabel(self.tr("Stuurploeg, version %1").replace("%1", version()), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.title_label = title
        self.summary_label = QLabel(
            self.tr("Case prioritisation and capacity planning for the stuurploeg mensenhandel."),
            self,
        )
        self.licence_label = QLabel(self.tr("Licence: %1").replace("%1", LICENCE), self)
        self.log_label = self._path_label(str(log_file_path()))
        self.settings_label = self._path_label(settings_location())
        self.privacy_label = QLabel(
            self.tr(
                "Your data stays on this laptop: Stuurploeg makes no network connections and "
                "sends nothing anywhere. It writes only to the workspaces and exports you "
                "choose, and to its settings and log file shown here."
            ),
            self,
        )
        for label in (self.summary_label, self.privacy_label):
            label.setWordWrap(True)

        places = QGridLayout()
        places.addWidget(QLabel(self.tr("Log file:"), self), 0, 0, Qt.AlignmentFlag.AlignTop)
        places.addWidget(self.log_label, 0, 1)
        places.addWidget(QLabel(self.tr("Settings:"), self), 1, 0, Qt.AlignmentFlag.AlignTop)
        places.addWidget(self.settings_label, 1, 1)
        places.setColumnStretch(1, 1)

        text = QVBoxLayout()
        for widget in (title, self.summary_label, self.licence_label):
            text.addWidget(widget)
        text.addLayout(places)
        text.addWidget(self.privacy_label)

        header = QHBoxLayout()
        self.icon_label = QLabel(self)
        icon = QPixmap(str(resources_dir() / "icons" / "stuurploeg.png"))
        if not icon.isNull():
            self.icon_label.setPixmap(
                icon.scaled(ICON_SIZE, ICON_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation)
            )
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(text, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_log_button = self.buttons.addButton(
            self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_log_button.clicked.connect(self.open_log_folder)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.buttons)
        # Wrapped labels need their height for the dialog's width: a fixed-size dialog
        # computes it (a resizable one cuts the last lines off at 150 % scaling).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for label in (self.summary_label, self.privacy_label, self.log_label,
                      self.settings_label):
            label.setMinimumWidth(TEXT_WIDTH)

    def _path_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        # So a user can copy the path into a mail to the administrator.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def text(self) -> str:
        """Everything the dialog says, as one string (for tests and support)."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if label.text())

    def open_log_folder(self) -> bool:
        folder = log_file_path().parent
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
