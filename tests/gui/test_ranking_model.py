"""The Ranglijst model on its own: sorting, filtering, roles, narrow updates. No widgets."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from stuurploeg.domain.scoring import Ranking
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.rows import build_rows
from tests.gui.factories import make_cases, real_plan, real_ranking


def _rows(cases, plan=None, **kwargs):
    """The rows of ``cases`` with a real ranking and a real rank-order plan."""
    plan = plan if plan is not None else real_plan(cases)
    return build_rows(cases, plan.ranking, plan.assignments, plan.unplanned, **kwargs)

pytestmark = pytest.mark.gui


@pytest.fixture
def model(qapp):
    m = rm.RankingModel()
    m.set_rows(_rows(make_cases(200)))
    return m


def _column(model, column, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


@pytest.mark.slow
def test_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)


def test_sorts_by_score_descending_with_missing_last(model):
    model.sort(rm.SCORE, Qt.SortOrder.DescendingOrder)
    values = _column(model, rm.SCORE, rm.VALUE_ROLE)
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=True)
    first_missing = values.index(None)
    assert all(v is None for v in values[first_missing:])


def test_text_sort_and_stable_ties(model):
    model.sort(rm.STATUS, Qt.SortOrder.AscendingOrder)
    statuses = _column(model, rm.STATUS)
    assert statuses == sorted(statuses, key=str.casefold)
    ids = _column(model, rm.CASE_ID)
    for status in set(statuses):
        same = [i for i, s in zip(ids, statuses, strict=True) if s == status]
        assert same == sorted(same)  # ties keep list order (ids are in list order)


def test_selection_survives_resort(qapp, model):
    sel = QItemSelectionModel(model)
    target = model.index(5, rm.NAME)
    case_id = target.data(rm.CASE_ID_ROLE)
    sel.select(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    persistent = QPersistentModelIndex(target)
    model.sort(rm.NAME, Qt.SortOrder.DescendingOrder)
    model.sort(rm.FTE, Qt.SortOrder.AscendingOrder)
    assert persistent.isValid()
    assert model.data(model.index(persistent.row(), 0), rm.CASE_ID_ROLE) == case_id
    assert [i.data(rm.CASE_ID_ROLE) for i in sel.selectedIndexes()] == [case_id]


def test_filters_combine(model):
    spec = rm.RankingFilter(exploitations=frozenset({"arbeid"}), in_plan=True)
    model.set_filter(spec)
    assert model.rowCount() > 0
    assert set(_column(model, rm.EXPLOITATION)) == {"arbeid"}
    rows = model.rows
    for r in range(model.rowCount()):
        assert rows.in_plan[model.data_row(r)] == 1
    model.set_filter(rm.RankingFilter(text="mh-0001"))
    assert all(c.startswith("MH-0001") for c in _column(model, rm.CASE_ID))
    assert model.rowCount() == 10  # MH-00010 .. MH-00019
    model.set_filter(rm.RankingFilter(text="zzz-nothing"))
    assert model.rowCount() == 0


def test_decision_update_is_one_narrow_change(qtbot, model):
    changes = []
    resets = []
    model.dataChanged.connect(lambda a, b, roles: changes.append((a.column(), b.column())))
    model.modelReset.connect(lambda: resets.append(1))
    model.update_decisions({"MH-00003": "Oppakken"})
    assert changes == [(rm.DECISION, rm.DECISION)]
    assert not resets
    assert model.data(model.index(model.row_of("MH-00003"), rm.DECISION)) == "Oppakken"


def test_rank_shows_movement_and_badges(qapp):
    cases = make_cases(30)
    ranking = real_ranking(cases)
    e = dataclasses.replace(ranking.entries[3], priority_rule=True, fragile=True)
    entries = (*ranking.entries[:3], e, *ranking.entries[4:])
    ranking = Ranking(ranking.profile, entries)
    rows = build_rows(cases, ranking, previous_ranks={e.case_id: e.rank + 2})
    m = rm.RankingModel()
    m.set_rows(rows)
    row = m.row_of(e.case_id)
    assert m.data(m.index(row, rm.RANK)) == f"{e.rank} ↑2"
    keys = [k for k, _ in m.data(m.index(row, rm.BADGES), rm.BADGES_ROLE)]
    assert keys[0] == rm.BADGE_PRIORITY and rm.BADGE_FRAGILE in keys


@pytest.mark.slow
@given(
    n=st.integers(0, 60),
    column=st.sampled_from(
        [rm.RANK, rm.CASE_ID, rm.NAME, rm.STATUS, rm.SCORE, rm.FIRST_CRITERION, rm.FTE, rm.PLAN]
    ),
    descending=st.booleans(),
    forms=st.sets(st.sampled_from(["seksueel", "arbeid", "crimineel", "orgaanhandel", "overig"])),
    text=st.sampled_from(["", "eik", "mh-000", "x"]),
    seed=st.integers(0, 1000),
)
def test_sort_filter_invariants(qapp, n, column, descending, forms, text, seed):
    cases = make_cases(n, seed)
    model = rm.RankingModel()
    model.set_rows(_rows(cases) if cases else build_rows(cases))
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    spec = rm.RankingFilter(text=text, exploitations=frozenset(forms))
    model.set_filter(spec)
    visible = [model.data_row(r) for r in range(model.rowCount())]
    # the filter keeps exactly the matching rows, each once
    expected = {
        i
        for i, c in enumerate(cases)
        if (not forms or str(c.exploitation) in forms)
        and (not text or text in f"{c.case_id} {c.name}".casefold())
    }
    assert sorted(visible) == sorted(expected)
    # rows are ordered by the key, missing values last, ties in list order
    key = model.sort_key(column)[visible]
    missing = np.isnan(key)
    assert not np.any(missing[:-1] & ~missing[1:])
    present = key[~missing]
    diffs = np.diff(present)
    assert np.all(diffs <= 0) if descending else np.all(diffs >= 0)
    ties = np.flatnonzero(diffs == 0)
    pos = np.array(visible)[~missing]
    assert np.all(pos[ties] < pos[ties + 1])


def test_no_item_widgets_or_proxy_models_in_the_gui():
    """Tables are model/view over our own models (EXAMPLES: no QTableWidget, no proxy)."""
    import re
    from pathlib import Path

    import stuurploeg.gui

    root = Path(stuurploeg.gui.__file__).parent
    pattern = re.compile(r"QTableWidget|QSortFilterProxyModel\(|\b(?!app\b)\w+\.exec\(\)")
    offenders = [
        f"{p.name}: {m.group(0)}"
        for p in root.rglob("*.py")
        for m in pattern.finditer(p.read_text(encoding="utf-8"))
    ]
    # dialogs open with open(), never exec(): the event loop (and tests) keep running
    assert not offenders


def test_plan_column_shows_the_first_sentence_of_a_reason_and_the_whole_as_tooltip(qapp):
    cases = make_cases(30)
    plan = real_plan(cases)
    assert plan.unplanned, "the teams cannot take every case"
    long = ("Past niet bij team Noord: 1,5 fte totaal tekort in 2026-W51. Dichtstbij: start "
            "2026-W50 (nodig 3, vrij 1,5). Bij team Zuid: 2 fte tekort.")
    unplanned = [dataclasses.replace(u, reason=long) for u in plan.unplanned]
    m = rm.RankingModel()
    m.set_rows(build_rows(cases, plan.ranking, plan.assignments, unplanned))
    shown = {m.data(m.index(r, rm.PLAN)) for r in range(m.rowCount())}
    tips = {m.data(m.index(r, rm.PLAN), Qt.ItemDataRole.ToolTipRole) for r in range(m.rowCount())}
    assert "Past niet bij team Noord: 1,5 fte totaal tekort in 2026-W51." in shown
    assert long not in shown
    assert any(tip and long in tip for tip in tips)


@given(
    n=st.integers(0, 80),
    ranked=st.floats(0, 1),
    places=st.booleans(),
    descending=st.booleans(),
    seed=st.integers(0, 10_000),
)
def test_row_order_is_the_lexsort_on_missing_value_and_position(
    n, ranked, places, descending, seed
):
    """The order the table shows (with the no-sort path for ranks 1..m) is the plain
    lexsort: missing last, then by value, ties in list order; filtered rows left out."""
    from stuurploeg.gui.ranking.order import row_order

    rng = np.random.default_rng(seed)
    rows = build_rows(make_cases(n, seed))
    key = np.full(n, np.nan)
    chosen = rng.permutation(n)[: int(n * ranked)]
    if places:
        key[chosen] = rng.permutation(len(chosen)) + 1
    else:
        key[chosen] = rng.integers(0, 4, len(chosen))
    spec = rm.RankingFilter(text="1" if seed % 3 == 0 else "")
    missing = np.isnan(key)
    value = np.where(missing, 0.0, -key if descending else key)
    expected = np.lexsort((np.arange(n), value, missing))
    expected = expected[spec.mask(rows)[expected]] if n else expected
    assert row_order(rows, key, descending, spec).tolist() == expected.tolist()
