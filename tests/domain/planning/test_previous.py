"""Re-planning against the previous plan, on hand-made candidates."""

from __future__ import annotations

import numpy as np

from stuurploeg.app.planning import make_plan
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Team
from stuurploeg.domain.planning import KINDS, FixedPlacement, build_grid
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.previous import (
    PreviousPlacement,
    keep_plan,
    moves,
    previous_spots,
    restore_previous,
    stable_rank_plan,
)
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def grid(*ftes, horizon=6, availability=None):
    teams = tuple(Team(f"T{i}", f, position=i) for i, f in enumerate(ftes))
    return build_grid(CapacityData(teams, availability or {}), START, horizon, extra_weeks=6)


def cand(g, cid, order, score, fte=1.0, weeks=2, *, teams=None, first=0, last=None, prio=False):
    demand = np.zeros(len(KINDS))
    demand[0] = fte
    return Candidate(cid, order, float(score), prio, demand, weeks,
                     tuple(range(len(g.teams))) if teams is None else teams, first,
                     g.horizon - 1 if last is None else last)


def prev(cid, team="T0", week=0):
    return PreviousPlacement(cid, team, START + week)


def where(plan, g):
    return {cid: (g.teams[ti], str(g.week(s))) for cid, (ti, s) in plan.state.placed.items()}


def the_moves(plan, cands):
    return moves(plan.state, cands, plan.previous, plan.unseated, keep_total=plan.keep_total,
                 because=plan.because)


