"""Warnings for workspaces on network or synchronised folders.

SQLite's WAL needs shared memory and reliable file locks on the same machine; network
file systems and sync clients (which copy the file behind SQLite's back) break both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

_SYNC_MARKERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mijn drive", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("icloud", "iCloud"),
    ("mobile documents", "iCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("sharepoint", "SharePoint"),
)
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "fuse.sshfs", "sshfs", "afs",
    "9p", "davfs", "fuse.davfs2", "webdav", "ncpfs", "fuse.rclone", "fuse.gvfsd-fuse",
    "glusterfs", "ceph", "lustre",
}


def location_warnings(path: Path, *, mounts_file: str = "/proc/mounts") -> list[str]:
    """Dutch warnings for a workspace path that lies on a network or sync folder."""
    warnings = []
    text = str(path)
    if text.startswith(("\\\\", "//")):
        warnings.append(_network_message(path, "een netwerkpad"))
    else:
        service = sync_service(path)
        if service:
            warnings.append(
                f"De werkruimte {path.name} staat in een map die {service} synchroniseert. "
                "Dat kan de werkruimte beschadigen of besluiten laten verdwijnen. Zet de "
                "werkruimte in een gewone map op deze computer (niet gesynchroniseerd)."
            )
        fs = _filesystem_type(path, mounts_file)
        if fs is not None and fs.lower() in _NETWORK_FS:
            warnings.append(_network_message(path, f"een netwerkschijf ({fs})"))
        elif sys.platform == "win32" and _windows_remote_drive(path):  # pragma: no cover
            warnings.append(_network_message(path, "een netwerkschijf"))
    return warnings


def sync_service(path: PurePath) -> str | None:
    for part in path.parts:
        low = part.lower()
        for marker, service in _SYNC_MARKERS:
            if low == marker or low.startswith(marker + " ") or low.startswith(marker + "-"):
                return service
    return None


def _network_message(path: Path, where: str) -> str:
    return (
        f"De werkruimte {path.name} staat op {where}. Daar is het veilige opslaan van "
        "SQLite niet betrouwbaar; zet de werkruimte in een gewone map op deze computer."
    )


def _filesystem_type(path: Path, mounts_file: str) -> str | None:
    """The type of the mount holding ``path`` (Linux /proc/mounts); None if unknown."""
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            mounts = [line.split() for line in fh]
    except OSError:
        return None
    target = os.path.abspath(path.parent if not path.exists() else path)
    best, best_type = "", None
    for fields in mounts:
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(
            best
        ):
            best, best_type = point, fields[2]
    return best_type


def _windows_remote_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
