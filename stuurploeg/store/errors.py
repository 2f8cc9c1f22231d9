"""The store's exceptions. ``str()`` of each is a Dutch message that says what to do."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stuurploeg.domain.decisions import Decision


class StoreError(Exception):
    """Something went wrong reading or writing the workspace; nothing was half-written."""


class DiskFullError(StoreError):
    pass


class WorkspaceLocked(StoreError):
    """Another process holds the workspace; ``host``, ``pid`` and ``since`` name it."""

    def __init__(self, path: Path, host: str | None, pid: int | None, since: datetime | None):
        self.path, self.host, self.pid, self.since = path, host, pid, since
        who = (
            f"door {host or 'onbekende computer'}, proces {pid if pid is not None else '?'}, "
            f"sinds {since.strftime('%d-%m-%Y %H:%M') if since else 'onbekend tijdstip'}"
        )
        super().__init__(
            f"De werkruimte {path.name} is al geopend {who}. Sluit de werkruimte daar "
            "(of wacht tot dat programma klaar is) en probeer het opnieuw."
        )


class WorkspaceDamaged(StoreError):
    """The integrity check failed; the file is left untouched."""

    def __init__(self, path: Path, problems: list[str], backups: list[Path]):
        self.path, self.problems, self.backups = path, problems, backups
        hint = (
            f"Er zijn {len(backups)} reservekopieën; de nieuwste is {backups[-1].name}. "
            f"Zet een reservekopie terug met 'stuurploeg restore {path.name}' (het "
            "beschadigde bestand blijft bewaard)."
            if backups
            else "Er is geen reservekopie gevonden; bewaar het bestand en vraag hulp."
        )
        super().__init__(
            f"De werkruimte {path.name} is beschadigd ({'; '.join(problems[:3])}). "
            f"Het bestand is niet gewijzigd. {hint}"
        )


class CorruptError(StoreError):
    """SQLite reported the file as malformed while doing something."""


class WorkspaceTooNew(StoreError):
    pass


class NotAWorkspace(StoreError):
    pass


def translate(exc: sqlite3.Error, what: str) -> StoreError:
    """A Dutch StoreError for a sqlite3 error raised while doing ``what``."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith("SQLITE_FULL") or code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFullError(
            f"{what} is niet gelukt: de schijf is vol. Er is niets half opgeslagen en de "
            "werkruimte is intact. Maak ruimte vrij op de schijf en probeer het opnieuw."
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreError(
            f"{what} is niet gelukt: de werkruimte is bezet door een ander programma. "
            "Wacht even en probeer het opnieuw."
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return CorruptError(
            f"{what} is niet gelukt: de werkruimte is beschadigd ({text}). Sluit de app en "
            "zet een reservekopie terug met 'stuurploeg restore'."
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")):
        return StoreError(
            f"{what} is niet gelukt: de werkruimte kan niet worden geschreven ({text}). "
            "Controleer of u in deze map mag schrijven en of de schijf bereikbaar is."
        )
    if name.startswith("SQLITE_CONSTRAINT") or isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"{what} is geweigerd door de werkruimte: {text}.")
    return StoreError(f"{what} is niet gelukt: {text}.")


class MeetingFinalised(StoreError):
    """The meeting's besluitenlijst is vastgesteld: nothing can be added or changed."""

    def __init__(self, day: date) -> None:
        self.day = day
        super().__init__(
            f"De besluitenlijst van {day:%d-%m-%Y} is al vastgesteld. Leg nieuwe besluiten of "
            "correcties vast in een volgende vergadering."
        )


class DecisionExists(StoreError):
    """The meeting already holds a decision about the case; ``existing`` is that one."""

    def __init__(self, existing: Decision) -> None:
        self.existing = existing
        day = f" van {existing.meeting_date:%d-%m-%Y}" if existing.meeting_date else ""
        super().__init__(
            f"In de vergadering{day} is al een besluit over zaak {existing.case_id} "
            "vastgelegd. Per vergadering geldt één besluit per zaak."
        )