def test_a_case_keeps_its_previous_spot_before_a_new_higher_ranked_one():
    g = grid(2.0)
    cands = [cand(g, "A", 0, 5, fte=2), cand(g, "B", 1, 1, fte=2)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    # A plain rank plan would put A first; the meeting's B stays, A starts after it.
    assert where(plan, g) == {"B": ("T0", "2026-W40"), "A": ("T0", "2026-W42")}
    assert the_moves(plan, cands) == []


def test_a_case_whose_spot_no_longer_fits_is_moved_with_the_shortage():
    g = grid(2.0, availability={("T0", START): 1.0})
    cands = [cand(g, "B", 0, 1, fte=2)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    [m] = the_moves(plan, cands)
    assert (m.from_team, str(m.from_week), m.to_team, str(m.to_week)) == (
        "T0", "2026-W40", "T0", "2026-W41")
    assert "2026-W40" in m.reason and "1 fte totaal te weinig vrij" in m.reason
    assert "→ T0 2026-W41" in m.describe()


def test_a_previous_start_before_the_plan_or_on_a_gone_team_is_a_move_with_a_reason():
    g = grid(2.0)
    cands = [cand(g, "Vroeg", 0, 3), cand(g, "Weg", 1, 2)]
    plan = stable_rank_plan(g, cands, previous=[prev("Vroeg", week=-2), prev("Weg", "Oud", 1)])
    got = {m.case_id: m for m in the_moves(plan, cands)}
    assert "vóór het begin van de planperiode" in got["Vroeg"].reason
    assert got["Weg"].from_team == "Oud" and "Team Oud staat niet meer" in got["Weg"].reason
    assert got["Weg"].to_team == "T0"


def test_a_kept_case_shifts_when_that_makes_room_for_more_priority():
    g = grid(2.0, horizon=4)
    # A can only start in the first week; B was there but may start later as well.
    cands = [cand(g, "A", 0, 5, fte=2, weeks=2, last=0), cand(g, "B", 1, 1, fte=2, weeks=1)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    assert where(plan, g) == {"A": ("T0", "2026-W40"), "B": ("T0", "2026-W42")}
    assert plan.keep_total == 1.0 and plan.state.total_priority({c.case_id: c for c in cands}) == 6
    [m] = the_moves(plan, cands)
    assert m.case_id == "B" and "zaak A" in m.reason and "(+5,0)" in m.reason


def test_a_kept_case_leaves_the_plan_only_for_a_higher_priority():
    g = grid(2.0, horizon=1)
    cands = [cand(g, "A", 0, 5, fte=2), cand(g, "B", 1, 1, fte=2)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    assert where(plan, g) == {"A": ("T0", "2026-W40")}
    [m] = the_moves(plan, cands)
    assert m.dropped and "niet meer ingepland" in m.describe()
    # the other way round it buys nothing: B stays, A stays out
    cands = [cand(g, "A", 0, 1, fte=2), cand(g, "B", 1, 5, fte=2)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    assert where(plan, g) == {"B": ("T0", "2026-W40")} and the_moves(plan, cands) == []


def test_a_priority_rule_case_is_not_pushed_out_by_one_without():
    g = grid(2.0, horizon=1)
    cands = [cand(g, "A", 0, 5, fte=2), cand(g, "Kind", 1, 0.5, fte=2, prio=True)]
    plan = stable_rank_plan(g, cands, previous=[prev("Kind")])
    assert where(plan, g) == {"Kind": ("T0", "2026-W40")}


def test_fixed_placements_come_first_and_are_not_moves():
    g = grid(2.0)
    cands = [cand(g, "C", 0, 5, fte=2), cand(g, "B", 1, 1, fte=2)]
    fixed = [FixedPlacement("C", "T0", START + 1)]
    plan = stable_rank_plan(g, cands, fixed, previous=[prev("C"), prev("B", week=4)])
    assert where(plan, g)["C"] == ("T0", "2026-W41") and "C" in plan.state.fixed
    assert "C" not in plan.spots
    assert where(plan, g)["B"] == ("T0", "2026-W44") and the_moves(plan, cands) == []


def test_restore_previous_puts_cases_back_without_changing_the_set():
    g = grid(2.0)
    cands = [cand(g, "A", 0, 5, fte=1), cand(g, "B", 1, 1, fte=1)]
    state = PlanState(g)
    state.place(cands[0], 0, 3)
    state.place(cands[1], 0, 0)
    spots = previous_spots(g, cands, [prev("A", week=0), prev("B", week=2)]).spots
    restore_previous(state, cands, spots)
    assert state.placed == {"A": (0, 0), "B": (0, 2)}


def test_keep_plan_reports_every_spot_it_could_not_honour():
    g = grid(1.0)
    cands = [cand(g, "A", 0, 5, fte=1, weeks=2), cand(g, "B", 1, 4, fte=1, weeks=2)]
    spots = previous_spots(g, cands, [prev("A"), prev("B", week=1)]).spots
    state, failed, unseated = keep_plan(g, cands, (), spots)
    assert failed == {} and list(unseated) == ["B"]
    assert state.placed["A"] == (0, 0) and state.placed["B"] == (0, 2)


def test_the_optimal_planner_leaves_the_previous_spots_alone_when_that_costs_nothing():
    cases = [Case(cid, cid, CaseStatus.NEW, criteria=dict.fromkeys(CRITERIA, 3), fte=1.0,
                  weeks=2, position=i) for i, cid in enumerate("AB")]
    capacity = CapacityData((Team("Oost", 4.0), Team("West", 4.0, position=1)))
    previous = [PreviousPlacement("A", "West", START + 2),
                PreviousPlacement("B", "Oost", START + 3)]
    plain = make_plan(cases, capacity, start=START, weeks=6, planner="optimal", time_limit=1,
                      workers=1)
    assert {a.start_week for a in plain.assignments} == {START}
    again = make_plan(cases, capacity, start=START, weeks=6, planner="optimal", time_limit=1,
                      workers=1, previous=previous)
    assert {(a.case_id, a.team, a.start_week) for a in again.assignments} == {
        ("A", "West", START + 2), ("B", "Oost", START + 3)}
    assert again.moved == () and again.replan and again.to_json()["moved"] == []


def test_a_new_priority_rule_case_goes_before_a_kept_case_and_the_move_says_so():
    g = grid(2.0)
    cands = [cand(g, "B", 0, 5, fte=2), cand(g, "Kind", 1, 1, fte=2, prio=True)]
    plan = stable_rank_plan(g, cands, previous=[prev("B")])
    assert where(plan, g) == {"Kind": ("T0", "2026-W40"), "B": ("T0", "2026-W42")}
    [m] = the_moves(plan, cands)
    assert m.case_id == "B" and "Zaak Kind valt onder de prioriteitsregel en gaat voor." in m.reason


def test_make_plan_takes_the_previous_plan_as_a_mapping_too():
    cases = [Case("A", "A", CaseStatus.NEW, criteria=dict.fromkeys(CRITERIA, 3), fte=1.0,
                  weeks=2)]
    capacity = CapacityData((Team("Oost", 4.0),))
    a = make_plan(cases, capacity, start=START, weeks=6, previous={"A": ("Oost", START + 2)})
    b = make_plan(cases, capacity, start=START, weeks=6,
                  previous=[PreviousPlacement("A", "Oost", START + 2)])
    assert a.to_json() == b.to_json() and a.assignments[0].start_week == START + 2
