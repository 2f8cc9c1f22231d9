"""Scoring and ranking of candidate cases.

Score = 100 × Σ wᶜ·(vᶜ−1)/4 ÷ Σ wᶜ, both sums over the criteria scored for that case. The
criteria of all cases are packed once into numpy arrays (:class:`ScoreMatrix`) so that a
weight change re-scores every case with one small matrix product: the GUI re-ranks live
while a slider moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from stuurploeg.domain.model import CRITERIA, Case, Criterion

# Scores are rounded to this many decimals before ordering, so that float noise from a
# different summation order can never change a ranking.
_ORDER_DECIMALS = 9


@dataclass(frozen=True)
class WeightProfile:
    """A named, versioned set of criterion weights (any non-negative scale)."""

    name: str
    weights: Mapping[Criterion, float]
    version: int = 1

    def __post_init__(self) -> None:
        for c, w in self.weights.items():
            if not isinstance(c, Criterion):
                raise ValueError(f"onbekend criterium: {c!r}")
            if not isinstance(w, int | float) or not math.isfinite(w) or w < 0:
                raise ValueError(f"gewicht voor {c.value} moet een getal ≥ 0 zijn, niet {w!r}")

    def weight(self, c: Criterion) -> float:
        return float(self.weights.get(c, 0.0))

    def vector(self) -> np.ndarray:
        """Weights in the fixed criterion order of :data:`CRITERIA`."""
        return np.array([self.weight(c) for c in CRITERIA], dtype=float)

    def with_weight(self, c: Criterion, value: float) -> WeightProfile:
        weights = dict(self.weights)
        weights[c] = value
        return WeightProfile(self.name, weights, self.version)


STANDARD_PROFILE = WeightProfile(
    "Standaard",
    {
        Criterion.SEVERITY: 25,
        Criterion.URGENCY: 20,
        Criterion.INFORMATION: 10,
        Criterion.PROSPECTS: 15,
        Criterion.EXPANSION: 15,
        Criterion.IMPACT: 15,
    },
    version=1,
)


def has_priority_rule(case: Case) -> bool:
    """Default priority rule: ongoing exploitation with minors > 0."""
    return bool(case.ongoing) and (case.minors or 0) > 0


class ScoreMatrix:
    """The criteria of a fixed list of cases as arrays, for fast re-scoring.

    ``rescore(weights)`` costs two fused multiply-adds over an ``n × 6`` array; it is the
    fast path for live weight changes (no Python loop over cases).
    """

    def __init__(self, cases: Sequence[Case]) -> None:
        # Nested lists first, one conversion after (None becomes NaN): per-element numpy
        # assignment costs several times more at 20,000 cases.
        values = np.array(
            [[case.criteria.get(c) for c in CRITERIA] for case in cases], dtype=float
        ).reshape(len(cases), len(CRITERIA))
        self.case_ids: tuple[str, ...] = tuple(c.case_id for c in cases)
        self.positions = np.array([c.position for c in cases], dtype=np.int64)
        self.values = values
        scored = ~np.isnan(values)
        # Stored criterion-major (6 × n, contiguous): ``w @ A`` over that layout runs at
        # the speed of a plain BLAS mat-vec, where ``(n × 6) @ w`` is several times slower.
        self._rescaled_t = np.ascontiguousarray(np.where(scored, (values - 1.0) / 4.0, 0.0).T)
        self._scored_t = np.ascontiguousarray(scored.T.astype(float))
        self.scored = scored
        self.incomplete = scored.any(axis=1) & ~scored.all(axis=1)
        self.unscored = ~scored.any(axis=1)

    @property
    def rescaled(self) -> np.ndarray:
        """(n × 6) criterion values rescaled to 0–1, 0 where unscored."""
        return self._rescaled_t.T

    def rescore(self, weights: np.ndarray | WeightProfile) -> np.ndarray:
        """Scores 0–100 for the weights (criterion order), NaN where there is no score."""
        w = weights.vector() if isinstance(weights, WeightProfile) else np.asarray(weights, float)
        num = w @ self._rescaled_t
        den = w @ self._scored_t
        # den is 0 only when every scored criterion weighs 0; then num is 0 too and 0/0
        # gives the NaN that means "no score".
        with np.errstate(invalid="ignore", divide="ignore"):
            np.divide(num, den, out=num)
        num *= 100.0
        return num

    def order(self, weights: np.ndarray | WeightProfile, priority: np.ndarray) -> np.ndarray:
        """Live re-rank: row indices in ranking order for ``weights`` (no overrides)."""
        return order_indices(self.rescore(weights), priority, self.positions)

    def contributions(self, weights: np.ndarray | WeightProfile) -> np.ndarray:
        """Per case and criterion the points it adds to the score (NaN where unscored)."""
        w = weights.vector() if isinstance(weights, WeightProfile) else np.asarray(weights, float)
        den = self.scored.astype(float) @ w
        with np.errstate(invalid="ignore", divide="ignore"):
            contrib = 100.0 * self.rescaled * w / den[:, None]
        contrib[~self.scored] = np.nan
        contrib[den <= 0] = np.nan
        return contrib


def order_indices(scores: np.ndarray, priority: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Ranking order: priority group, scored before unscored, score descending, list order."""
    has = ~np.isnan(scores)
    key_score = np.where(has, -np.round(scores, _ORDER_DECIMALS), 0.0)
    return np.lexsort((positions, key_score, ~has, ~priority))


