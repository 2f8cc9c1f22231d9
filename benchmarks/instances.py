"""Generated unit-like planning instances for the planner benchmark (seeded, deterministic).

An instance is a case list and capacity data as an import would give them: candidates with
scored criteria, fte and duration, some specialist demand (digital, financial, tactical),
some start windows and team preferences, a few running cases per team, holiday dips.
What varies between instances:
- *tightness*: teams staffed at 40 %, 60 % or 100 % of their formation
  (``staffed_fte = share × formation_fte``); 40 % and 60 % are the tight instances,
  where most candidates cannot be placed and the choice of which ones matters;
- *size*: 60, 120 or 300 candidates on 5, 6 or 8 teams.
Every value comes from ``random.Random(seed)`` with a seed derived from the name, so the
same name gives the same instance on every machine and Python version.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
WEEKS = 26
SIZES = ((60, 5), (120, 6), (300, 8))  # (candidates, teams)
STAFFING = (0.4, 0.6, 1.0)
TIGHT = (0.4, 0.6)


@dataclass(frozen=True)
class Instance:
    name: str
    n_candidates: int
    n_teams: int
    staffing: float
    cases: tuple[Case, ...]
    capacity: CapacityData

    @property
    def tight(self) -> bool:
        return self.staffing in TIGHT


def names() -> list[str]:
    return [_name(n, t, s) for n, t in SIZES for s in STAFFING]


def tight_names() -> list[str]:
    return [_name(n, t, s) for n, t in SIZES for s in TIGHT]


def _name(n_candidates: int, n_teams: int, staffing: float) -> str:
    return f"c{n_candidates}-t{n_teams}-s{round(staffing * 100)}"


def instance(name: str) -> Instance:
    c, t, s = name.split("-")
    n_candidates, n_teams, staffing = int(c[1:]), int(t[1:]), int(s[1:]) / 100
    rng = random.Random(zlib.crc32(name.encode()))
    cases, capacity = _generate(rng, n_candidates, n_teams, staffing)
    return Instance(name, n_candidates, n_teams, staffing, tuple(cases), capacity)


def _generate(rng: random.Random, n_candidates: int, n_teams: int, staffing: float):
    teams = []
    for i in range(n_teams):
        formation = rng.choice((12, 14, 16, 18, 20))
        teams.append(Team(
            f"Team {chr(65 + i)}",
            staffed_fte=round(formation * staffing, 1),
            deployability=round(rng.uniform(0.65, 0.8), 2),
            formation_fte=formation,
            specialist_fte={  # specialists are scarce whatever the staffing
                Specialism.DIGITAL: rng.choice((0, 1, 1, 2)),
                Specialism.FINANCIAL: rng.choice((0, 1, 1)),
                Specialism.TACTICAL: rng.choice((1, 2)),
            },
            position=i,
        ))
    availability = {}
    for t in teams:  # summer-like dip and a Christmas week
        dip = rng.randint(8, 14)
        for w in (dip, dip + 1, dip + 2):
            availability[(t.team, START + w)] = round(t.base_fte * 0.6, 1)
        availability[(t.team, START + 12)] = round(t.base_fte * 0.5, 1)
    cases = []
    for i in range(n_candidates):
        spec = {}
        if rng.random() < 0.25:
            spec[Specialism.DIGITAL] = rng.choice((0.5, 1.0))
        if rng.random() < 0.15:
            spec[Specialism.FINANCIAL] = 0.5
        if rng.random() < 0.2:
            spec[Specialism.TACTICAL] = 0.5
        earliest = START + rng.randint(0, 12) if rng.random() < 0.15 else None
        latest = START + rng.randint(2, 20) if rng.random() < 0.15 else None
        if earliest and latest and latest < earliest:
            earliest, latest = latest, earliest
        cases.append(Case(
            f"MH-{i:03d}", f"Onderzoek {i}",
            rng.choice((CaseStatus.NEW, CaseStatus.NEW, CaseStatus.PARKED)),
            criteria={c: (None if rng.random() < 0.04 else rng.randint(1, 5)) for c in CRITERIA},
            fte=rng.choice((0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
            weeks=rng.randint(4, 26),
            specialist_fte=spec,
            team=teams[rng.randrange(n_teams)].team if rng.random() < 0.1 else None,
            earliest_start=earliest,
            latest_start=latest,
            ongoing=rng.random() < 0.3,
            minors=1 if rng.random() < 0.05 else 0,
            position=i,
        ))
    for j in range(2 * n_teams):
        t = teams[j % n_teams]
        cases.append(Case(
            f"LP-{j:03d}", f"Lopend {j}", CaseStatus.RUNNING,
            fte=rng.choice((1.0, 1.5, 2.0)), weeks=rng.randint(8, 30),
            team=t.team, start_week=START - rng.randint(0, 12),
            specialist_fte={Specialism.TACTICAL: 0.5} if rng.random() < 0.3 else {},
            position=1000 + j,
        ))
    return cases, CapacityData(tuple(teams), availability)


CASE_HEADERS = (
    "Zaaknummer", "Onderzoeksnaam", "Status", "Minderjarige slachtoffers", "Actuele uitbuiting",
    "Ernst", "Urgentie", "Informatiepositie", "Bewijskansen", "Doorrechercheerpotentie",
    "Maatschappelijke impact", "Benodigde fte", "Doorlooptijd (weken)", "Digitaal (fte)",
    "Financieel (fte)", "Tactisch (fte)", "Team", "Startweek", "Vroegste start",
    "Uiterste start",
)
TEAM_HEADERS = ("Team", "Formatie (fte)", "Bezetting (fte)", "Inzetbaarheid", "Digitaal (fte)",
                "Financieel (fte)", "Tactisch (fte)")


def write_instance(name: str, folder: Path) -> tuple[Path, Path]:
    """The instance as the two workbooks `stuurploeg plan` reads: (cases, capacity) paths.

    The import requires the total fte to include the specialists' (the planner does not),
    so a case whose specialists exceed its fte is written with the specialists' total."""
    folder = Path(folder)
    inst = instance(name)
    wb = Workbook()
    ws = wb.active
    ws.title = "Zaken"
    ws.append(CASE_HEADERS)

    def cell(v):
        return "" if v is None else str(v) if isinstance(v, IsoWeek) else v

    for c in inst.cases:
        ws.append([
            c.case_id, c.name, c.status.value, c.minors or 0, "ja" if c.ongoing else "nee",
            *[cell(c.criteria.get(k)) for k in CRITERIA],
            max(c.fte or 0, sum(c.specialist_fte.values())), c.weeks,
            *[cell(c.specialist_fte.get(s)) for s in
              (Specialism.DIGITAL, Specialism.FINANCIAL, Specialism.TACTICAL)],
            cell(c.team), cell(c.start_week), cell(c.earliest_start), cell(c.latest_start),
        ])
    cases_path = folder / f"{name}-zaken.xlsx"
    wb.save(cases_path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Teams"
    ws.append(TEAM_HEADERS)
    for t in inst.capacity.teams:
        ws.append([t.team, t.formation_fte, t.staffed_fte, t.deployability,
                   *[t.specialist_fte.get(s, 0) for s in
                     (Specialism.DIGITAL, Specialism.FINANCIAL, Specialism.TACTICAL)]])
    weeks = [START + i for i in range(WEEKS + 30)]
    avail = wb.create_sheet("Beschikbaarheid")
    avail.append(["Team", *[str(w) for w in weeks]])
    for t in inst.capacity.teams:
        avail.append([t.team, *[inst.capacity.availability.get((t.team, w), round(t.base_fte, 2))
                                for w in weeks]])
    capacity_path = folder / f"{name}-capaciteit.xlsx"
    wb.save(capacity_path)
    return cases_path, capacity_path


def unit_instance(seed: int = 11, n_candidates: int = 120, n_teams: int = 5):
    """A loose unit with running cases: the one the view, scenario and re-plan benchmarks
    time their work on (not a planner-quality instance; those are :func:`instance`)."""
    rng = random.Random(seed)
    teams = tuple(
        Team(
            f"Team {chr(65 + i)}",
            staffed_fte=rng.choice((10, 12, 14, 16)),
            deployability=rng.uniform(0.64, 0.78),
            specialist_fte={
                Specialism.DIGITAL: rng.choice((0, 1, 2)),
                Specialism.FINANCIAL: rng.choice((0, 1)),
                Specialism.TACTICAL: rng.choice((1, 2)),
            },
            position=i,
        )
        for i in range(n_teams)
    )
    availability = {}
    for t in teams:  # holiday dips
        for w in (12, 13, 14):
            availability[(t.team, START + w)] = round(t.base_fte * 0.6, 1)
    cases = []
    for i in range(n_candidates):
        spec = {}
        if rng.random() < 0.25:
            spec[Specialism.DIGITAL] = rng.choice((0.5, 1.0))
        if rng.random() < 0.15:
            spec[Specialism.FINANCIAL] = 0.5
        if rng.random() < 0.2:
            spec[Specialism.TACTICAL] = 0.5
        earliest = START + rng.randint(0, 10) if rng.random() < 0.15 else None
        latest = START + rng.randint(4, 20) if rng.random() < 0.15 else None
        if earliest and latest and latest < earliest:
            earliest, latest = latest, earliest
        cases.append(
            Case(
                f"MH-{i:03d}", f"Onderzoek {i}",
                rng.choice((CaseStatus.NEW, CaseStatus.NEW, CaseStatus.PARKED)),
                criteria={c: (None if rng.random() < 0.05 else rng.randint(1, 5))
                          for c in CRITERIA},
                fte=rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
                weeks=rng.randint(6, 26),
                specialist_fte=spec,
                team=teams[rng.randrange(n_teams)].team if rng.random() < 0.1 else None,
                earliest_start=earliest,
                latest_start=latest,
                ongoing=rng.random() < 0.3,
                minors=1 if rng.random() < 0.06 else 0,
                position=i,
            )
        )
    for j in range(3 * n_teams):
        t = teams[j % n_teams]
        cases.append(
            Case(
                f"LP-{j:03d}", f"Lopend {j}", CaseStatus.RUNNING,
                fte=rng.choice((1.5, 2.0, 2.5)), weeks=rng.randint(8, 30),
                team=t.team, start_week=START - rng.randint(0, 12),
                specialist_fte={Specialism.TACTICAL: 0.5} if rng.random() < 0.3 else {},
                position=1000 + j,
            )
        )
    return cases, CapacityData(teams, availability)
