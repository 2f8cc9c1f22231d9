"""The Ranglijst's data as columns of numpy arrays, built from the controller's state.

Pure presentation: it copies fields out of the cases, the ranking, the proposal and the
decisions into arrays the table model can sort and filter at numpy speed. It computes
nothing of its own (no scores, no plan). No Qt: the controller's jobs build the rows of a
new plan or an import in the worker that made it (:class:`PreparedRows`), so the GUI
thread only swaps them in; it lives outside ``gui.ranking`` for that (no import cycle).

numpy (and the planning helpers, which bring it) are imported inside the functions that
need them: the first window shows before any rows exist (start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from stuurploeg.domain.model import CRITERIA, Case

if TYPE_CHECKING:
    import numpy as np

    from stuurploeg.domain.decisions import Decision
    from stuurploeg.domain.planning import Assignment, Unplanned
    from stuurploeg.domain.scoring import Ranking

IN_PLAN_UNKNOWN, OUT_OF_PLAN, IN_PLAN = -1, 0, 1


@dataclass
class RankingRows:
    """One row per case; every array has the same length ``n``."""

    case_id: np.ndarray  # object (str)
    name: np.ndarray  # object (str)
    exploitation: np.ndarray  # object (str, "" when unknown)
    status: np.ndarray  # object (str)
    team: np.ndarray  # object: planned or running team, "" when none
    plan: np.ndarray  # object: "Team A 2026-W41–2026-W52" or the reason it does not fit
    plan_reason: np.ndarray  # object: full reason for tooltips, "" when planned
    decision: np.ndarray  # object: decision so far, "" when none
    rank: np.ndarray  # float, NaN when not ranked (not a candidate)
    movement: np.ndarray  # float: previous rank - rank (positive = moved up), NaN
    score: np.ndarray  # float 0..100, NaN when unscored
    criteria: np.ndarray  # float (n, 6), NaN when not scored
    fte: np.ndarray  # float, NaN
    weeks: np.ndarray  # float, NaN
    specialist: np.ndarray  # float: specialist fte summed, NaN when none
    in_plan: np.ndarray  # int8: IN_PLAN / OUT_OF_PLAN / IN_PLAN_UNKNOWN
    priority: np.ndarray  # bool
    incomplete: np.ndarray  # bool
    fragile: np.ndarray  # bool
    search_text: list[str] = field(default_factory=list)  # lower-cased id + name

    def __len__(self) -> int:
        return len(self.case_id)

    @classmethod
    def empty(cls) -> RankingRows:
        return build_rows([])


def _obj(values: Iterable[object]) -> np.ndarray:
    import numpy as np

    items = list(values)
    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    return arr


def _proposal_text(a: Assignment) -> str:
    """``Team Haven · 2026-W41 · 3,5``: team, start week and fte, what the meeting decides
    on (the duration is in the tooltip and the case detail); no translated unit needed."""
    fte = f"{a.fte:.1f}".replace(".", ",")
    return f"{a.team} · {a.start_week} · {fte}"


def build_rows(
    cases: Sequence[Case],
    ranking: Ranking | None = None,
    assignments: Sequence[Assignment] | None = None,
    unplanned: Sequence[Unplanned] = (),
    decisions: Mapping[str, str] | None = None,
    previous_ranks: Mapping[str, int] | None = None,
) -> RankingRows:
    """Lay out the cases with their ranking, proposal and decisions as arrays.

    ``assignments`` None: there is no plan yet (the plan column stays empty); a case in
    neither ``assignments`` nor ``unplanned`` is then out of the plan (not a candidate).
    ``decisions`` maps a case id to a short text.
    """
    import numpy as np

    n = len(cases)
    decisions = decisions or {}
    previous_ranks = previous_ranks or {}

    rank = np.full(n, np.nan)
    movement = np.full(n, np.nan)
    score = np.full(n, np.nan)
    criteria = np.full((n, len(CRITERIA)), np.nan)
    fte = np.full(n, np.nan)
    weeks = np.full(n, np.nan)
    specialist = np.full(n, np.nan)
    in_plan = np.full(n, IN_PLAN_UNKNOWN, dtype=np.int8)
    priority = np.zeros(n, dtype=bool)
    incomplete = np.zeros(n, dtype=bool)
    fragile = np.zeros(n, dtype=bool)

    if n:
        # Lists first, one conversion each (None becomes NaN): per-element numpy
        # assignment costs several times more.
        criteria = np.array(
            [[c.criteria.get(k) for k in CRITERIA] for c in cases], dtype=float
        ).reshape(n, len(CRITERIA))
        fte = np.array([c.fte for c in cases], dtype=float)
        weeks = np.array([c.weeks for c in cases], dtype=float)
        specialist = np.array(
            [sum(c.specialist_fte.values()) if c.specialist_fte else None for c in cases],
            dtype=float,
        )
    if ranking is not None and n:
        index = {c.case_id: i for i, c in enumerate(cases)}
        ranked = _ranked_columns(n, index, ranking, previous_ranks)
        rank, movement, score = ranked["rank"], ranked["movement"], ranked["score"]
        priority, incomplete = ranked["priority"], ranked["incomplete"]
        fragile = ranked["fragile"]

    empty = _obj("" for _ in range(n))
    rows = RankingRows(
        case_id=_obj(c.case_id for c in cases),
        name=_obj(c.name for c in cases),
        exploitation=_obj(str(c.exploitation) if c.exploitation else "" for c in cases),
        status=_obj(str(c.status) for c in cases),
        team=empty,
        plan=empty,
        plan_reason=empty,
        decision=_obj(decisions.get(c.case_id, "") for c in cases),
        rank=rank,
        movement=movement,
        score=score,
        criteria=criteria,
        fte=fte,
        weeks=weeks,
        specialist=specialist,
        in_plan=in_plan,
        priority=priority,
        incomplete=incomplete,
        fragile=fragile,
        search_text=[f"{c.case_id} {c.name}".casefold() for c in cases],
    )
    # The plan columns as a new plan for the same cases lays them out.
    return with_plan(rows, cases, {c.case_id: i for i, c in enumerate(cases)}, assignments,
                     unplanned)  # fmt: skip


def with_plan(
    rows: RankingRows,
    cases: Sequence[Case],
    index: Mapping[str, int],
    assignments: Sequence[Assignment] | None,
    unplanned: Sequence[Unplanned] = (),
) -> RankingRows:
    """``rows`` (of ``cases``, ``index``: case id -> row) with the plan columns of a new
    proposal, as :func:`build_rows` lays them out; the other columns are shared, so a new
    plan for the same cases costs a loop over the plan only."""
    return replace(rows, **_plan_columns(len(rows), cases, index, assignments, unplanned))


def _plan_columns(
    n: int,
    cases: Sequence[Case],
    index: Mapping[str, int],
    assignments: Sequence[Assignment] | None,
    unplanned: Sequence[Unplanned],
) -> dict[str, np.ndarray]:
    """The plan columns (team, plan, plan_reason, in_plan) of a proposal, in row order."""
    import numpy as np

    team = _obj(c.team or "" for c in cases)
    plan = np.full(n, "", dtype=object)
    plan_reason = np.full(n, "", dtype=object)
    in_plan = np.full(n, IN_PLAN_UNKNOWN if assignments is None else OUT_OF_PLAN, dtype=np.int8)
    summaries: dict[str, str] = {}  # many cases share a reason (same demand and window)
    for u in unplanned:
        i = index.get(u.case_id)
        if i is not None:
            in_plan[i] = OUT_OF_PLAN
            plan_reason[i] = u.reason
            summary = summaries.get(u.reason)
            if summary is None:
                # Only with a plan: the first ranking, at start-up, shows before the
                # planning engine is imported.
                from stuurploeg.domain.planning.reasons import reason_summary

                summary = summaries[u.reason] = reason_summary(u.reason)
            plan[i] = summary  # the whole reason is the tooltip
    for a in assignments or ():
        i = index.get(a.case_id)
        if i is not None:
            team[i] = a.team
            in_plan[i] = IN_PLAN
            plan[i] = _proposal_text(a)
            plan_reason[i] = ""
    return {"team": team, "plan": plan, "plan_reason": plan_reason, "in_plan": in_plan}


def _ranked_columns(
    n: int,
    index: Mapping[str, int],
    ranking: Ranking,
    previous_ranks: Mapping[str, int],
) -> dict[str, np.ndarray]:
    """rank, movement, score and the badge flags of ``ranking``, in row order (``index``:
    case id -> row); a case the ranking does not name keeps NaN / False."""
    import numpy as np

    rank = np.full(n, np.nan)
    movement = np.full(n, np.nan)
    score = np.full(n, np.nan)
    priority = np.zeros(n, dtype=bool)
    incomplete = np.zeros(n, dtype=bool)
    fragile = np.zeros(n, dtype=bool)
    # The ranking's columns in one go (no entry objects: a ranking builds those lazily).
    cols = ranking.columns()
    places = [(index[cid], p) for p, cid in enumerate(cols.case_ids) if cid in index]
    if places:
        at = np.array([r for r, _ in places], dtype=np.intp)
        picked = np.array([p for _, p in places], dtype=np.intp)
        rank[at] = picked + 1
        score[at] = cols.scores[picked]
        priority[at] = cols.priority[picked]
        incomplete[at] = cols.incomplete[picked]
        fragile[at] = cols.fragile[picked]
        from stuurploeg.domain.scoring import RankMap

        ranked = (
            previous_ranks.ranks_for(cols) if isinstance(previous_ranks, RankMap) else None
        )  # the same list ranked before: one index, not a look-up per case
        if ranked is not None:
            before = ranked[picked]
        else:
            before = np.array([previous_ranks.get(cols.case_ids[p], np.nan) for p in picked],
                              dtype=float)  # fmt: skip
        movement[at] = before - (picked + 1)
    return {"rank": rank, "movement": movement, "score": score, "priority": priority,
            "incomplete": incomplete, "fragile": fragile}  # fmt: skip


def ranking_columns(
    cases: Sequence[Case],
    ranking: Ranking,
    assignments: Sequence[Assignment] | None,
    unplanned: Sequence[Unplanned] = (),
    previous_ranks: Mapping[str, int] | None = None,
) -> dict[str, np.ndarray]:
    """What a new ranking and plan rewrite in the rows of ``cases`` (the ranking's and the
    plan's columns, as :func:`build_rows` lays them out): ``replace(rows, **columns)``
    equals a rebuild with the other columns shared."""
    index = {c.case_id: i for i, c in enumerate(cases)}
    columns = _ranked_columns(len(cases), index, ranking, previous_ranks or {})
    columns.update(_plan_columns(len(cases), cases, index, assignments, unplanned))
    return columns


def decision_labels(decisions: Iterable[Decision]) -> dict[str, str]:
    """The decision column: each case's latest decision, ✓ when final, ✎ a draft (not "…",
    which reads as a text cut off)."""
    return {d.case_id: f"{d.label} {'✓' if d.final else '✎'}" for d in decisions}


@dataclass(frozen=True, eq=False)
class PreparedRows:
    """Ranglijst rows built in a worker, with what they were built from: the GUI thread
    takes them only while the cases, ranking, previous ranks and plan are still these
    objects (``plan``: the PlanResult of the plan columns, None for none).

    ``rows``: whole rows (a new case list); ``columns``: only what a new ranking and plan
    rewrite in the rows of the same cases (:func:`ranking_columns`).
    """

    cases: Sequence[Case]
    ranking: Ranking
    previous_ranks: Mapping[str, int]
    plan: object | None
    rows: RankingRows | None = None
    columns: Mapping[str, np.ndarray] | None = None
