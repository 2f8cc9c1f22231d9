"""Checking a scenario against the data it will be planned on: teams, cases, weeks.

Used by ``stuurploeg plan --scenario`` (errors stop the run) and by the GUI's scenario
panel (shown beside the scenario). A scenario file's problems name its line, entry and
key; a scenario made in the GUI names the change by its number.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from stuurploeg.app.scenario_file import CAPACITY, CASE, ScenarioFile, ScenarioProblem
from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.domain.planning.grid import team_key
from stuurploeg.domain.planning.types import KINDS, CaseAction, Scenario
from stuurploeg.domain.weeks import IsoWeek

_STATUS_TEXT = {"lopend": "loopt al", "afgerond": "is afgerond"}


def check_scenario(
    scenario: Scenario,
    cases: Sequence[Case],
    capacity: CapacityData,
    *,
    start: IsoWeek,
    weeks: int,
    file: ScenarioFile | None = None,
) -> list[ScenarioProblem]:
    """Errors (the scenario cannot be planned as meant) and warnings, in Dutch."""
    checker = _Checker(scenario, file)
    end = start + (weeks - 1)
    if not scenario.name.strip():
        checker.add("het scenario heeft geen naam.", None, None, "name")
    teams = {team_key(t.team): t.team for t in capacity.teams}
    known_teams = ", ".join(t.team for t in capacity.teams) or "geen"
    for i, d in enumerate(scenario.deltas):
        if team_key(d.team) not in teams:
            hint = _close(d.team, [t.team for t in capacity.teams])
            checker.add(f"onbekend team {d.team!r}{hint}; bekende teams: {known_teams}.",
                        CAPACITY, i, "team")
        if d.kind not in KINDS:
            checker.add(f"onbekende soort capaciteit {d.kind!r}; kies uit "
                        f"{', '.join(KINDS)}.", CAPACITY, i, "specialism")
        if not math.isfinite(d.fte) or d.fte == 0:
            checker.add(f"fte moet een getal ongelijk aan 0 zijn, niet {d.fte!r}.",
                        CAPACITY, i, "fte")
        if d.to_week is not None and d.to_week < d.from_week:
            checker.add(f"de laatste week {d.to_week} ligt vóór de eerste week {d.from_week}.",
                        CAPACITY, i, "to")
        elif d.to_week is not None and d.to_week < start:
            checker.add(f"{d.from_week} t/m {d.to_week} ligt helemaal vóór de planperiode "
                        f"({start} t/m {end}) en verandert niets.", CAPACITY, i, "to")
        elif d.from_week > end:
            checker.add(f"begint ({d.from_week}) na het einde van de planperiode ({end}); "
                        "telt alleen voor zaken die dan nog lopen.", CAPACITY, i, "from",
                        warning=True)
    by_id = {c.case_id: c for c in cases}
    actions: dict[str, list[tuple[CaseAction, int]]] = {}
    for i, ch in enumerate(scenario.cases):
        case = by_id.get(ch.case_id)
        if case is None:
            hint = _close(ch.case_id, list(by_id))
            checker.add(f"onbekende zaak {ch.case_id!r}{hint}: die staat niet in de "
                        "zakenlijst.", CASE, i, "case")
            continue
        if not case.status.is_candidate:
            what = _STATUS_TEXT.get(case.status.value, f"heeft status {case.status.value}")
            checker.add(f"zaak {ch.case_id} {what}; alleen nieuwe en geparkeerde zaken kunnen "
                        "in een scenario worden ingepland, uitgesloten of later gestart.",
                        CASE, i, "case")
            continue
        for action, j in actions.get(ch.case_id, []):
            if action is ch.action or CaseAction.OUT in (action, ch.action):
                checker.add(f'zaak {ch.case_id}: "{ch.action.value}" gaat niet samen met '
                            f'wijziging {j + 1} ("{action.value}").', CASE, i, "action")
        actions.setdefault(ch.case_id, []).append((ch.action, i))
        if ch.action is CaseAction.START and ch.start is not None:
            if ch.start <= start:
                checker.add(f"startweek {ch.start} ligt niet na het begin van de planperiode "
                            f"({start}) en verandert niets.", CASE, i, "start", warning=True)
            elif ch.start > end:
                checker.add(f"startweek {ch.start} ligt na het einde van de planperiode "
                            f"({end}); de zaak kan dan niet worden ingepland.", CASE, i,
                            "start", warning=True)
    if not scenario.deltas and not scenario.cases and scenario.profile is None:
        checker.add("het scenario verandert niets ten opzichte van de basis.", None, None,
                    None, warning=True)
    return checker.problems


def with_team_names(scenario: Scenario, capacity: CapacityData) -> Scenario:
    """``scenario`` with every team spelt as in the capacity sheet (teams are matched
    case-insensitively, as the import and the planner do), for the texts shown."""
    names = {team_key(t.team): t.team for t in reversed(capacity.teams)}
    deltas = tuple(replace(d, team=names.get(team_key(d.team), d.team))
                   for d in scenario.deltas)
    return replace(scenario, deltas=deltas)


class _Checker:
    def __init__(self, scenario: Scenario, file: ScenarioFile | None) -> None:
        self.scenario = scenario
        self.file = file
        self.problems: list[ScenarioProblem] = []
        self._seen: set[tuple[Any, ...]] = set()

    def add(self, message: str, section: str | None, index: int | None, key: str | None,
            *, warning: bool = False) -> None:
        severity = "warning" if warning else "error"
        if self.file is not None:
            number = None
            if section == CAPACITY and index is not None:
                number = self.file.delta_entries[index]
            elif section == CASE and index is not None:
                number = self.file.case_entries[index]
            where = self.file.where(section, number, key) if section else {
                "line": self.file.locator.line(None, None, key), "entry": None, "key": key}
            problem = ScenarioProblem(self.file.source, message, severity=severity, **where)
        else:
            entry = None
            if index is not None:
                label = "capaciteitswijziging" if section == CAPACITY else "zaakwijziging"
                entry = f"{label} {index + 1}"
            problem = ScenarioProblem(f"scenario {self.scenario.name}".strip(), message,
                                      entry=entry, key=key, severity=severity)
        # A change "of one specialism" is two deltas from one entry: report it once.
        ident = (problem.line, problem.entry, problem.key, problem.message)
        if ident not in self._seen:
            self._seen.add(ident)
            self.problems.append(problem)


def _close(value: str, known: list[str]) -> str:
    match = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if not match:
        lowered = {k.casefold(): k for k in known}
        match = [lowered[value.casefold()]] if value.casefold() in lowered else []
    return f" (bedoelt u {match[0]!r}?)" if match else ""


