"""Plans saved automatically after each change replace each other, unless decided upon."""

from datetime import date

import pytest

from stuurploeg.app.decisions import record_decision
from stuurploeg.app.workspace_plans import compute_plan, plan_record, save_working_plan
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import Criterion, DecisionKind
from stuurploeg.domain.scoring import STANDARD_PROFILE
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def _record(ws, weight: float, name: str = "rank"):
    profile = STANDARD_PROFILE.with_weight(Criterion.SEVERITY, weight)
    return plan_record(compute_plan(ws, start=START, profile=profile), name)


@pytest.mark.slow
def test_working_plans_replace_each_other_and_keep_the_latest_weights(ws):
    pid = None
    for weight in range(1, 11):
        pid = save_working_plan(ws, _record(ws, float(weight)), pid)
    assert [p[0] for p in ws.plans()] == [pid]
    assert ws.plan().profile.weights[Criterion.SEVERITY.value] == 10.0


def test_a_plan_decided_upon_is_kept(ws):
    first = save_working_plan(ws, _record(ws, 5.0), None)
    case_id = ws.plan(first).ranking[0].case_id
    record_decision(ws, Decision(case_id, DecisionKind.PARK, "officier",
                                 until_next_meeting=True, motivation="Eerst aangifte"),
                    date(2026, 10, 1))
    second = save_working_plan(ws, _record(ws, 6.0), first)
    third = save_working_plan(ws, _record(ws, 7.0), second)
    assert [p[0] for p in ws.plans()] == [third, first]


def test_a_newer_plan_saved_otherwise_is_not_replaced(ws):
    auto = save_working_plan(ws, _record(ws, 5.0), None)
    explicit = ws.save_plan(_record(ws, 6.0, "optimaal"))
    again = save_working_plan(ws, _record(ws, 7.0), auto)
    assert [p[0] for p in ws.plans()] == [again, explicit, auto]
