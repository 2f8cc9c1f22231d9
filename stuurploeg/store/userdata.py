"""The user's data folder, without Qt: where the GUI keeps its log and the store keeps
what it must remember outside any workspace file (the last known head of each log).

The same folder as the GUI's ``QStandardPaths.AppDataLocation`` for organisation and
application "Stuurploeg": ``%APPDATA%\\Stuurploeg\\Stuurploeg`` on Windows,
``~/Library/Application Support/Stuurploeg/Stuurploeg`` on macOS and
``$XDG_DATA_HOME/Stuurploeg/Stuurploeg`` (default ``~/.local/share/…``) elsewhere.
``STUURPLOEG_DATA_DIR`` overrides it (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_OVERRIDE = "STUURPLOEG_DATA_DIR"
ORGANISATION = APPLICATION = "Stuurploeg"


def data_folder() -> Path:
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / ORGANISATION / APPLICATION
