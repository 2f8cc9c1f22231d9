"""The capacity grid: per team, kind and week the available and the running fte.

Arrays are ``(teams, kinds, weeks)``; week index 0 is the first week of the horizon. The
grid runs past the horizon far enough for the longest candidate that starts in its last
week; weeks beyond the horizon use the base capacity (no Beschikbaarheid).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from stuurploeg.domain.model import SPECIALISMS, CapacityData, Case, CaseStatus
from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.types import KINDS, TOLERANCE, Overbooking, Scenario
from stuurploeg.domain.weeks import IsoWeek


def team_key(name: str) -> str:
    """How team names are compared: the import matches them case-insensitively, so must we."""
    return name.strip().casefold()


@dataclass
class CapacityGrid:
    teams: tuple[str, ...]
    start: IsoWeek
    horizon: int
    available: np.ndarray  # (T, K, L) fte the teams have
    running: np.ndarray  # (T, K, L) fte running cases use
    overbooked: list[Overbooking] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Caches of values derived from the arrays above (which do not change once built).
    _weeks: dict[int, IsoWeek] = field(default_factory=dict, repr=False, compare=False)
    _has_kind: np.ndarray | None = field(default=None, repr=False, compare=False)
    # case id -> (case, its candidate shape): see ``candidates.candidate_for``
    shapes: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False, compare=False)
    # values the planner derives from a candidate's signature alone (``state.first_fit``)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def length(self) -> int:
        return self.available.shape[2]

    def week(self, index: int) -> IsoWeek:
        week = self._weeks.get(index)
        if week is None:  # week arithmetic goes through a date: worth remembering
            week = self._weeks[index] = self.start + index
        return week

    def has_kind(self) -> np.ndarray:
        """(T, K) bool: the team has some fte of that kind in some week."""
        if self._has_kind is None:
            self._has_kind = (self.available > 0).any(axis=2)
        return self._has_kind

    def index_of(self, week: IsoWeek) -> int:
        return week - self.start  # type: ignore[return-value]

    def team_index(self, name: str) -> int | None:
        """The team's index, matching ``name`` as the import does (case, outer spaces)."""
        key = team_key(name)
        return next((i for i, t in enumerate(self.teams) if team_key(t) == key), None)

    def remaining(self) -> np.ndarray:
        """What is left for candidates; an overbooked week has nothing left."""
        return np.maximum(self.available - self.running, 0.0)


def build_grid(
    capacity: CapacityData,
    start: IsoWeek,
    horizon: int,
    *,
    running_cases: Iterable[Case] = (),
    scenario: Scenario | None = None,
    extra_weeks: int = 0,
) -> CapacityGrid:
    """Available capacity after the Beschikbaarheid overrides and the scenario, and what
    running cases consume. ``extra_weeks``: grid length beyond the horizon."""
    if horizon < 1:
        raise ValueError("de planperiode moet minstens 1 week zijn")
    teams = tuple(t.team for t in capacity.teams)
    length = horizon + max(extra_weeks, 0)
    n_kinds = len(KINDS)
    available = np.zeros((len(teams), n_kinds, length))
    for ti, team in enumerate(capacity.teams):
        available[ti, 0, :] = team.base_fte
        for si, spec in enumerate(SPECIALISMS, start=1):
            available[ti, si, :] = team.base_specialist_fte(spec)
    index: dict[str, int] = {}
    for i, name in enumerate(teams):
        index.setdefault(team_key(name), i)
    warnings: list[str] = []
    if not np.isfinite(available).all():
        bad = sorted({teams[i] for i in np.nonzero(~np.isfinite(available))[0]})
        warnings.append(f"Ongeldige capaciteit voor team {', '.join(bad)}; geteld als 0 fte.")
        available[~np.isfinite(available)] = 0.0
    for (name, week), value in capacity.availability.items():
        ti = index.get(team_key(name))
        w = week - start
        if ti is None:
            warnings.append(f"Beschikbaarheid voor onbekend team {name} ({week}) genegeerd.")
        elif 0 <= w < horizon:  # type: ignore[operator]
            v = float(value)
            available[ti, 0, w] = max(v, 0.0) if np.isfinite(v) else 0.0
    if scenario is not None:
        _apply_scenario(available, scenario, index, start, warnings)
    running = np.zeros_like(available)
    for case in running_cases:
        _add_running(running, case, index, start, warnings)
    grid = CapacityGrid(teams, start, horizon, available, running, warnings=warnings)
    grid.overbooked = _overbooked(grid)
    return grid


def _apply_scenario(
    available: np.ndarray,
    scenario: Scenario,
    index: dict[str, int],
    start: IsoWeek,
    warnings: list[str],
) -> None:
    length = available.shape[2]
    for d in scenario.deltas:
        ti = index.get(team_key(d.team))
        if ti is None:
            warnings.append(f"Scenario {scenario.name}: onbekend team {d.team} genegeerd.")
            continue
        if d.kind not in KINDS:
            warnings.append(f"Scenario {scenario.name}: onbekende soort {d.kind} genegeerd.")
            continue
        lo = max(d.from_week - start, 0)  # type: ignore[operator]
        hi = length if d.to_week is None else min(d.to_week - start + 1, length)  # type: ignore[operator]
        if lo < hi:
            k = KINDS.index(d.kind)
            available[ti, k, lo:hi] = np.maximum(available[ti, k, lo:hi] + d.fte, 0.0)


def _add_running(
    running: np.ndarray, case: Case, index: dict[str, int], start: IsoWeek, warnings: list[str]
) -> None:
    if case.status is not CaseStatus.RUNNING:
        return
    values = [case.fte or 0.0, *case.specialist_fte.values()]
    if not all(np.isfinite(values)):
        warnings.append(f"Lopende zaak {case.case_id} heeft een ongeldig aantal fte en telt "
                        "niet mee in de bezetting.")
        return
    if case.team is None or case.start_week is None or not case.fte or not case.weeks:
        warnings.append(
            f"Lopende zaak {case.case_id} mist team, startweek, fte of doorlooptijd en telt "
            "niet mee in de bezetting."
        )
        return
    ti = index.get(team_key(case.team))
    if ti is None:
        warnings.append(
            f"Lopende zaak {case.case_id} staat op team {case.team}, dat niet in de "
            "capaciteitsgegevens staat; de zaak telt niet mee."
        )
        return
    first = case.start_week - start  # may lie before the horizon
    lo, hi = max(first, 0), min(first + case.weeks, running.shape[2])  # type: ignore[operator]
    if lo >= hi:
        return
    running[ti, 0, lo:hi] += case.fte
    for si, spec in enumerate(SPECIALISMS, start=1):
        running[ti, si, lo:hi] += case.specialist_fte.get(spec, 0.0)


def _overbooked(grid: CapacityGrid) -> list[Overbooking]:
    excess = grid.running[:, :, : grid.horizon] - grid.available[:, :, : grid.horizon]
    out = []
    for ti, k, w in zip(*np.nonzero(excess > TOLERANCE), strict=True):
        out.append(
            Overbooking(grid.teams[ti], grid.week(int(w)), KINDS[k], float(excess[ti, k, w]))
        )
    out.sort(key=lambda o: (grid.teams.index(o.team), o.week, KINDS.index(o.kind)))
    return out


def overbooking_text(o: Overbooking) -> str:
    return (
        f"{fmt.team(o.team)}, {o.week}: lopende zaken vragen {fmt.fte(o.fte)} fte {o.kind} "
        "te veel."
    )


def team_names(grid: CapacityGrid, indices: Sequence[int]) -> str:
    return ", ".join(grid.teams[i] for i in indices)
