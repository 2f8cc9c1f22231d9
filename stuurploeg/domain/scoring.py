"""Scoring and ranking of candidate cases.

Score = 100 × Σ wᶜ·(vᶜ−1)/4 ÷ Σ wᶜ, both sums over the criteria scored for that case. The
criteria of all cases are packed once into numpy arrays (:class:`ScoreMatrix`) so that a
weight change re-scores every case with one small matrix product: the GUI re-ranks live
while a slider moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

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
        n = len(cases)
        values = np.full((n, len(CRITERIA)), np.nan)
        for i, case in enumerate(cases):
            for j, c in enumerate(CRITERIA):
                v = case.criteria.get(c)
                if v is not None:
                    values[i, j] = v
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


@dataclass(frozen=True)
class Ranking:
    """Candidates in ranking order, with per neighbouring pair the smallest swapping change.

    ``swaps[i]`` explains entries ``i`` and ``i + 1`` (None when no single weight change
    swaps them: different priority group, an unscored case, a manual override, or equal
    values).
    """

    profile: WeightProfile
    entries: tuple[RankEntry, ...]
    swaps: tuple[SwapExplanation | None, ...] = ()
    ignored_overrides: tuple[PositionOverride, ...] = ()
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({e.case_id: i for i, e in enumerate(self.entries)})

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def entry(self, case_id: str) -> RankEntry:
        return self.entries[self._index[case_id]]

    def case_ids(self) -> list[str]:
        return [e.case_id for e in self.entries]

    def with_fragile(self, fragile: Iterable[str]) -> Ranking:
        marks = set(fragile)
        entries = tuple(
            RankEntry(
                e.rank, e.case_id, e.score, e.contributions, e.priority_rule, e.incomplete,
                e.case_id in marks, e.override,
            )
            for e in self.entries
        )
        return Ranking(self.profile, entries, self.swaps, self.ignored_overrides)


def candidates_of(cases: Iterable[Case]) -> list[Case]:
    """Candidates (nieuw, geparkeerd), in the order of the case list."""
    return sorted((c for c in cases if c.status.is_candidate), key=lambda c: c.position)


def rank_cases(
    cases: Sequence[Case],
    profile: WeightProfile = STANDARD_PROFILE,
    overrides: Iterable[PositionOverride] = (),
    priority_rule: bool = True,
) -> Ranking:
    """Rank the candidates among ``cases`` (other statuses are left out)."""
    cands = candidates_of(cases)
    matrix = ScoreMatrix(cands)
    w = profile.vector()
    scores = matrix.rescore(w)
    contrib = matrix.contributions(w)
    prio = np.array([priority_rule and has_priority_rule(c) for c in cands], dtype=bool)
    positions = np.array([c.position for c in cands], dtype=np.int64)
    order = list(order_indices(scores, prio, positions))

    by_id = {c.case_id: i for i, c in enumerate(cands)}
    applied: dict[str, PositionOverride] = {}
    ignored: list[PositionOverride] = []
    for ov in overrides:  # the last override of a case wins
        if ov.case_id in by_id:
            applied[ov.case_id] = ov
        else:
            ignored.append(ov)
    if applied:
        moved = sorted(applied.values(), key=lambda o: (o.position, by_id[o.case_id]))
        order = [i for i in order if cands[i].case_id not in applied]
        for ov in moved:
            order.insert(min(ov.position - 1, len(order)), by_id[ov.case_id])

    entries = []
    for rank, i in enumerate(order, start=1):
        s = scores[i]
        entries.append(
            RankEntry(
                rank=rank,
                case_id=cands[i].case_id,
                score=None if np.isnan(s) else float(s),
                contributions={
                    c: (None if np.isnan(contrib[i, j]) else float(contrib[i, j]))
                    for j, c in enumerate(CRITERIA)
                },
                priority_rule=bool(prio[i]),
                incomplete=bool(matrix.incomplete[i]),
                override=applied.get(cands[i].case_id),
            )
        )
    swaps = _neighbour_swaps(matrix, w, np.array(order, dtype=np.int64), prio, applied, cands)
    return Ranking(profile, tuple(entries), swaps, tuple(ignored))


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
