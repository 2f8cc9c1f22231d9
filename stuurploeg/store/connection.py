"""Opening the SQLite file the way every workspace needs it.

WAL with ``synchronous=FULL`` makes each committed transaction durable across a crash or
power loss; every write runs in ``BEGIN IMMEDIATE`` so that a write never has to upgrade a
read lock halfway (which could fail with SQLITE_BUSY after work was done).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stuurploeg.store.errors import StoreError, translate

BUSY_TIMEOUT_MS = 5_000


SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves) with our pragmas set.

    Opening writes nothing: call :func:`enable_wal` once the file has been checked, so a
    damaged file is never modified. ``readonly`` connections refuse every write.
    """
    try:
        conn = _open_readonly(path) if readonly else None
        if conn is None:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise translate(exc, f"Openen van {path.name}") from exc
    return conn


def _open_readonly(path: Path) -> sqlite3.Connection | None:
    """A truly read-only connection: it cannot even checkpoint the WAL into the file on
    close (which a read-write connection does), so checking a damaged workspace changes
    no byte of it. None when SQLite cannot open it so (e.g. WAL without its -shm file).

    A file that no process has open is read as *immutable*: then SQLite creates no -wal
    or -shm beside it (``verify`` writes nothing) and it reads from read-only media.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not wal.exists() and not shm.exists() and _header_says_wal(path):
        # Closed, but left in WAL mode (as older versions did): an open WAL database always
        # has its -wal file, so nobody is writing it, and a plain read-only open would
        # create both side files.
        return _try_readonly(uri + "&immutable=1")
    conn = _try_readonly(uri)
    if conn is None and (not wal.exists() or wal.stat().st_size == 0):
        # Read-only media: SQLite cannot create the files it would use to coordinate
        # readers, and with no WAL content there is nothing they would add.
        conn = _try_readonly(uri + "&immutable=1")
    return conn


def _try_readonly(uri: str) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise
        return None
    return conn


def _header_says_wal(path: Path) -> bool:
    """Bytes 18 and 19 of a SQLite header are 2 for a database in WAL mode."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head.startswith(SQLITE_MAGIC) and head[18:20] == b"\x02\x02"


def enable_wal(conn: sqlite3.Connection, name: str) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.Error as exc:
        raise translate(exc, f"Openen van {name}") from exc
    if str(mode).lower() != "wal":
        raise StoreError(
            f"De werkruimte {name} kan niet in de veilige schrijfmodus (WAL) worden geopend. "
            "Zet het bestand in een gewone map op deze computer."
        )


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one that starts with SQLite's header."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    return head == SQLITE_MAGIC or head == b""


@contextmanager
def write_transaction(conn: sqlite3.Connection, what: str) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; on any error roll back and raise a StoreError.

    ``what`` is the Dutch description of the change, used in the error message.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc, what) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(exc, what) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        # SQLite may already have rolled back (e.g. after SQLITE_FULL): nothing to undo.
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
