"""Scenario storage: case changes and profile round trip, archiving of scenarios that
stored plans refer to, and the migration that added them."""

from __future__ import annotations

import pytest

from stuurploeg.app.workspace import open_workspace
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store import planning_repo as repo
from stuurploeg.store import schema
from stuurploeg.store.connection import connect
from stuurploeg.store.errors import StoreError
from stuurploeg.store.planning_repo import (
    PlanRecord,
    ProfileRecord,
    ScenarioCaseChange,
    ScenarioDelta,
    ScenarioRecord,
)

W = IsoWeek(2026, 45)
OM = ProfileRecord("OM", 2, {"severity": 40.0, "urgency": 30.0})


def record(name="Extra", fte=2.0, **kw):
    return ScenarioRecord(
        name,
        [ScenarioDelta("Team Noord", W, None, fte), ScenarioDelta("Team Noord", W, W + 8, fte,
                                                                 "digitaal")],
        case_changes=kw.pop("case_changes", [ScenarioCaseChange("MH-2026-001", "in"),
                                            ScenarioCaseChange("MH-2026-002", "start", W + 3)]),
        profile=kw.pop("profile", OM), description=kw.pop("description", "waarom"), **kw)


def test_round_trip(ws):
    ws.save_scenario(record())
    (back,) = ws.scenarios()
    assert back.same_content(record())
    assert (back.name, back.archived_at) == ("Extra", None)
    assert back.created_at is not None and back.updated_at is not None
    assert back.profile == ProfileRecord("OM", 2, {"severity": 40.0, "urgency": 30.0})
    no_profile = record("Zonder", profile=None, case_changes=[])
    ws.save_scenario(no_profile)
    assert next(s for s in ws.scenarios() if s.name == "Zonder").same_content(no_profile)


def test_saving_the_same_content_changes_nothing(ws):
    sid = ws.save_scenario(record())
    before = ws.scenarios()[0]
    assert ws.save_scenario(record()) == sid
    assert ws.scenarios()[0] == before
    assert ws.save_scenario(record(fte=3.0)) == sid  # not referenced: changed in place
    assert ws.scenarios()[0].deltas[0].fte == 3.0


def test_the_database_refuses_a_start_without_week_and_unknown_actions(ws):
    sid = ws.save_scenario(record())
    for action, week in (("start", None), ("in", "2026-W45"), ("weg", None)):
        with pytest.raises(StoreError, match="CHECK constraint"), ws.writing("test") as c:
            c.execute("INSERT INTO scenario_cases (scenario_id, case_id, action, start_week) "
                      "VALUES (?, 'X', ?, ?)", (sid, action, week))


def test_referenced_scenarios_are_archived_not_changed(ws):
    sid = ws.save_scenario(record())
    pid = ws.save_plan(PlanRecord("p", "rank", W, 26, scenario_id=sid))
    new_id = ws.save_scenario(record(fte=5.0))
    assert new_id != sid
    with ws.reading() as c:
        old = repo.load_scenario(c, scenario_id=ws.plan(pid).scenario_id)
        assert old.name == "Extra" and old.archived_at is not None and old.deltas[0].fte == 2.0
        assert repo.scenario_name_taken(c, "Extra")
    assert [(s.name, s.deltas[0].fte) for s in ws.scenarios()] == [("Extra", 5.0)]
    # deleting archives too when referenced, and really deletes otherwise
    ws.save_plan(PlanRecord("q", "rank", W, 26, scenario_id=new_id))
    assert ws.delete_scenario("Extra") and ws.scenarios() == []
    with ws.reading() as c:
        assert repo.load_scenario(c, scenario_id=new_id).deltas[0].fte == 5.0
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    ws.save_scenario(record("Los"))
    assert ws.delete_scenario("Los")
    with ws.reading() as c:
        assert not repo.scenario_name_taken(c, "Los")
        assert c.execute("SELECT COUNT(*) FROM scenario_cases").fetchone()[0] == 4  # cascade


def test_migration_keeps_old_scenarios_and_the_plans_that_refer_to_them(tmp_path):
    path = tmp_path / "v6.stuurploeg"
    conn = connect(path)
    schema.initialise(conn, upto=6)
    conn.execute("INSERT INTO scenarios (id, name, created_at) VALUES (1, 'Oud', "
                 "'2026-01-01T10:00:00+01:00')")
    conn.execute("INSERT INTO scenario_deltas (scenario_id, team, from_week, to_week, fte, "
                 "kind) VALUES (1, 'Team Noord', '2026-W10', NULL, 2.0, 'digitaal')")
    conn.execute("INSERT INTO plans (id, name, created_at, planner, start_week, weeks, "
                 "scenario_id) VALUES (1, 'p', '2026-01-01T10:00:00+01:00', 'rank', "
                 "'2026-W10', 26, 1)")
    conn.close()
    with open_workspace(path) as ws:
        assert schema.schema_version(ws.conn) == schema.SCHEMA_VERSION
        (old,) = ws.scenarios()
        assert (old.name, old.case_changes, old.profile, old.description) == ("Oud", [], None,
                                                                              "")
        assert old.deltas == [ScenarioDelta("Team Noord", IsoWeek(2026, 10), None, 2.0,
                                            "digitaal")]
        ws.save_scenario(record("Oud"))  # referenced by plan 1: archived
        with ws.reading() as c:
            kept = repo.load_scenario(c, scenario_id=1)
        assert kept.name == "Oud" and kept.archived_at is not None and kept.case_changes == []
        assert ws.scenarios()[0].same_content(record("Oud"))