@dataclass(frozen=True)
class PositionOverride:
    """The officer moved a case to ``position`` (1-based) in the ranking, with a motivation."""

    case_id: str
    position: int
    motivation: str

    def __post_init__(self) -> None:
        if not self.motivation or not self.motivation.strip():
            raise ValueError(f"verplaatsing van zaak {self.case_id} heeft een motivering nodig")
        if self.position < 1:
            raise ValueError(f"positie voor zaak {self.case_id} moet 1 of hoger zijn")


@dataclass(frozen=True)
class SwapExplanation:
    """Changing ``criterion``'s weight by ``delta`` points makes ``upper`` and ``lower`` swap."""

    upper: str
    lower: str
    criterion: Criterion
    delta: float

    def text(self) -> str:
        from stuurploeg.domain.criteria_text import CRITERION_LABELS

        richting = "hoger" if self.delta > 0 else "lager"
        return (
            f"Zaak {self.lower} komt boven zaak {self.upper} als het gewicht van "
            f"{CRITERION_LABELS[self.criterion]} {abs(self.delta):.1f} punt {richting} wordt."
        )


@dataclass(frozen=True)
class RankEntry:
    rank: int
    case_id: str
    score: float | None
    contributions: Mapping[Criterion, float | None]
    priority_rule: bool
    incomplete: bool
    fragile: bool = False
    override: PositionOverride | None = None


class RankColumns(NamedTuple):
    """A ranking as arrays in rank order (entry ``i`` has rank ``i + 1``)."""

    case_ids: tuple[str, ...]
    scores: np.ndarray  # float, NaN when unscored
    priority: np.ndarray  # bool
    incomplete: np.ndarray  # bool
    fragile: np.ndarray  # bool
    # ``case_ids[i] == source[order[i]]``; ``source`` is the same tuple for every ranking of
    # the same case list, so a table can map it to its rows once.
    source: tuple[str, ...] = ()
    order: np.ndarray | None = None


