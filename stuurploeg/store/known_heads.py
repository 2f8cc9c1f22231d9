"""The last head of each decision log this computer saw, kept outside the workspace.

A log whose tail was cut off (and whose recorded head was fixed up to match), or that was
re-hashed from some entry on, verifies by itself. What it cannot do is agree with a head
kept elsewhere: each time this computer opens or finalises a workspace, the head is
written to the user's data folder under the workspace's id, and compared on every later
open and by ``verify``. Only the number, the hash and when its meeting was finalised are
kept there; nothing of the cases.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from stuurploeg.store.userdata import data_folder

_FOLDER = "besluitenlog"
_ID = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass(frozen=True)
class KnownHead:
    seq: int
    hash: str
    meeting_finalised_at: str | None  # ISO time the head entry's meeting was finalised
    file: str  # the workspace's file name when it was seen (for people, not for checks)
    seen: str  # ISO time it was seen

    @property
    def seen_text(self) -> str:
        try:
            return f"{datetime.fromisoformat(self.seen):%d-%m-%Y %H:%M}"
        except ValueError:
            return self.seen


def _path(workspace_id: str) -> Path | None:
    if not _ID.match(workspace_id):
        return None
    return data_folder() / _FOLDER / f"{workspace_id}.json"


def load(workspace_id: str | None) -> KnownHead | None:
    path = _path(workspace_id) if workspace_id else None
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return KnownHead(int(data["seq"]), str(data["hash"]), data.get("meeting_finalised_at"),
                         str(data.get("file", "")), str(data.get("seen", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(workspace_id: str | None, head: KnownHead) -> str | None:
    """Keep ``head``; a Dutch warning when the data folder cannot be written."""
    path = _path(workspace_id) if workspace_id else None
    if path is None or head.seq <= 0:
        return None
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(asdict(head), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return (f"De laatste kophash van het besluitenlog kon niet worden bewaard in "
                f"{path.parent} ({exc.strerror or exc}); een ingekort of herschreven log "
                "valt zo later minder snel op. Controleer of die map beschrijfbaar is.")
    return None


def forget(workspace_id: str | None) -> None:
    """No head is expected any more: a backup from before the first vaststelling was put
    back deliberately (a kept head would report its empty log as cut off)."""
    path = _path(workspace_id) if workspace_id else None
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()
