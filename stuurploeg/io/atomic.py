"""Replacing a file the user chose, atomically, leaving nothing behind.

The new content is written to a partial file beside the target (same folder, so the final
rename is atomic and nothing lands outside the folder the user chose) and moved into place
when complete. The partial file is locked while it is written; the next save into the same
folder removes the partial files of saves that were killed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path


class ExportError(Exception):
    """A workbook could not be written; ``str()`` is a Dutch message that says what to do."""


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Read, not set-and-restore: os.umask() would briefly change it for every thread.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


_PARTIAL_PREFIX = ".~stuurploeg-"
_PARTIAL_SUFFIX = ".tmp"
# Leftovers of versions that named their partial files after mkstemp (".NAME-xxxxxxxx.tmp").
_OLD_PARTIAL = re.compile(r"^\..+-[a-z0-9_]{8}\.tmp$")


def partial_name(stem: str) -> str:
    """The name of a partial export file for a target named ``stem``."""
    return f"{_PARTIAL_PREFIX}{stem}-{secrets.token_hex(4)}{_PARTIAL_SUFFIX}"


def save_atomically(
    target: Path,
    write: Callable[[str], None],
    *,
    retries: int = 5,
    delay: float = 0.2,
) -> None:
    """Write via ``write(tmp_path)`` beside ``target`` and move it into place.

    The old target is never touched unless the new file is complete; a failure leaves it
    byte-identical and raises :class:`ExportError` with a Dutch message. The partial file is
    locked while it is written, so another export into the same folder (which removes the
    leftovers of killed ones) leaves it alone.
    """
    folder = target.parent if str(target.parent) else Path(".")
    _check_folder(folder, target)
    remove_leftovers(folder, target.stem)
    tmp = folder / partial_name(target.stem)
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
    except OSError as exc:
        raise ExportError(_cannot_write(target, folder, exc)) from exc
    try:
        _lock(fd)
        try:
            write(str(tmp))
            os.fsync(fd)
            # The partial file is private (0600); give it the permissions the replaced
            # file had, or those of any new file the user makes.
            os.chmod(tmp, _mode_for(target))
        except OSError as exc:
            raise ExportError(_cannot_write(target, folder, exc)) from exc
        for attempt in range(retries + 1):
            try:
                os.replace(tmp, target)
                break
            except PermissionError as exc:
                if attempt == retries:
                    raise ExportError(
                        f"{target.name} is in gebruik door een ander programma (open in "
                        "Excel?). Sluit het bestand en probeer het opnieuw, of kies een andere "
                        "bestandsnaam. Het bestaande bestand is niet gewijzigd."
                    ) from exc
                time.sleep(delay * (attempt + 1))
            except OSError as exc:
                raise ExportError(
                    f"Kon {target.name} niet op zijn plaats zetten in {folder}: "
                    f"{exc.strerror or exc}. Kies een andere bestandsnaam of map. Het bestaande "
                    "bestand is niet gewijzigd."
                ) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        os.close(fd)


def _check_folder(folder: Path, target: Path) -> None:
    if target.is_dir():
        raise ExportError(f"{target} is een map, geen bestand. Kies een bestandsnaam.")
    if folder.is_dir():
        return
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            raise ExportError(
                f"{parent} is een bestand, geen map; daarin kan {target.name} niet worden "
                "opgeslagen. Kies een map om de export in op te slaan."
            )
        if parent.is_dir():
            break
    raise ExportError(f"De map {folder} bestaat niet. Kies een bestaande map.")


def _cannot_write(target: Path, folder: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = ("de schijf is vol. Maak ruimte vrij of kies een andere map; het bestaande "
               "bestand is niet gewijzigd.")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = ("u mag in deze map niet schrijven (of de schijf is alleen-lezen). Kies een "
               "andere map.")
    else:
        why = (f"{exc.strerror or exc}. Controleer of er ruimte is op de schijf en of u in "
               "deze map mag schrijven.")
    return f"Kon {target.name} niet schrijven in {folder}: {why}"


def remove_leftovers(folder: Path, stem: str) -> list[Path]:
    """Remove partial files of exports that were killed; those of an export still running
    (its file is locked) stay. Returns what was removed."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        ours = name.startswith(_PARTIAL_PREFIX) and name.endswith(_PARTIAL_SUFFIX)
        old = name.startswith(f".{stem}-") and bool(_OLD_PARTIAL.match(name))
        if not (ours or old):
            continue
        path = folder / name
        if _remove_if_unlocked(path):
            removed.append(path)
    return removed


def _remove_if_unlocked(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not _lock(fd):
            return False  # an export in progress holds it
        with contextlib.suppress(OSError):
            os.unlink(path)
            return True
        return False
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - Windows: an open file cannot be removed anyway

    def _lock(fd: int) -> bool:
        return True

else:
    import fcntl

    def _lock(fd: int) -> bool:
        """Take the file's lock without waiting; False when another process holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
