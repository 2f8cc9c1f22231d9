"""Where the app finds its resources and sample data, and where it keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

SAMPLE_WORKSPACE_NAME = "voorbeeld.stuurploeg"
LOG_FILE_NAME = "stuurploeg.log"
QT_TRANSLATION_NAME = "qtbase_nl.qm"  # Qt's own Dutch: standard buttons, file dialogs


def _bundle_or_checkout(name: str) -> Path:
    """``name`` inside a PyInstaller bundle, else next to the package in the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    return Path(__file__).resolve().parents[2] / name


def resources_dir() -> Path:
    return _bundle_or_checkout("resources")


def translation_file() -> Path:
    return resources_dir() / "translations" / "stuurploeg_nl.qm"


def qt_translation_file() -> Path:
    """Our copy of Qt's Dutch translation (the PySide6 wheels do not ship it)."""
    return resources_dir() / "translations" / QT_TRANSLATION_NAME


def sample_data_dir() -> Path:
    return _bundle_or_checkout("sample_data")


def sample_files() -> tuple[Path, Path]:
    """The sample case list and capacity sheet (fictional)."""
    folder = sample_data_dir()
    return folder / "zakenlijst.xlsx", folder / "capaciteit.xlsx"


def data_folder() -> Path:
    """The user's data folder for this app (log file, sample workspace); override with
    STUURPLOEG_DATA_DIR."""
    override = os.environ.get("STUURPLOEG_DATA_DIR")
    if override:
        return Path(override)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def sample_workspace_path() -> Path:
    return data_folder() / SAMPLE_WORKSPACE_NAME