class Ranking:
    """Candidates in ranking order, with per neighbouring pair the smallest swapping change.

    ``swaps[i]`` explains entries ``i`` and ``i + 1`` (None when no single weight change
    swaps them: different priority group, an unscored case, a manual override, or equal
    values).

    A ranking made by :func:`rank_cases` keeps its arrays and builds ``entries`` and
    ``swaps`` only when they are first read: a slider step re-ranks thousands of cases,
    and the table needs only :meth:`columns`.
    """

    def __init__(
        self,
        profile: WeightProfile,
        entries: Iterable[RankEntry] = (),
        swaps: Iterable[SwapExplanation | None] = (),
        ignored_overrides: Iterable[PositionOverride] = (),
    ) -> None:
        self.profile = profile
        self.ignored_overrides = tuple(ignored_overrides)
        self._entries: tuple[RankEntry, ...] | None = tuple(entries)
        self._swaps: tuple[SwapExplanation | None, ...] | None = tuple(swaps)
        self._lazy: _LazyRanking | None = None
        self._index: dict[str, int] | None = None

    @classmethod
    def _of(cls, profile: WeightProfile, lazy: _LazyRanking) -> Ranking:
        ranking = cls(profile, (), (), lazy.reranker.ignored)
        ranking._entries = ranking._swaps = None
        ranking._lazy = lazy
        return ranking

    @property
    def entries(self) -> tuple[RankEntry, ...]:
        if self._entries is None:
            assert self._lazy is not None
            self._entries = self._lazy.entries()
        return self._entries

    @property
    def swaps(self) -> tuple[SwapExplanation | None, ...]:
        if self._swaps is None:
            assert self._lazy is not None
            self._swaps = self._lazy.swaps()
        return self._swaps

    def __len__(self) -> int:
        return len(self._lazy.order) if self._entries is None else len(self._entries)

    def __iter__(self):
        return iter(self.entries)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ranking):
            return NotImplemented
        return (self.profile, self.entries, self.swaps, self.ignored_overrides) == (
            other.profile, other.entries, other.swaps, other.ignored_overrides
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Ranking(profile={self.profile.name!r}, {len(self)} entries)"

    def _positions(self) -> dict[str, int]:
        if self._index is None:
            self._index = {cid: i for i, cid in enumerate(self.case_ids())}
        return self._index

    def entry(self, case_id: str) -> RankEntry:
        i = self._positions()[case_id]
        if self._entries is None:
            assert self._lazy is not None
            return self._lazy.entry(i)
        return self._entries[i]

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._positions()

    def case_ids(self) -> list[str]:
        if self._entries is None:
            assert self._lazy is not None
            return list(self._lazy.case_ids())
        return [e.case_id for e in self._entries]

    def rank_map(self) -> Mapping[str, int]:
        """case id -> rank (for a lazy ranking: arrays, looked up per case on demand)."""
        if self._lazy is not None:
            # also once its entries are made (a stored plan's ranking): the arrays answer
            # the same, in microseconds instead of a dict of every case
            return RankMap(self._lazy)
        return dict(zip(self.case_ids(), range(1, len(self) + 1), strict=True))

    def columns(self) -> RankColumns:
        """The ranking as arrays, without building an entry per case."""
        if self._entries is None:
            assert self._lazy is not None
            return self._lazy.columns()
        es = self._entries
        return RankColumns(
            tuple(e.case_id for e in es),
            np.array([np.nan if e.score is None else e.score for e in es], dtype=float),
            np.array([e.priority_rule for e in es], dtype=bool),
            np.array([e.incomplete for e in es], dtype=bool),
            np.array([e.fragile for e in es], dtype=bool),
        )

    def with_fragile(self, fragile: Iterable[str]) -> Ranking:
        marks = set(fragile)
        if self._entries is None:
            assert self._lazy is not None
            ranking = Ranking._of(self.profile, self._lazy.with_fragile(marks))
            ranking._swaps = self._swaps
            return ranking
        entries = tuple(
            RankEntry(
                e.rank, e.case_id, e.score, e.contributions, e.priority_rule, e.incomplete,
                e.case_id in marks, e.override,
            )
            for e in self._entries
        )
        return Ranking(self.profile, entries, self.swaps, self.ignored_overrides)


def candidates_of(cases: Iterable[Case]) -> list[Case]:
    """Candidates (nieuw, geparkeerd), in the order of the case list."""
    return sorted((c for c in cases if c.status.is_candidate), key=lambda c: c.position)


class Reranker:
    """The candidates of a fixed case list, packed once, ranked again for any weights.

    :func:`rank_cases` is one use; the fragility check ranks the same list a dozen times
    and needs only the order, so it skips the per-entry objects.
    """

    def __init__(
        self,
        cases: Sequence[Case],
        overrides: Iterable[PositionOverride] = (),
        priority_rule: bool = True,
    ) -> None:
        self.cands = candidates_of(cases)
        self.matrix = ScoreMatrix(self.cands)
        self.prio = np.array(
            [priority_rule and has_priority_rule(c) for c in self.cands], dtype=bool
        )
        self.positions = self.matrix.positions
        self.id_array = np.array(self.matrix.case_ids, dtype=object)
        self.by_id = {c.case_id: i for i, c in enumerate(self.cands)}
        self.applied: dict[str, PositionOverride] = {}
        ignored: list[PositionOverride] = []
        for ov in overrides:  # the last override of a case wins
            if ov.case_id in self.by_id:
                self.applied[ov.case_id] = ov
            else:
                ignored.append(ov)
        self.ignored = tuple(ignored)

    def order(self, scores: np.ndarray) -> list[int]:
        """Candidate indices in ranking order for ``scores``, overrides applied."""
        order = order_indices(scores, self.prio, self.positions).tolist()
        if self.applied:
            by_id = self.by_id
            moved = sorted(self.applied.values(), key=lambda o: (o.position, by_id[o.case_id]))
            order = [i for i in order if self.cands[i].case_id not in self.applied]
            for ov in moved:
                order.insert(min(ov.position - 1, len(order)), by_id[ov.case_id])
        return order

    def case_ids(self, profile: WeightProfile) -> list[str]:
        """The candidates' ids in ranking order under ``profile``."""
        ids = self.matrix.case_ids
        return [ids[i] for i in self.order(self.matrix.rescore(profile.vector()))]

    def ranking(self, profile: WeightProfile) -> Ranking:
        w = profile.vector()
        scores = self.matrix.rescore(w)
        order = np.array(self.order(scores), dtype=np.int64)
        return Ranking._of(profile, _LazyRanking(self, w, order, scores))


class RankMap(Mapping[str, int]):
    """case id -> rank of one ranking, as arrays: ``ranks[i]`` is the rank of ``source[i]``
    (the case list's candidates), so a table of the same list reads them all at once."""

    def __init__(self, lazy: _LazyRanking) -> None:
        rr = lazy.reranker
        self.source = rr.matrix.case_ids
        self.ranks = np.empty(len(self.source), dtype=float)
        self.ranks[lazy.order] = np.arange(1, len(lazy.order) + 1)
        self._by_id = rr.by_id

    def __getitem__(self, case_id: str) -> int:
        return int(self.ranks[self._by_id[case_id]])

    def ranks_for(self, columns: RankColumns) -> np.ndarray | None:
        """These ranks of the cases of ``columns`` (a ranking of the same case list), in
        its rank order, in one index; None for a ranking of another list (look them up)."""
        if columns.order is None or not (
            columns.source is self.source or columns.source == self.source
        ):  # equal, not the same, when packed again (a plan's worker packs its own)
            return None
        return self.ranks[columns.order]

    def __iter__(self):
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)


