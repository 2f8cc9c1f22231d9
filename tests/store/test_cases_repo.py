from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurploeg.app.decisions import finalise_meeting, record_decision, verify_workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import CaseStatus, Criterion, DecisionKind, Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store import cases_repo
from tests.store.factories import make_capacity, make_case, make_cases, source


def _norm(case):
    return replace(case, criteria={c: case.criteria.get(c) for c in Criterion})


def test_cases_and_capacity_round_trip(ws):
    assert ws.cases() == [_norm(c) for c in make_cases(12)]
    assert ws.capacity() == make_capacity()


@pytest.mark.slow
@given(
    fte=st.one_of(st.none(), st.floats(0.01, 1e6, allow_nan=False)),
    notes=st.one_of(st.none(), st.text(max_size=200)),
    minors=st.one_of(st.none(), st.integers(0, 10**9)),
    week=st.one_of(st.none(), st.builds(IsoWeek, st.just(2026), st.integers(1, 53))),
    spec=st.dictionaries(st.sampled_from(list(Specialism)), st.floats(0, 50)),
)
def test_case_row_round_trip(fte, notes, minors, week, spec):
    import sqlite3

    case = make_case(3, fte=fte, notes=notes, minors=minors, start_week=week, specialist_fte=spec)
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = cases_repo.case_to_row(case)
    conn.execute(f"CREATE TABLE t ({', '.join(row)})")
    conn.execute(f"INSERT INTO t VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    back = cases_repo.row_to_case(conn.execute("SELECT * FROM t").fetchone())
    assert back == _norm(case)


def test_reimport_reports_new_changed_field_by_field_and_gone(ws):
    newer = make_cases(12)
    newer[0] = replace(newer[0], fte=4.0, status=CaseStatus.RUNNING, team="Team Noord",
                       start_week=IsoWeek(2026, 45))
    newer[1] = replace(newer[1], criteria={**newer[1].criteria, Criterion.SEVERITY: 5})
    del newer[5]  # MH-2026-006 disappears
    newer.append(make_case(13))
    result = ws.merge(cases=newer, cases_source=source(rows=12, name="zakenlijst-v2.xlsx"))
    rep = result.cases
    assert rep.new == ["MH-2026-013"]
    assert rep.gone == ["MH-2026-006"]
    changes = {(c.key, c.field): (c.old, c.new) for c in rep.changed}
    assert changes[("MH-2026-001", "fte")] == (2.0, 4.0)
    assert changes[("MH-2026-001", "status")] == ("nieuw", "lopend")
    assert changes[("MH-2026-001", "team")] == (None, "Team Noord")
    assert changes[("MH-2026-001", "start_week")] == (None, "2026-W45")
    assert changes[("MH-2026-002", "severity")][1] == 5
    assert rep.changed_keys == ["MH-2026-001", "MH-2026-002"]
    assert "MH-2026-006" not in {c.case_id for c in ws.cases()}
    assert ws.gone_case_ids() == ["MH-2026-006"]
    assert ws.case("MH-2026-006") is not None  # kept: decisions may refer to it
    imp = ws.imports()[-1]
    assert (imp.file_name, imp.new_rows, imp.changed_rows, imp.gone_rows) == (
        "zakenlijst-v2.xlsx", 1, 2, 1)
    assert imp.mapping == {"case_id": "Zaaknummer", "name": "Onderzoeksnaam"}

    back = ws.merge(cases=make_cases(12), cases_source=source(rows=12)).cases
    assert back.returned == ["MH-2026-006"]
    assert back.gone == ["MH-2026-013"]


def test_same_file_twice_changes_nothing(ws):
    rep = ws.merge(cases=make_cases(12), cases_source=source(rows=12),
                   capacity=make_capacity(), capacity_source=source("capacity", 2))
    assert (rep.cases.new, rep.cases.changed, rep.cases.gone) == ([], [], [])
    assert (rep.capacity.new, rep.capacity.changed, rep.capacity.gone) == ([], [], [])


def test_capacity_reimport_reports_teams_and_availability(ws):
    cap = make_capacity()
    teams = (replace(cap.teams[0], staffed_fte=10.0), cap.teams[1])
    avail = {("Team Noord", IsoWeek(2026, 52)): 5.0}
    from stuurploeg.domain.model import CapacityData

    rep = ws.merge(capacity=CapacityData(teams, avail),
                   capacity_source=source("capacity", 2)).capacity
    changes = {(c.key, c.field): (c.old, c.new) for c in rep.changed}
    assert changes[("Team Noord", "staffed_fte")] == (12.0, 10.0)
    assert changes[("Team Noord", "beschikbaarheid 2026-W52")] == (4.0, 5.0)
    assert changes[("Team Zuid", "beschikbaarheid 2026-W53")] == (3.0, None)
    assert ws.capacity().availability == avail


def test_a_new_teams_weeks_are_not_reported_as_changes(tmp_path):
    from stuurploeg.app.workspace import create_workspace

    with create_workspace(tmp_path / "n.stuurploeg") as w:
        rep = w.merge(capacity=make_capacity(), capacity_source=source("capacity", 2)).capacity
        assert rep.new == ["Team Noord", "Team Zuid"] and rep.changed == []
        assert w.capacity() == make_capacity()


def test_import_never_touches_decisions(ws, ws_path):
    d = record_decision(ws, Decision("MH-2026-004", DecisionKind.TAKE_UP, "officier",
                                     team="Team Zuid", start_week=IsoWeek(2026, 41), fte=2.0),
                        date(2026, 10, 1))
    finalise_meeting(ws, date(2026, 10, 1), "officier")
    before = ws.decision(d.id)
    renamed = [replace(c, name="Nieuwe naam", fte=9.0) for c in make_cases(12) if
               c.case_id != "MH-2026-004"]
    ws.merge(cases=renamed, cases_source=source(rows=11))
    assert ws.decision(d.id) == before
    assert ws.decision(d.id).case_name == "Onderzoek Zeester 4"
    ws.close()
    assert verify_workspace(ws_path).ok


@pytest.mark.slow
@settings(max_examples=25)  # each example creates a workspace (fsyncs): keep it quick
@given(
    old=st.sets(st.integers(1, 30), max_size=15),
    new=st.sets(st.integers(1, 30), max_size=15),
    bump=st.sets(st.integers(1, 30), max_size=10),
)
def test_merge_report_matches_the_set_difference(tmp_path_factory, old, new, bump):
    from stuurploeg.app.workspace import create_workspace

    path = tmp_path_factory.mktemp("m") / "m.stuurploeg"
    with create_workspace(path) as w:
        w.merge(cases=[make_case(i) for i in sorted(old)], cases_source=source(rows=len(old)))
        incoming = [make_case(i, fte=9.5) if i in bump else make_case(i) for i in sorted(new)]
        rep = w.merge(cases=incoming, cases_source=source(rows=len(new))).cases
        ids = {i: f"MH-2026-{i:03d}" for i in range(1, 31)}
        assert sorted(rep.new) == sorted(ids[i] for i in new - old)
        assert sorted(rep.gone) == sorted(ids[i] for i in old - new)
        assert sorted(rep.changed_keys) == sorted(ids[i] for i in (new & old & bump))
        assert all(c.field == "fte" and c.new == 9.5 for c in rep.changed)
        assert w.cases() == [_norm(c) for c in incoming]
