"""The user's settings (QSettings), declared once with a version.

Everything the app remembers between runs lives here: window state, recent workspaces, the
last workspace and profile, vergadermodus, hand-fixed import mappings. Tests point QSettings
at a temporary folder with :func:`use_settings_folder`, so they never touch the real ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "Stuurploeg"
APPLICATION = "Stuurploeg"
SETTINGS_VERSION = 1
MAX_RECENT = 8

KEY_VERSION = "version"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_RECENT = "workspaces/recent"
KEY_LAST = "workspaces/last"
KEY_MEETING_MODE = "view/meeting_mode"
KEY_MEETING_LAYOUT = "view/meeting_layout"
KEY_PROFILE = "ranking/last_profile"
KEY_MAPPINGS = "import/mappings"


def use_settings_folder(folder: Path) -> None:
    """Keep all settings as INI files under ``folder`` (tests, benchmarks, portable use)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


def configure_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


class Settings:
    """Typed access to QSettings; one instance per window is cheap."""

    def __init__(self) -> None:
        self._s = QSettings()
        self._migrate()

    def _migrate(self) -> None:
        version = int(self._s.value(KEY_VERSION, 0) or 0)
        # Version 0 -> 1: nothing to convert yet; later versions add steps here.
        if version < SETTINGS_VERSION:
            self._s.setValue(KEY_VERSION, SETTINGS_VERSION)

    def sync(self) -> None:
        self._s.sync()

    # -- window ------------------------------------------------------------------------
    def geometry(self) -> bytes | None:
        value = self._s.value(KEY_GEOMETRY)
        return bytes(value) if value else None

    def window_state(self) -> bytes | None:
        value = self._s.value(KEY_STATE)
        return bytes(value) if value else None

    def save_window(self, geometry: bytes, state: bytes) -> None:
        self._s.setValue(KEY_GEOMETRY, geometry)
        self._s.setValue(KEY_STATE, state)

    # -- workspaces --------------------------------------------------------------------
    def recent_workspaces(self) -> list[Path]:
        value = self._s.value(KEY_RECENT, [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in (value or []) if v]

    def add_recent_workspace(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_workspaces() if p != path]
        recent.insert(0, path)
        self._s.setValue(KEY_RECENT, [str(p) for p in recent[:MAX_RECENT]])
        self._s.setValue(KEY_LAST, str(path))

    def last_workspace(self) -> Path | None:
        value = self._s.value(KEY_LAST)
        return Path(value) if value else None

    # -- view --------------------------------------------------------------------------
    def meeting_mode(self) -> bool:
        return str(self._s.value(KEY_MEETING_MODE, "false")).lower() == "true"

    def set_meeting_mode(self, on: bool) -> None:
        self._s.setValue(KEY_MEETING_MODE, "true" if on else "false")

    def meeting_layout(self) -> bytes | None:
        """The meeting layout's splitter (the preparation layout is the window state)."""
        value = self._s.value(KEY_MEETING_LAYOUT)
        return bytes(value) if value else None

    def set_meeting_layout(self, state: bytes) -> None:
        self._s.setValue(KEY_MEETING_LAYOUT, state)

    def last_profile(self) -> str | None:
        value = self._s.value(KEY_PROFILE)
        return str(value) if value else None

    def set_last_profile(self, name: str) -> None:
        self._s.setValue(KEY_PROFILE, name)

    # -- import mappings per layout ----------------------------------------------------
    def mapping_for(self, layout_key: str) -> dict[str, str] | None:
        raw = self._s.value(f"{KEY_MAPPINGS}/{layout_key}")
        if not raw:
            return None
        import json  # here: only the import wizard reads mappings (start-up)

        try:
            data = json.loads(str(raw))
        except ValueError:
            return None
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None

    def remember_mapping(self, layout_key: str, mapping: dict[str, str]) -> None:
        import json

        self._s.setValue(f"{KEY_MAPPINGS}/{layout_key}", json.dumps(mapping, sort_keys=True))