class _LazyRanking:
    """What a :class:`Ranking` from :class:`Reranker` is built from (arrays; the entries
    and swaps follow from them when asked)."""

    def __init__(self, reranker: Reranker, w: np.ndarray, order: np.ndarray,
                 scores: np.ndarray, fragile: frozenset[str] = frozenset()) -> None:
        self.reranker, self.w, self.order, self.scores = reranker, w, order, scores
        self.fragile = fragile
        self._ids: tuple[str, ...] | None = None
        self._contrib: np.ndarray | None = None

    def with_fragile(self, fragile: set[str]) -> _LazyRanking:
        other = _LazyRanking(self.reranker, self.w, self.order, self.scores, frozenset(fragile))
        other._ids, other._contrib = self._ids, self._contrib
        return other

    def case_ids(self) -> tuple[str, ...]:
        if self._ids is None:
            self._ids = tuple(self.reranker.id_array[self.order].tolist())
        return self._ids

    def contributions(self) -> np.ndarray:
        if self._contrib is None:
            self._contrib = self.reranker.matrix.contributions(self.w)
        return self._contrib

    def columns(self) -> RankColumns:
        ids = self.case_ids()
        order, rr = self.order, self.reranker
        fragile = np.zeros(len(rr.cands), dtype=bool)  # per candidate, then in rank order
        fragile[[rr.by_id[c] for c in self.fragile if c in rr.by_id]] = True
        return RankColumns(ids, self.scores[order], rr.prio[order], rr.matrix.incomplete[order],
                           fragile[order], rr.matrix.case_ids, order)  # fmt: skip

    def entry(self, i: int) -> RankEntry:
        return self._entries((i,))[0]

    def entries(self) -> tuple[RankEntry, ...]:
        return self._entries(range(len(self.order)))

    def _entries(self, places: Sequence[int]) -> tuple[RankEntry, ...]:
        rr, ids = self.reranker, self.case_ids()
        picked = self.order[list(places)]
        # Plain Python values in one go: per-element numpy scalars cost more than the rest.
        score_list = [None if s != s else s for s in self.scores[picked].tolist()]
        contrib_rows = self.contributions()[picked].tolist()
        prio_list = rr.prio[picked].tolist()
        incomplete_list = rr.matrix.incomplete[picked].tolist()
        out = []
        for place, s, row, p, inc in zip(
            places, score_list, contrib_rows, prio_list, incomplete_list, strict=True
        ):
            case_id = ids[place]
            out.append(
                RankEntry(
                    rank=place + 1,
                    case_id=case_id,
                    score=s,
                    contributions=dict(
                        zip(CRITERIA, [None if v != v else v for v in row], strict=True)
                    ),
                    priority_rule=p,
                    incomplete=inc,
                    fragile=case_id in self.fragile,
                    override=rr.applied.get(case_id),
                )
            )
        return tuple(out)

    def swaps(self) -> tuple[SwapExplanation | None, ...]:
        rr = self.reranker
        return _neighbour_swaps(rr.matrix, self.w, self.order, rr.prio, rr.applied, rr.cands)


