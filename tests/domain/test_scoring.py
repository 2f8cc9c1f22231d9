"""Scores, ranking order, overrides and explanations."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.criteria_text import CRITERION_LABELS, LEVEL_TEXTS, level_text
from stuurploeg.domain.model import CRITERIA, Case, CaseStatus, Criterion
from stuurploeg.domain.scoring import (
    STANDARD_PROFILE,
    PositionOverride,
    ScoreMatrix,
    WeightProfile,
    rank_cases,
)

values = st.sampled_from((None, 1, 2, 3, 4, 5))


def case(cid, crit, pos=0, status=CaseStatus.NEW, **kw):
    return Case(cid, cid, status, criteria=dict(crit), position=pos, **kw)


def all_(v):
    return dict.fromkeys(CRITERIA, v)


def test_standard_profile():
    assert STANDARD_PROFILE.name == "Standaard"
    assert STANDARD_PROFILE.vector().tolist() == [25, 20, 10, 15, 15, 15]


def test_score_formula_and_flags():
    only_severity = {Criterion.SEVERITY: 5}
    mixed = {Criterion.SEVERITY: 5, Criterion.URGENCY: 1}
    r = rank_cases(
        [case("top", all_(5)), case("nul", all_(1), 1), case("een", only_severity, 2),
         case("mix", mixed, 3), case("leeg", {}, 4)],
        STANDARD_PROFILE,
    )
    e = {x.case_id: x for x in r.entries}
    assert e["top"].score == pytest.approx(100) and not e["top"].incomplete
    assert e["nul"].score == pytest.approx(0)
    assert e["een"].score == pytest.approx(100) and e["een"].incomplete
    assert e["mix"].score == pytest.approx(100 * 25 / 45)
    assert e["leeg"].score is None and not e["leeg"].incomplete
    assert [x.case_id for x in r.entries][-1] == "leeg"
    assert e["mix"].contributions[Criterion.URGENCY] == pytest.approx(0)
    assert e["mix"].contributions[Criterion.IMPACT] is None


def test_order_group_then_score_then_list_order_and_only_candidates():
    cases = [
        case("b", all_(3), 1),
        case("a", all_(3), 0),
        case("geen", {}, 2, ongoing=True, minors=1),
        case("prio", all_(1), 3, ongoing=True, minors=3),
        case("lopend", all_(5), 4, status=CaseStatus.RUNNING),
        case("park", all_(4), 5, status=CaseStatus.PARKED),
        case("klaar", all_(5), 6, status=CaseStatus.CLOSED),
        case("oud-minder", all_(5), 7, ongoing=False, minors=2),
    ]
    r = rank_cases(cases, STANDARD_PROFILE)
    assert [x.case_id for x in r.entries] == ["prio", "geen", "oud-minder", "park", "a", "b"]
    assert [x.rank for x in r.entries] == [1, 2, 3, 4, 5, 6]
    off = rank_cases(cases, STANDARD_PROFILE, priority_rule=False)
    assert [x.case_id for x in off.entries] == ["oud-minder", "park", "a", "b", "prio", "geen"]


def test_overrides_move_cases_and_need_motivation():
    cases = [case(c, all_(v), i) for i, (c, v) in enumerate([("a", 5), ("b", 4), ("c", 3)])]
    r = rank_cases(cases, STANDARD_PROFILE, [PositionOverride("c", 1, "acuut gevaar")])
    assert [x.case_id for x in r.entries] == ["c", "a", "b"]
    assert r.entry("c").override.motivation == "acuut gevaar"
    assert r.swaps[0] is None  # an overridden case has no weight-swap explanation
    r = rank_cases(cases, STANDARD_PROFILE, [PositionOverride("a", 99, "x"),
                                             PositionOverride("zz", 1, "x")])
    assert [x.case_id for x in r.entries] == ["b", "c", "a"]
    assert [o.case_id for o in r.ignored_overrides] == ["zz"]
    with pytest.raises(ValueError):
        PositionOverride("a", 1, "  ")


def test_profile_rejects_negative_weights():
    with pytest.raises(ValueError):
        WeightProfile("x", {Criterion.SEVERITY: -1})


@given(st.lists(st.tuples(*[values] * 6), min_size=1, max_size=30),
       st.lists(st.integers(0, 40), min_size=6, max_size=6))
def test_vectorised_scores_match_the_formula(rows, weights):
    cases = [case(f"z{i}", dict(zip(CRITERIA, row, strict=True)), i) for i, row in enumerate(rows)]
    w = np.array(weights, float)
    scores = ScoreMatrix(cases).rescore(w)
    for row, s in zip(rows, scores, strict=True):
        num = sum(wc * (v - 1) / 4 for wc, v in zip(w, row, strict=True) if v is not None)
        den = sum(wc for wc, v in zip(w, row, strict=True) if v is not None)
        if den == 0:
            assert np.isnan(s)
        else:
            assert s == pytest.approx(100 * num / den)


@given(st.lists(st.tuples(*[st.integers(1, 5)] * 6), min_size=2, max_size=12))
def test_neighbour_swap_is_a_real_crossing(rows):
    cases = [case(f"z{i}", dict(zip(CRITERIA, row, strict=True)), i) for i, row in enumerate(rows)]
    r = rank_cases(cases, STANDARD_PROFILE)
    matrix = ScoreMatrix(cases)
    idx = {c.case_id: i for i, c in enumerate(cases)}
    for sw in r.swaps:
        if sw is None:
            continue
        k = CRITERIA.index(sw.criterion)
        a, b = idx[sw.upper], idx[sw.lower]
        w = STANDARD_PROFILE.vector()
        past = w.copy()
        past[k] += sw.delta * 1.01 + np.sign(sw.delta) * 1e-6
        s = matrix.rescore(past)
        assert s[b] >= s[a] - 1e-9  # lower has caught up with (or passed) upper
        # and nothing smaller on the same weight already does it
        before = w.copy()
        before[k] += sw.delta * 0.99
        s = matrix.rescore(before)
        assert s[a] >= s[b] - 1e-9
        assert sw.text().startswith(f"Zaak {sw.lower} komt boven zaak {sw.upper}")


def test_swap_example_by_hand():
    # a: severity 5, rest 1; b: urgency 5, rest 1. a=25/100, b=20/100 -> +5 urgency ties.
    a = case("a", {**all_(1), Criterion.SEVERITY: 5}, 0)
    b = case("b", {**all_(1), Criterion.URGENCY: 5}, 1)
    r = rank_cases([a, b], STANDARD_PROFILE)
    sw = r.swaps[0]
    assert (sw.upper, sw.lower) == ("a", "b")
    assert abs(sw.delta) == pytest.approx(5.0)
    assert sw.criterion in (Criterion.SEVERITY, Criterion.URGENCY)


def test_level_texts_complete_and_dutch():
    for c in CRITERIA:
        assert c in CRITERION_LABELS
        for level in range(1, 6):
            assert len(level_text(c, level)) > 20
    assert "minderjarig" in LEVEL_TEXTS[Criterion.SEVERITY][5]
    assert "orgaanhandel" in LEVEL_TEXTS[Criterion.SEVERITY][5]
    with pytest.raises(ValueError):
        level_text(Criterion.SEVERITY, 6)


def test_live_order_matches_rank_cases():
    cases = [case(f"z{i}", {c: (i * 7 + j) % 5 + 1 for j, c in enumerate(CRITERIA)}, i,
                  ongoing=i % 4 == 0, minors=i % 3)
             for i in range(40)]
    matrix = ScoreMatrix(cases)
    prio = np.array([bool(c.ongoing) and (c.minors or 0) > 0 for c in cases])
    for profile in (STANDARD_PROFILE, STANDARD_PROFILE.with_weight(Criterion.IMPACT, 60)):
        live = [matrix.case_ids[i] for i in matrix.order(profile, prio)]
        assert live == rank_cases(cases, profile).case_ids()
