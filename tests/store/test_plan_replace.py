"""planning_repo.replace_plan: a working plan takes its predecessor's place when safe."""

from datetime import datetime, timedelta

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store import planning_repo
from stuurploeg.store.planning_repo import AssignmentRow, PlanRecord, RankingRow

T0 = datetime(2026, 10, 1, 9, 0).astimezone()


def _plan(name: str) -> PlanRecord:
    return PlanRecord(name, "rank", IsoWeek(2026, 40), 26,
                      ranking=[RankingRow(1, "Z-001", 3.0)],
                      assignments=[AssignmentRow("Z-001", "Team A", IsoWeek(2026, 40), 8, 1.0)],
                      unplanned=[("Z-002", "past niet")])


def test_replace_removes_the_old_plan_and_its_rows(ws):
    with ws.writing("test") as c:
        old = planning_repo.replace_plan(c, None, _plan("a"), T0)
        new = planning_repo.replace_plan(c, old, _plan("b"), T0 + timedelta(seconds=1))
        assert [r[0] for r in c.execute("SELECT id FROM plans")] == [new]
        for table in ("plan_ranking", "plan_assignments", "plan_unplanned"):
            assert {r[0] for r in c.execute(f"SELECT plan_id FROM {table}")} == {new}


def test_unknown_or_older_plan_is_not_replaced(ws):
    with ws.writing("test") as c:
        a = planning_repo.save_plan(c, _plan("a"), T0)
        b = planning_repo.save_plan(c, _plan("b"), T0)
        assert not planning_repo.plan_replaceable(c, a)  # b is newer
        assert not planning_repo.plan_replaceable(c, 999)
        assert planning_repo.plan_replaceable(c, b)
        planning_repo.replace_plan(c, a, _plan("c"), T0)
        assert len(c.execute("SELECT id FROM plans").fetchall()) == 3