def rank_cases(
    cases: Sequence[Case],
    profile: WeightProfile = STANDARD_PROFILE,
    overrides: Iterable[PositionOverride] = (),
    priority_rule: bool = True,
) -> Ranking:
    """Rank the candidates among ``cases`` (other statuses are left out).

    The window re-ranks the same tuple of cases at every slider step; packing them is
    most of the work at 20,000 cases, so the last packing is kept. Only for a tuple (a
    list may change under us) and frozen cases; the key holds the tuple itself, so an
    equal-looking new list is never mistaken for it.
    """
    global _last_reranker
    overrides = tuple(overrides)
    key = (cases, overrides, priority_rule)
    last = _last_reranker
    if isinstance(cases, tuple) and last is not None and last[0][0] is cases and (
        last[0][1:] == key[1:]
    ):
        reranker = last[1]
    else:
        reranker = Reranker(cases, overrides, priority_rule)
        if isinstance(cases, tuple):
            _last_reranker = (key, reranker)  # one assignment: safe beside a worker thread
    return reranker.ranking(profile)


_last_reranker: tuple[tuple[Sequence[Case], tuple[PositionOverride, ...], bool], Reranker] | None
_last_reranker = None


def _neighbour_swaps(
    matrix: ScoreMatrix,
    w: np.ndarray,
    order: np.ndarray,
    prio: np.ndarray,
    overridden: Mapping[str, PositionOverride],
    cands: Sequence[Case],
) -> tuple[SwapExplanation | None, ...]:
    """Per neighbouring pair the smallest single-weight change that makes their scores cross.

    With ``δ`` added to weight k, ``s(δ) = 100 (N + δx) / (D + δm)`` for each case
    (N, D: numerator/denominator, x: rescaled value, m: scored). ``s_a(δ) = s_b(δ)`` is a
    quadratic in δ; its smallest-magnitude root with ``w_k + δ ≥ 0`` and positive
    denominators is the answer. Solved for all pairs and criteria at once.
    """
    if len(order) < 2:
        return ()
    x = matrix.rescaled
    m = matrix.scored.astype(float)
    num = x @ w
    den = m @ w
    a_idx, b_idx = order[:-1], order[1:]
    xa, xb = x[a_idx], x[b_idx]  # (p, k)
    ma, mb = m[a_idx], m[b_idx]
    na, nb = num[a_idx][:, None], num[b_idx][:, None]
    da, db = den[a_idx][:, None], den[b_idx][:, None]
    qa = xa * mb - xb * ma
    qb = na * mb + xa * db - nb * ma - xb * da
    qc = na * db - nb * da
    with np.errstate(invalid="ignore", divide="ignore"):
        disc = qb * qb - 4 * qa * qc
        sq = np.sqrt(np.where(disc >= 0, disc, np.nan))
        quad = np.abs(qa) > 1e-12
        r1 = np.where(quad, (-qb + sq) / (2 * qa), np.where(np.abs(qb) > 1e-12, -qc / qb, np.nan))
        r2 = np.where(quad, (-qb - sq) / (2 * qa), np.nan)
    best = np.full(qa.shape, np.inf)
    best_root = np.full(qa.shape, np.nan)
    for r in (r1, r2):
        ok = ~np.isnan(r) & (w[None, :] + r >= -1e-9)
        ok &= (da + r * ma > 1e-12) & (db + r * mb > 1e-12)
        ok &= np.abs(r) > 1e-9  # a tie today is no explanation of a swap
        better = ok & (np.abs(r) < best)
        best = np.where(better, np.abs(r), best)
        best_root = np.where(better, r, best_root)
    out: list[SwapExplanation | None] = []
    for p in range(len(a_idx)):
        ia, ib = int(a_idx[p]), int(b_idx[p])
        comparable = (
            prio[ia] == prio[ib]
            and den[ia] > 0
            and den[ib] > 0
            and cands[ia].case_id not in overridden
            and cands[ib].case_id not in overridden
        )
        k = int(np.argmin(best[p])) if comparable else -1
        if k < 0 or not np.isfinite(best[p, k]):
            out.append(None)
            continue
        delta = float(best_root[p, k])
        out.append(SwapExplanation(cands[ia].case_id, cands[ib].case_id, CRITERIA[k], delta))
    return tuple(out)
