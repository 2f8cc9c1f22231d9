"""Use case: rank the candidates and plan them onto the teams.

``make_plan`` is what the GUI and ``stuurploeg plan`` both call. The rank-order plan takes
milliseconds and is always made; ``fill`` and ``optimal`` refine it with CP-SAT seeded by
it, and the result is never worse than it. Every returned plan is re-checked by the
independent checker of ``domain.planning.checker``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from stuurploeg.domain.model import CapacityData, Case, CaseStatus
from stuurploeg.domain.planning import (
    KINDS,
    Assignment,
    CapacityGrid,
    FixedPlacement,
    Overbooking,
    PlanComparison,
    PlanState,
    Scenario,
    Unplanned,
    build_grid,
    compare_assignments,
    fill_in_order,
    fragile_cases,
    planning_order,
    prepare_candidates,
    unplanned_reason,
    verify_plan,
)
from stuurploeg.domain.planning.candidates import Candidate, max_duration
from stuurploeg.domain.planning.greedy import compact, place_fixed
from stuurploeg.domain.planning.previous import (
    GAIN_EPSILON,
    Move,
    PreviousPlacement,
    StablePlan,
    moves,
    restore_previous,
    stable_rank_plan,
)
from stuurploeg.domain.planning.scenario import ScenarioCases, apply_case_changes
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import (
    STANDARD_PROFILE,
    PositionOverride,
    Ranking,
    WeightProfile,
    rank_cases,
)
from stuurploeg.domain.weeks import IsoWeek

PLANNERS = ("rank", "fill", "optimal")
MAX_HORIZON = 520
# As the app names them in Plan maken, so that an export reads as the screen did.
PLANNER_LABELS = {"rank": "Rangorde", "fill": "Rangorde + opvullen", "optimal": "Optimaal"}
# Kept for what follows the search (compaction, fill, the checks, reasons and fragility),
# so that the whole call stays within the time limit: a share of the limit, or a multiple
# of what ranking and the rank-order plan took, whichever is more (fragility re-plans in
# rank order; at 300 candidates on a busy machine it took about as long as that phase).
POST_SHARE = 0.05  # measured: compaction, reasons and checks took <= 0.5 s at 300 candidates
POST_FACTOR = 2.0
# The wall clock a call may take, as a multiple of ``time_limit``: issue 12's honest budget
# is "--time-limit 30 returns within 35 s". The deterministic budget is calibrated to end
# within ``time_limit`` on an idle machine of this class; the slack lets it still finish,
# and so give the reproducible plan, on one up to about a sixth slower (docs/optimiser.md,
# "Fitting the budget": on 2 December the same machine ran 1.3-1.7x slower than when the
# rates were calibrated). It changes no plan, only where the wall clock cuts one short.
WALL_SLACK = 7 / 6


class PlanError(Exception):
    """The plan could not be made; ``str()`` says why in Dutch."""


@dataclass(frozen=True)
class CapacityRow:
    team: str
    week: IsoWeek
    kind: str
    available: float
    running: float
    planned: float


@dataclass(frozen=True)
class PlanResult:
    start: IsoWeek
    weeks: int
    planner: str
    profile: WeightProfile
    ranking: Ranking
    assignments: tuple[Assignment, ...]
    unplanned: tuple[Unplanned, ...]
    overbooked: tuple[Overbooking, ...]
    total_priority: float
    gap: float | None  # proven relative gap of ``optimal``/``fill``; None for ``rank``
    teams: tuple[str, ...]
    kinds: tuple[str, ...]
    week_list: tuple[IsoWeek, ...]
    # (teams, kinds, weeks) over the horizon, for the capacity charts
    available: np.ndarray = field(repr=False)
    running: np.ndarray = field(repr=False)
    planned: np.ndarray = field(repr=False)
    scenario: Scenario | None = None
    status: str = ""
    cancelled: bool = False
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    # Made against a previous (vastgesteld) plan; then ``moved``: the cases placed
    # elsewhere than in it, in ranking order.
    replan: bool = False
    moved: tuple[Move, ...] = ()
    # The previous plan's placements it was made against (a scenario of it uses them too).
    previous: tuple[PreviousPlacement, ...] = field(default=(), repr=False)

    def move_of(self, case_id: str) -> Move | None:
        """How the re-plan moved ``case_id`` from its previous spot, or None."""
        return next((m for m in self.moved if m.case_id == case_id), None)

    def capacity_rows(self) -> Iterator[CapacityRow]:
        for ti, team in enumerate(self.teams):
            for k, kind in enumerate(self.kinds):
                if k and not self.available[ti, k].any() and not self.running[ti, k].any():
                    continue  # a specialism the team does not have and nobody uses
                for w, week in enumerate(self.week_list):
                    yield CapacityRow(
                        team, week, kind,
                        float(self.available[ti, k, w]),
                        float(self.running[ti, k, w]),
                        float(self.planned[ti, k, w]),
                    )

    def utilisation(self) -> dict[str, float]:
        """Per team (running + planned) / available total fte over the horizon."""
        out = {}
        for ti, team in enumerate(self.teams):
            avail = float(self.available[ti, 0].sum())
            used = float(self.running[ti, 0].sum() + self.planned[ti, 0].sum())
            out[team] = used / avail if avail > 0 else 0.0
        return out

    def to_json(self) -> dict[str, Any]:
        data = {
            "start_week": str(self.start),
            "weeks": self.weeks,
            "planner": self.planner,
            "profile": self.profile.name,
            "ranking": [
                {
                    "rank": e.rank,
                    "case_id": e.case_id,
                    "score": None if e.score is None else round(e.score, 4),
                    "priority_rule": e.priority_rule,
                    "incomplete": e.incomplete,
                }
                for e in self.ranking.entries
            ],
            "assignments": [
                {
                    "case_id": a.case_id,
                    "team": a.team,
                    "start_week": str(a.start_week),
                    "weeks": a.weeks,
                    "fte": a.fte,
                }
                for a in self.assignments
            ],
            "unplanned": [{"case_id": u.case_id, "reason": u.reason} for u in self.unplanned],
            "overbooked": [
                {"team": o.team, "week": str(o.week), "kind": o.kind, "fte": round(o.fte, 6)}
                for o in self.overbooked
            ],
            "total_priority": round(self.total_priority, 4),
            "gap": None if self.gap is None else round(self.gap, 6),
        }
        if self.replan:
            data["moved"] = [_move_json(m) for m in self.moved]
        return data


def _move_json(m: Move) -> dict[str, Any]:
    return {
        "case_id": m.case_id,
        "from": {"team": m.from_team, "start_week": str(m.from_week)},
        "to": None if m.to_team is None else {"team": m.to_team, "start_week": str(m.to_week)},
        "reason": m.reason,
    }


def make_plan(
    cases: Sequence[Case],
    capacity: CapacityData,
    *,
    profile: WeightProfile = STANDARD_PROFILE,
    start: IsoWeek | None = None,
    weeks: int = 26,
    planner: str = "rank",
    overrides: Iterable[PositionOverride] = (),
    fixed: Iterable[FixedPlacement] = (),
    scenario: Scenario | None = None,
    time_limit: float = 30.0,
    state: TaskState | None = None,
    priority_rule: bool = True,
    workers: int | None = None,
    previous: Iterable[PreviousPlacement] | Mapping[str, tuple[str, IsoWeek]] | None = (),
    move_penalty: float = 0.0,
    wall_limit: float | None = None,
) -> PlanResult:
    """Rank the candidates among ``cases`` and plan them with ``planner``.

    Reproducible: the same input gives the same plan on every run, also for ``fill`` and
    ``optimal`` (the solver's budget is deterministic time; see ``app.solvers.cpsat``).
    ``time_limit`` is honest: the whole call, model building and post-processing included,
    returns within ``WALL_SLACK`` times that many seconds (35 for 30). Exceptions to
    reproducibility: a cancel, which keeps the best plan found so far and sets
    ``cancelled``, and a machine too slow or busy for the deterministic budget within that
    wall clock, which adds a warning saying a re-run may differ. ``wall_limit``: seconds
    the call may take instead (tests give a small budget a generous one, so that a busy
    machine still finishes it). ``workers``: solver threads (default ``cpsat.WORKERS``).

    Progress goes through ``state.report``, from the calling thread (the search runs in a
    child process, ``app.solvers.isolated``, whose progress this thread relays; with
    ``STUURPLOEG_SOLVER_IN_PROCESS`` set it comes from the solver's watcher thread, never
    at the same time as from this one), so ``on_progress`` should only do thread-safe
    things (the GUI's worker emits a queued Qt signal). ``state.cancel()`` from any thread
    stops the search within about 0.1 s.

    ``previous``: the placements of the last vastgesteld plan. The re-plan keeps each case
    there while it fits and moves one only when that raises the total priority (the rule
    in ``domain.planning.previous``); every case it moved is in ``moved``. Not used with a
    scenario that forces cases in (those come first). Also given as a mapping case_id ->
    (team, start week). ``move_penalty``: priority points the optimiser's objective gives
    each case that keeps its previous spot (when the solver takes one).
    """
    t0 = time.perf_counter()
    if planner not in PLANNERS:
        raise PlanError(f"Onbekende planner {planner!r}; kies uit {', '.join(PLANNERS)}.")
    if not 1 <= weeks <= MAX_HORIZON:
        raise PlanError(f"De planperiode moet 1 t/m {MAX_HORIZON} weken zijn, niet {weeks}.")
    if not capacity.teams:
        raise PlanError("Er zijn geen teams in de capaciteitsgegevens; er valt niets te plannen.")
    state = state or TaskState()
    start = start or IsoWeek.current()
    overrides, fixed = tuple(overrides), tuple(fixed)
    cases, scenario_cases = apply_case_changes(cases, scenario)  # scenario: in, out, start
    by_id = _unique(cases)
    state.report(0.0, "Zaken rangschikken…")
    ranking = rank_cases(cases, profile, overrides, priority_rule)
    running_cases = [c for c in cases if c.status is CaseStatus.RUNNING]
    grid = build_grid(
        capacity, start, weeks, running_cases=running_cases, scenario=scenario,
        extra_weeks=max(max_duration(cases) - 1, 0),
    )
    cands = scenario_cases.exclude(prepare_candidates(by_id, ranking, grid))
    previous = _as_placements(previous)
    stable: StablePlan | None = None
    if previous and not scenario_cases.forced_in:
        stable = stable_rank_plan(grid, cands, fixed, previous)
        rank_state, failed = stable.state, stable.failed
    else:
        rank_state, failed = scenario_cases.rank_plan(grid, cands, fixed)
    state.report(0.05, "Plan in rangorde gemaakt.")

    final, gap, status = rank_state, None, "rangorde"
    warnings = list(grid.warnings)
    cancelled = state.cancelled
    if planner != "rank" and not cancelled:
        final, gap, status, cancelled = _refine(
            planner, grid, cands, fixed, failed, rank_state, time_limit, state, workers, warnings,
            scenario_cases, stable, move_penalty,
            _solver_deadline(t0, time_limit * WALL_SLACK if wall_limit is None else wall_limit),
        )

    assignments = _assignments(final, cands, by_id, grid)
    problems = verify_plan(cases, capacity, start, weeks, assignments, scenario=scenario,
                           fixed=fixed)
    if problems and final is not rank_state:
        warnings.append("Het verfijnde plan klopte niet bij controle; het plan in rangorde is "
                        "gebruikt.")
        final, gap, status = rank_state, None, "rangorde"
        assignments = _assignments(final, cands, by_id, grid)
        problems = verify_plan(cases, capacity, start, weeks, assignments, scenario=scenario,
                               fixed=fixed)
    if problems:
        raise PlanError("Interne fout: het plan overschrijdt de capaciteit: " + "; ".join(problems))

    unplanned = tuple(
        Unplanned(c.case_id, failed.get(c.case_id) or unplanned_reason(final, c))
        for c in cands
        if c.case_id not in final.placed
    )
    warnings += scenario_cases.warnings(scenario, unplanned)
    if not state.cancelled:
        state.report(0.97, "Gevoeligheid voor de weging bepalen…")
        fragile = fragile_cases(by_id, grid, profile, set(rank_state.placed),
                                overrides=overrides, fixed=fixed, priority_rule=priority_rule)
        ranking = ranking.with_fragile(fragile)
    cmap = {c.case_id: c for c in cands}
    moved: tuple[Move, ...] = ()
    if stable is not None:
        moved = tuple(moves(final, cands, stable.previous, stable.unseated,
                            keep_total=stable.keep_total,
                            because=stable.because if final is rank_state else None))
    state.report(1.0, "Plan klaar.")
    h = grid.horizon
    return PlanResult(
        start=start,
        weeks=weeks,
        planner=planner,
        profile=profile,
        ranking=ranking,
        assignments=assignments,
        unplanned=unplanned,
        overbooked=tuple(grid.overbooked),
        total_priority=final.total_priority(cmap),
        gap=gap,
        teams=grid.teams,
        kinds=KINDS,
        week_list=tuple(grid.week(i) for i in range(h)),
        available=grid.available[:, :, :h].copy(),
        running=grid.running[:, :, :h].copy(),
        planned=_planned(final, cmap, grid)[:, :, :h],
        scenario=scenario,
        status=status,
        cancelled=cancelled,
        warnings=tuple(warnings),
        seconds=time.perf_counter() - t0,
        replan=stable is not None,
        moved=moved,
        previous=previous,
    )


def _refine(
    planner: str,
    grid: CapacityGrid,
    cands: list[Candidate],
    fixed: tuple[FixedPlacement, ...],
    failed: dict[str, str],
    rank_state: PlanState,
    time_limit: float,
    state: TaskState,
    workers: int | None,
    warnings: list[str],
    scenario_cases: ScenarioCases,
    stable: StablePlan | None = None,
    move_penalty: float = 0.0,
    deadline: float | None = None,  # perf_counter() time by which the search must end
) -> tuple[PlanState, float | None, str, bool]:
    from stuurploeg.app.solvers.cpsat import WORKERS
    from stuurploeg.app.solvers.isolated import SolverStopped, solve_isolated

    cmap = {c.case_id: c for c in cands}
    base = PlanState(grid)
    place_fixed(base, cands, fixed)
    free = [c for c in cands if c.case_id not in failed]
    rank_free = {cid: spot for cid, spot in rank_state.placed.items() if cid not in base.fixed}
    if planner == "fill":
        mandatory = set(rank_free)
    else:  # priority-rule cases that the rank order could place come first in every plan
        mandatory = {cid for cid in rank_free if cmap[cid].priority_rule}
    mandatory |= scenario_cases.mandatory(rank_free)  # forced in and shown to fit
    previous: dict[str, tuple[int, int]] | None = None
    if stable is not None:
        # The previous spots the rank-order re-plan kept (so the hint stays feasible), for
        # the solver's stability term.
        previous = {cid: spot for cid, spot in stable.spots.items()
                    if rank_free.get(cid) == spot}
    try:
        # In a child process: a crash inside CP-SAT (OR-Tools #5025) costs the refinement,
        # not the app (app.solvers.isolated).
        outcome = solve_isolated(
            base, free, mandatory=mandatory, hint=rank_free, time_limit=time_limit,
            state=state, keep=set(rank_free) if planner == "optimal" else (),  # fill's first
            workers=workers or WORKERS, previous=previous,
            move_penalty=move_penalty if previous is not None else 0.0,
            wall_limit=None if deadline is None else deadline - time.perf_counter(),
        )
    except SolverStopped as stopped:
        logging.getLogger(__name__).info("the %s planner's solver stopped: %s", planner,
                                         stopped)
        what = (f"De oplosser gaf na {stopped.seconds:.0f} seconden geen antwoord meer en is "
                "gestopt." if stopped.hung else
                f"De oplosser is onverwacht gestopt (code {stopped.exitcode}).")
        if stopped.exitcode is None:  # it closed the pipe and was not seen to exit
            what = "De oplosser is onverwacht gestopt."
        warnings.append(f"{what} Het voorstel is de planning in rangorde; er is niets "
                        "verloren gegaan. Plan opnieuw; gebeurt dit vaker, meld het dan met "
                        "het logbestand.")
        return rank_state, None, "rangorde (oplosser onverwacht gestopt)", state.cancelled
    if not outcome.reproducible and not outcome.cancelled:
        warnings.append(
            f"De oplosser is gestopt op de rekentijd van {time_limit:g} seconden voordat zijn "
            "vaste rekenbudget op was (de computer is trager of drukker dan verwacht). Het "
            "plan klopt, maar opnieuw plannen met dezelfde gegevens kan een ander plan geven; "
            "kies een langere rekentijd of plan opnieuw als de computer rustiger is."
        )
    rank_total = rank_state.total_priority(cmap)
    refined = base.copy()
    ok = bool(outcome.placements) or not rank_free
    for cid in sorted(outcome.placements, key=lambda c: cmap[c].order):
        ti, s = outcome.placements[cid]
        if not refined.fits(cmap[cid], ti, s):
            ok = False
            warnings.append(f"Oplosser plaatste zaak {cid} buiten de capaciteit; genegeerd.")
            break
        refined.place(cmap[cid], ti, s)
    spots = stable.spots if stable is not None else {}
    if ok:
        # Back to the previous plan's spots where the same cases still fit there; the
        # solver is indifferent to that, the meeting is not.
        restore_previous(refined, free, spots)
        compact(refined, [c for c in planning_order(free) if c.case_id not in spots])
        fill_in_order(refined, planning_order(free))
        ok = mandatory <= set(refined.placed)
    total = refined.total_priority(cmap) if ok else -1.0
    # A re-plan moves cases of the previous plan only for more priority: an equal total is
    # no reason to leave the stable rank-order re-plan.
    margin = GAIN_EPSILON if stable is not None else -1e-9
    if not ok or total < rank_total + margin:
        chosen = rank_state
        total = rank_total
        status = "rangorde (oplosser vond niets beters)"
    else:
        chosen = refined
        status = outcome.status
    gap = None
    if np.isfinite(outcome.bound) and outcome.status != "geen oplossing":
        bound = max(outcome.bound, total)
        gap = 0.0 if outcome.status == "optimaal" or bound <= 0 else max(bound - total, 0) / bound
    return chosen, gap, status, outcome.cancelled


def _solver_deadline(t0: float, limit: float) -> float:
    """perf_counter() time by which the search must end for the call to end by ``limit``."""
    spent = time.perf_counter() - t0
    return t0 + max(limit, 0.0) - max(POST_SHARE * limit, POST_FACTOR * spent)


def _as_placements(
    previous: Iterable[PreviousPlacement] | Mapping[str, tuple[str, IsoWeek]] | None,
) -> tuple[PreviousPlacement, ...]:
    if isinstance(previous, Mapping):
        return tuple(PreviousPlacement(cid, team, week)
                     for cid, (team, week) in previous.items())
    return tuple(previous or ())


def _assignments(
    final: PlanState, cands: list[Candidate], by_id: dict[str, Case], grid: CapacityGrid
) -> tuple[Assignment, ...]:
    out = []
    for c in cands:  # ranking order
        spot = final.placed.get(c.case_id)
        if spot is None:
            continue
        case = by_id[c.case_id]
        out.append(
            Assignment(
                case_id=c.case_id,
                team=grid.teams[spot[0]],
                start_week=grid.week(spot[1]),
                weeks=c.duration,
                fte=float(case.fte or 0.0),
                specialist_fte={s: v for s, v in case.specialist_fte.items() if v},
                fixed=c.case_id in final.fixed,
            )
        )
    return tuple(out)


def _planned(final: PlanState, cmap: dict[str, Candidate], grid: CapacityGrid) -> np.ndarray:
    planned = np.zeros_like(grid.available)
    for cid, (ti, s) in final.placed.items():
        c = cmap[cid]
        planned[ti, :, s : s + c.duration] += c.demand[:, None]
    return planned


def _unique(cases: Sequence[Case]) -> dict[str, Case]:
    by_id: dict[str, Case] = {}
    for c in cases:
        if c.case_id in by_id:
            raise PlanError(f"Zaak {c.case_id} staat twee keer in de zakenlijst.")
        by_id[c.case_id] = c
    return by_id


def compare_plans(a: PlanResult, b: PlanResult) -> PlanComparison:
    """What changes from plan ``a`` to plan ``b`` (e.g. base plan vs a scenario)."""
    return compare_assignments(
        a.assignments, b.assignments, a.total_priority, b.total_priority,
        a.utilisation(), b.utilisation(),
    )


__all__ = [
    "PLANNERS",
    "CapacityRow",
    "PlanError",
    "PlanResult",
    "compare_plans",
    "export_plan",
    "make_plan",
]


def export_plan(
    result: PlanResult, cases: Sequence[Case], target: Any, *, sources: dict[str, str] | None = None
) -> Any:
    """Write the plan workbook (Ranglijst, Planning, Capaciteit, Niet ingepland, Weging)."""
    from stuurploeg.io.plan_export import write_plan_workbook

    return write_plan_workbook(result, cases, target, sources=sources or {})
