"""Opening, creating and importing into a workspace: the names the GUI and CLI use.

The workspace object itself lives in :mod:`stuurploeg.store.workspace` and is the seam to
storage: every use case calls its methods and none touches the database. This module
gives the GUI and the CLI one place to import it from, together with the import use cases.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from stuurploeg.store.cases_repo import FieldChange, ImportRecord, ImportSource, MergeReport
from stuurploeg.store.decisions_repo import Meeting
from stuurploeg.store.errors import (
    DecisionExists,
    DiskFullError,
    MeetingFinalised,
    NotAWorkspace,
    StoreError,
    WorkspaceDamaged,
    WorkspaceLocked,
    WorkspaceTooNew,
)
from stuurploeg.store.opening import (
    SUFFIX,
    create_workspace,
    list_backups,
    open_or_create_workspace,
    open_workspace,
    restore_backup,
)
from stuurploeg.store.planning_repo import (
    OverrideRecord,
    PlanRecord,
    ProfileRecord,
    ScenarioRecord,
)
from stuurploeg.store.workspace import ImportResult, Workspace, now

__all__ = [
    "SUFFIX",
    "DecisionExists",
    "DiskFullError",
    "FieldChange",
    "ImportRecord",
    "ImportResult",
    "ImportSource",
    "Meeting",
    "MeetingFinalised",
    "MergeReport",
    "NotAWorkspace",
    "OverrideRecord",
    "PlanRecord",
    "ProfileRecord",
    "ScenarioRecord",
    "StoreError",
    "Workspace",
    "WorkspaceDamaged",
    "WorkspaceLocked",
    "WorkspaceTooNew",
    "create_workspace",
    "file_sha256",
    "list_backups",
    "now",
    "open_or_create_workspace",
    "open_workspace",
    "restore_backup",
]


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_IMPORT_API = ("import_files", "import_checked", "ImportRefused")


def __getattr__(name: str) -> object:
    """``import_files`` & co. live in :mod:`workspace_import` (which imports this module);
    they stay importable from here, where callers first found them."""
    if name in _IMPORT_API:
        from stuurploeg.app import workspace_import

        return getattr(workspace_import, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
