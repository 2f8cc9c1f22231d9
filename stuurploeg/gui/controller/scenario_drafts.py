"""Scenario drafts: a scenario as the officer types it in the editor, turned into a
scenario and checked, with each problem at its field; and the worker that plans a checked
scenario to compare it with the base plan.

Apart from :mod:`stuurploeg.gui.controller.scenarios` (whose controller imports this
module where a draft is first read, checked or planned) because neither the first window
nor the first ranking needs any of it: its six dataclasses cost about 8 ms at each start
(docs/performance.md, "Start-up, fifth pass"). ``scenarios`` still names the draft
types.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stuurploeg.domain.model import SPECIALISMS, CapacityData, Case
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller.state import ActionRefused

if TYPE_CHECKING:
    from stuurploeg.app.planning import PlanResult
    from stuurploeg.app.scenarios import ScenarioOutcome
    from stuurploeg.app.workspace import Workspace
    from stuurploeg.domain.planning import Scenario
    from stuurploeg.domain.scoring import PositionOverride, WeightProfile

translate = QCoreApplication.translate

# fields of a draft that a problem can point at
CAPACITY, CASE = "capacity", "case"
ACTIONS = ("in", "out", "start")


# -- drafts: a scenario as the officer is typing it --------------------------------------
@dataclass(frozen=True)
class CapacityRow:
    """One capacity change as typed: team, weeks (``2026-W45``), fte (``2,5`` or
    ``-1``) and a specialism value (``""``: the team's total)."""

    team: str = ""
    from_week: str = ""
    to_week: str = ""
    fte: str = ""
    specialism: str = ""
    # a stored change of a specialism alone (total unchanged; made in code, not here)
    only_specialism: bool = False


@dataclass(frozen=True)
class CaseRow:
    """One case change as typed: case id, ``in`` / ``out`` / ``start`` and a week."""

    case_id: str = ""
    action: str = "in"
    start: str = ""


@dataclass(frozen=True)
class ScenarioDraft:
    name: str = ""
    capacity: tuple[CapacityRow, ...] = ()
    cases: tuple[CaseRow, ...] = ()
    profile: str = ""  # the name of another weight profile; "": the base plan's weights
    description: str = ""


@dataclass(frozen=True)
class DraftProblem:
    """What is wrong with a draft and where: ``section`` ``capacity`` / ``case`` (then
    ``row``) or None (the scenario as a whole), ``field`` the column (``team``, ``from``,
    ``to``, ``fte``, ``specialism``, ``case``, ``action``, ``start``) or ``name``."""

    message: str  # Dutch
    section: str | None = None
    row: int | None = None
    field: str | None = None
    warning: bool = False

    @property
    def text(self) -> str:
        """The message with where it is, for a list beside a table."""
        if self.section is None or self.row is None:
            return self.message
        label = (translate("Scenarios", "Capacity change %1") if self.section == CAPACITY
                 else translate("Scenarios", "Case change %1"))
        return f"{label.replace('%1', str(self.row + 1))}: {self.message}"


class DraftRefused(ActionRefused):
    """A draft was not saved; ``at`` holds every problem with its place."""

    def __init__(self, problems: Sequence[DraftProblem]) -> None:
        self.at = list(problems)
        super().__init__([p.text for p in self.at])


@dataclass
class Converted:
    scenario: Scenario | None
    problems: list[DraftProblem] = field(default_factory=list)
    rows_of_deltas: list[int] = field(default_factory=list)  # delta index -> draft row


# -- from a stored scenario, and back to one ------------------------------------------
def draft_of(scenario: Scenario) -> ScenarioDraft:
    """A stored scenario as the editor shows it."""
    from stuurploeg.domain.planning import KIND_TOTAL

    rows: list[CapacityRow] = []
    deltas = list(scenario.deltas)
    i = 0
    while i < len(deltas):
        d = deltas[i]
        nxt = deltas[i + 1] if i + 1 < len(deltas) else None
        span = (str(d.from_week), "" if d.to_week is None else str(d.to_week))
        paired = (
            d.kind == KIND_TOTAL and nxt is not None and nxt.kind != KIND_TOTAL
            and (nxt.team, nxt.from_week, nxt.to_week, nxt.fte)
            == (d.team, d.from_week, d.to_week, d.fte)
        )  # fmt: skip
        if paired and nxt is not None:
            rows.append(CapacityRow(d.team, *span, _fte_text(d.fte), nxt.kind))
            i += 2
            continue
        only = d.kind != KIND_TOTAL
        rows.append(CapacityRow(d.team, *span, _fte_text(d.fte),
                                d.kind if only else "", only))
        i += 1
    cases = tuple(CaseRow(c.case_id, c.action.value, "" if c.start is None else str(c.start))
                  for c in scenario.cases)
    profile = scenario.profile.name if scenario.profile is not None else ""
    return ScenarioDraft(scenario.name, tuple(rows), cases, profile, scenario.description)


def convert(draft: ScenarioDraft, profile: WeightProfile | None) -> Converted:
    """The draft as a scenario, or the problems that stop it being one; ``profile``
    is the weight profile the draft names (None: none, or one not known).

    The engine's types are made only for a draft without problems: an empty draft
    (the editor at start-up) needs no numpy (start-up time).
    """
    problems: list[DraftProblem] = []
    if not draft.name.strip():
        problems.append(DraftProblem(translate("Scenarios", "Give the scenario a name."),
                                     field="name"))
    capacity: list[tuple[int, CapacityRow, IsoWeek, IsoWeek | None, float]] = []
    for i, row in enumerate(draft.capacity):
        here: list[DraftProblem] = []
        if not row.team.strip():
            here.append(_at(CAPACITY, i, "team", translate("Scenarios", "choose a team.")))
        first = _week(row.from_week, CAPACITY, i, "from", here, required=True)
        last = _week(row.to_week, CAPACITY, i, "to", here, required=False)
        fte = _fte(row.fte, i, here)
        spec = row.specialism.strip()
        if spec and spec not in {s.value for s in SPECIALISMS}:
            here.append(_at(CAPACITY, i, "specialism", translate(
                "Scenarios", "unknown specialism %1; choose digitaal, financieel, "
                             "tactisch or intelligence, or leave it empty for the "
                             "team's total.").replace("%1", repr(spec))))
        problems += here
        if not here and first is not None and fte is not None:
            capacity.append((i, row, first, last, fte))
    cases: list[tuple[str, str, IsoWeek | None]] = []
    for i, crow in enumerate(draft.cases):
        here = []
        if not crow.case_id.strip():
            here.append(_at(CASE, i, "case", translate("Scenarios", "choose a case.")))
        if crow.action not in ACTIONS:
            here.append(_at(CASE, i, "action", translate(
                "Scenarios", "unknown action %1; choose in, out or start.")
                .replace("%1", repr(crow.action))))
        start = None
        if crow.action == "start":
            start = _week(crow.start, CASE, i, "start", here, required=True)
        elif crow.start.strip():
            here.append(_at(CASE, i, "start", translate(
                "Scenarios", "a start week belongs with the action start only; empty it "
                             "or choose start.")))
        problems += here
        if not here:
            cases.append((crow.case_id.strip(), crow.action, start))
    if draft.profile and profile is None:
        problems.append(DraftProblem(translate(
            "Scenarios", "unknown weight profile %1; choose one from the list.")
            .replace("%1", repr(draft.profile)), field="profile"))
    if problems:
        return Converted(None, problems)
    from stuurploeg.domain.planning import (
        CapacityDelta,
        CaseAction,
        CaseChange,
        Scenario,
        capacity_change,
    )

    deltas: list[CapacityDelta] = []
    rows_of: list[int] = []
    for i, row, first, last, fte in capacity:
        spec = row.specialism.strip()
        if row.only_specialism and spec:
            made: tuple[CapacityDelta, ...] = (
                CapacityDelta(row.team.strip(), first, last, fte, spec),)
        else:
            made = capacity_change(row.team.strip(), first, last, fte, spec or None)
        deltas += made
        rows_of += [i] * len(made)
    changes = tuple(CaseChange(cid, CaseAction(action), start)
                    for cid, action, start in cases)
    scenario = Scenario(" ".join(draft.name.split()), tuple(deltas), changes, profile,
                        draft.description.strip())
    return Converted(scenario, [], rows_of)


def check_converted(converted: Converted, cases: Sequence[Case], capacity: CapacityData,
                    start: IsoWeek, weeks: int) -> list[DraftProblem]:
    """The problems the app layer finds with a converted draft's scenario, planned from
    ``start`` for ``weeks``, each at its draft row."""
    scenario = converted.scenario
    if scenario is None:
        return []
    from stuurploeg.app.scenario_check import check_scenario

    out: list[DraftProblem] = []
    seen: set[tuple[object, ...]] = set()
    for p in check_scenario(scenario, cases, capacity, start=start, weeks=weeks):
        section, row = None, None
        if p.entry:
            label, _, number = p.entry.rpartition(" ")
            index = int(number) - 1
            if label == "capaciteitswijziging":
                section = CAPACITY
                rows = converted.rows_of_deltas
                row = rows[index] if index < len(rows) else index
            else:
                section, row = CASE, index
        problem = DraftProblem(p.message, section, row, p.key,
                               p.severity == "warning")
        ident = (problem.section, problem.row, problem.field, problem.message)
        if ident not in seen:
            seen.add(ident)
            out.append(problem)
    return out


# -- helpers -----------------------------------------------------------------------------
def _at(section: str, row: int, name: str, message: str) -> DraftProblem:
    return DraftProblem(message, section, row, name)


def _week(text: str, section: str, row: int, name: str, problems: list[DraftProblem], *,
          required: bool) -> IsoWeek | None:
    text = text.strip()
    if not text:
        if required:
            problems.append(_at(section, row, name, translate(
                "Scenarios", "give a week, e.g. %1.").replace("%1", str(IsoWeek.current()))))
        return None
    try:
        return IsoWeek.parse(text)
    except ValueError:
        problems.append(_at(section, row, name, translate(
            "Scenarios", "%1 is not a week; write year-W-week, e.g. %2.")
            .replace("%1", repr(text)).replace("%2", str(IsoWeek.current()))))
        return None


def _fte(text: str, row: int, problems: list[DraftProblem]) -> float | None:
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value == 0 or abs(value) > 1000:
        problems.append(_at(CAPACITY, row, "fte", translate(
            "Scenarios", "fte must be a number other than 0 (negative: fewer), e.g. 2 or -1,5; "
                  "not %1.").replace("%1", repr(text.strip()))))
        return None
    return value


def _fte_text(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# -- planning a scenario like the base, to compare the two -----------------------------
@dataclass(frozen=True)
class PlanRequest:
    """What :func:`plan_outcome` plans: a copy of the controller's state when asked."""

    base: PlanResult
    cases: tuple[Case, ...]
    capacity: CapacityData
    overrides: tuple[PositionOverride, ...]
    scenario: Scenario
    time_limit: float
    workspace: Workspace | None


def plan_outcome(request: PlanRequest, state: TaskState) -> ScenarioOutcome:
    """Plan the scenario like the base plan and compare the two (in a worker).

    Like the base: the case list with the finalised decisions applied and their fixed
    placements (as the base plan was made), and every placement fixed in the base itself
    (also a what-if placement dragged on the Planbord).
    """
    from stuurploeg.app.replan import ReplanBasis, replan_basis
    from stuurploeg.app.scenario_check import with_team_names
    from stuurploeg.app.scenarios import ScenarioOutcome, compare_scenario, plan_scenario
    from stuurploeg.domain.planning import FixedPlacement

    base, ws = request.base, request.workspace
    basis = (ReplanBasis(request.cases) if ws is None
             else replan_basis(ws, base.start, request.cases))
    fixed = {a.case_id: FixedPlacement(a.case_id, a.team, a.start_week)
             for a in base.assignments if a.fixed}
    for f in basis.fixed:
        fixed.setdefault(f.case_id, f)
    scenario = with_team_names(request.scenario, request.capacity)
    plan = plan_scenario(base, list(basis.cases), request.capacity, scenario,
                         overrides=request.overrides, fixed=tuple(fixed.values()),
                         time_limit=request.time_limit, state=state)
    return ScenarioOutcome(scenario, plan, compare_scenario(base, plan, basis.cases))


