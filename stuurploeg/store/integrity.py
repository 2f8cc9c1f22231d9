"""SQLite's own consistency checks, run on open and by ``verify``."""

from __future__ import annotations

import sqlite3


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """Empty when the file is sound; otherwise SQLite's findings (English, technical)."""
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        problems = [r for r in rows if r != "ok"]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} rij {rowid} verwijst naar een ontbrekende {parent}")
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return problems
