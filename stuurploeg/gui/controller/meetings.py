"""The meetings a workspace holds drafts for: so that none is out of sight.

Drafts belong to the meeting (its day) they were recorded in. A meeting whose drafts are
not yet vastgesteld must stay visible and reachable, whatever day the window shows now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stuurploeg.domain.decisions import Decision


@dataclass(frozen=True)
class OpenMeeting:
    """A meeting with drafts that are not yet vastgesteld."""

    day: date
    drafts: int


def open_meetings(decisions: Iterable[Decision]) -> tuple[OpenMeeting, ...]:
    """Every meeting day with drafts and how many, newest first."""
    counts = Counter(d.meeting_date for d in decisions if not d.final and d.meeting_date)
    return tuple(OpenMeeting(day, n) for day, n in sorted(counts.items(), reverse=True))


def draft_count(decisions: Iterable[Decision]) -> int:
    """All drafts of all meetings."""
    return sum(1 for d in decisions if not d.final)
