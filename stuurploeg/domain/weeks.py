"""ISO-8601 weeks, the unit of time of every plan.

Weeks are kept as a (year, week) pair for display and as a consecutive integer index
(days since 0001-01-01 of the Monday, divided by 7) for arithmetic, so that week 53 of
2026 and the turn of the year need no special cases anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_ISO_RE = re.compile(r"^\s*(\d{4})\s*-?\s*[wW]\s*(\d{1,2})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    """An ISO week, e.g. ``IsoWeek(2026, 53)``; orders chronologically."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(f"{self.year} has no ISO week {self.week}")

    # -- construction -------------------------------------------------------------
    @classmethod
    def from_date(cls, day: date | datetime) -> IsoWeek:
        if isinstance(day, datetime):
            day = day.date()
        iso = day.isocalendar()
        return cls(iso[0], iso[1])

    @classmethod
    def from_index(cls, index: int) -> IsoWeek:
        return cls.from_date(date.fromordinal(index * 7 + 1))

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse ``2026-W05``, ``2026W5`` or ``2026-w05``; raises ValueError otherwise."""
        m = _ISO_RE.match(text)
        if not m:
            raise ValueError(f"not an ISO week: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def current(cls) -> IsoWeek:
        return cls.from_date(date.today())

    # -- conversion ---------------------------------------------------------------
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def index(self) -> int:
        """Consecutive week number: ``w.index + 1 == (w + 1).index`` across year ends."""
        return (self.monday().toordinal() - 1) // 7

    def __add__(self, weeks: int) -> IsoWeek:
        if not isinstance(weeks, int):
            return NotImplemented
        return IsoWeek.from_date(self.monday() + timedelta(weeks=weeks))

    def __sub__(self, other: IsoWeek | int) -> int | IsoWeek:  # type: ignore[override]
        if isinstance(other, IsoWeek):
            return self.index - other.index
        if isinstance(other, int):
            return self + (-other)
        return NotImplemented

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def __repr__(self) -> str:
        return f"IsoWeek({self.year}, {self.week})"


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar()[1]


def week_range(start: IsoWeek, count: int) -> list[IsoWeek]:
    """``count`` consecutive weeks from ``start``."""
    return [start + i for i in range(count)]
