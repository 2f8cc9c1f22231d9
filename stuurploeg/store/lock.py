"""One writer per workspace: a lock file beside it, held with an OS file lock.

The OS lock (``flock``/``LockFileEx`` via msvcrt) is released by the kernel when the holder
dies, so a lock left by a killed process is recovered by simply taking it. The file's
content (host, process id, since when) only serves the message shown to the second
process. Where the file system offers no OS locks (some network shares), the content is
used instead: a lock of a process that no longer runs on this host is taken over.

The lock file is written, so it must be ours: it is opened without following a symbolic
link, and anything that is not a plain file with one name and our kind of content (a
link to the workspace or to any other file, a hard link, a folder, a foreign file) is
refused and left exactly as it is.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stuurploeg.store.errors import StoreError, WorkspaceLocked

_WIN_LOCK_OFFSET = 1 << 30  # lock a byte far past the content, so others can still read it


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


@dataclass(frozen=True)
class Holder:
    host: str | None
    pid: int | None
    since: datetime | None


class WorkspaceLock:
    """Held from :meth:`acquire` until :meth:`release`; not re-entrant."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.path = lock_path(workspace)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        for _ in range(10):  # the holder may delete the file between our open and lock
            try:
                fd, created = _open_lock_file(self.path)
            except FileNotFoundError:
                continue  # deleted between the two opens: try again
            except OSError as exc:
                raise _not_our_file(self.path, exc) from exc
            if not created:
                try:
                    _check_ours(fd, self.path)
                except StoreError:
                    os.close(fd)
                    raise
            got = _try_os_lock(fd)
            if got is False:
                holder = _read_holder(fd)
                os.close(fd)
                raise WorkspaceLocked(self.workspace, holder.host, holder.pid, holder.since)
            if got is None and not created:
                # No OS locks: only O_EXCL creation is atomic. An existing file is someone
                # else's unless its process is gone; then remove it and create our own.
                if not _content_lock_is_free(fd):
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise WorkspaceLocked(self.workspace, holder.host, holder.pid, holder.since)
                if _same_file(fd, self.path):
                    with contextlib.suppress(OSError):
                        os.unlink(self.path)
                os.close(fd)
                continue
            if not _same_file(fd, self.path):
                os.close(fd)
                continue
            _write_holder(fd)
            self._fd = fd
            return
        raise StoreError(
            f"Kan de werkruimte {self.workspace.name} niet vergrendelen. Probeer het opnieuw."
        )

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Delete while still locked, so nobody can take the lock on a file about to vanish
        # (acquire() re-checks the inode for the same reason).
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(OSError):
            _os_unlock(fd)
        os.close(fd)


def read_holder(workspace: Path) -> Holder | None:
    """Who holds ``workspace`` now, or None when nobody does."""
    path = lock_path(workspace)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        _check_ours(fd, path)
    except StoreError:
        os.close(fd)
        return None
    try:
        got = _try_os_lock(fd)
        if got:
            _os_unlock(fd)
            return None
        return _read_holder(fd)
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    fs = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (fs.st_dev, fs.st_ino)


def _read_holder(fd: int) -> Holder:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return Holder(data.get("host"), data.get("pid"), since)
    except (OSError, ValueError, TypeError, AttributeError):
        return Holder(None, None, None)


def _write_holder(fd: int) -> None:
    info = {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, json.dumps(info).encode("utf-8"))
    os.fsync(fd)


_CREATING_GRACE = 30.0  # seconds an empty lock file counts as being written by its creator


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_HOLDER_START = b'{"host"'


def _open_lock_file(path: Path) -> tuple[int, bool]:
    """(fd, created): created only when this call made the file (O_EXCL, which never
    follows a link). An existing one is opened without following a link."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644), True
    except FileExistsError:
        if not _NOFOLLOW and os.path.islink(path):  # pragma: no cover - Windows
            raise OSError(errno.ELOOP, "symbolic link", str(path)) from None
        return os.open(path, os.O_RDWR | _NOFOLLOW), False


def _check_ours(fd: int, path: Path) -> None:
    """Refuse an existing lock file that we did not write: we would truncate it."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise _not_our_file(path, None, "is geen gewoon bestand")
    if st.st_nlink != 1:
        raise _not_our_file(path, None, "is een harde koppeling (hetzelfde bestand heeft "
                           "nog een andere naam)")
    os.lseek(fd, 0, os.SEEK_SET)
    head = os.read(fd, len(_HOLDER_START))
    if head and not _HOLDER_START.startswith(head[: len(_HOLDER_START)]):
        raise StoreError(
            f"Op de plaats van het slotbestand {path.name} staat een bestand dat niet van "
            "Stuurploeg is; het is niet gewijzigd. Zet dat bestand ergens anders neer (of "
            "verwijder het als het niet nodig is) en probeer het dan opnieuw."
        )


def _not_our_file(path: Path, exc: OSError | None, what: str | None = None) -> StoreError:
    """The Dutch refusal for a lock path we cannot or may not write."""
    code = exc.errno if exc is not None else None
    if what is None and code == errno.ELOOP:
        what = "is een koppeling (snelkoppeling of symbolische link) naar een ander bestand"
    if what is None and (code == errno.EISDIR or path.is_dir()):
        what = "is een map"
    if what is not None:
        if "map" in what:
            todo = "Verplaats of hernoem die map"
        else:
            todo = ("Verwijder de koppeling (alleen de koppeling, niet het bestand waar ze "
                    "naar wijst)")
        return StoreError(
            f"Het slotbestand {path.name} naast de werkruimte {what}; Stuurploeg schrijft "
            f"daar niet doorheen en heeft niets gewijzigd. {todo} en probeer het opnieuw."
        )
    return StoreError(
        f"Kan het slotbestand {path.name} niet aanmaken: {exc.strerror if exc else ''}. "
        "Controleer of u in deze map mag schrijven."
    )


def _content_lock_is_free(fd: int) -> bool:
    """Fallback without OS locks: free when its process is gone, or when it stayed empty
    (a creator that died before writing); a fresh empty file is being written now."""
    holder = _read_holder(fd)
    if holder.pid is None:
        try:
            age = datetime.now().timestamp() - os.fstat(fd).st_mtime
        except OSError:
            return True
        return age > _CREATING_GRACE
    if holder.host != socket.gethostname():
        return False
    return not _pid_alive(holder.pid)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_os_lock(fd: int) -> bool | None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True

    def _os_unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_os_lock(fd: int) -> bool | None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            return None  # no OS locks here (ENOLCK, EOPNOTSUPP): use the content
        return True

    def _os_unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
