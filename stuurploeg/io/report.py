"""What an import check found: plain data that crosses the process boundary by pickle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from stuurploeg.domain.model import CapacityData, Case

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem, located as the user sees it: sheet, Excel row number, column header."""

    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: Severity = "error"

    def to_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "value": self.value, "message": self.message}

    def where(self) -> str:
        """``blad Zaken, rij 12, kolom 'FTE'`` — the location in Dutch."""
        parts = []
        if self.sheet:
            parts.append(f"blad {self.sheet}")
        if self.row:
            parts.append(f"rij {self.row}")
        if self.column:
            parts.append(f"kolom '{self.column}'")
        return ", ".join(parts)

    def describe(self) -> str:
        """Location, message and value in one Dutch line, as every report shows it."""
        where = self.where()
        value = f" [waarde: {self.value}]" if self.value else ""
        return f"{where + ': ' if where else ''}{self.message}{value}"


@dataclass(slots=True)
class CheckReport:
    file: str
    kind: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    rows: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    cases: list[Case] | None = None
    capacity: CapacityData | None = None

    @property
    def usable(self) -> bool:
        """Readable, and nothing that makes a row unusable (warnings are fine)."""
        return not self.errors and self.rows > 0

    def add(self, issue: Issue) -> None:
        (self.errors if issue.severity == "error" else self.warnings).append(issue)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "rows": self.rows,
            "errors": [i.to_json() for i in self.errors],
            "warnings": [i.to_json() for i in self.warnings],
            "unused_columns": list(self.unused_columns),
        }


class ReadRefused(Exception):
    """The file cannot or may not be read; ``str()`` is the Dutch message for the user."""
