"""The rank-order planner and its reasons, on hand-made cases."""

from __future__ import annotations

from stuurploeg.app.planning import make_plan
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import FixedPlacement
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def case(cid, score=5, fte=1.0, weeks=2, pos=0, **kw):
    crit = {c: score for c in CRITERIA}
    return Case(cid, cid, kw.pop("status", CaseStatus.NEW), criteria=crit, fte=fte, weeks=weeks,
                position=pos, **kw)


def plan(cases, teams, weeks=4, **kw):
    return make_plan(cases, CapacityData(tuple(teams), kw.pop("availability", {})),
                     start=START, weeks=weeks, **kw)


def spots(result):
    return {a.case_id: (a.team, str(a.start_week)) for a in result.assignments}


def test_cases_go_in_ranking_order_at_their_earliest_fit():
    cases = [case("A", 5, fte=2, pos=0), case("B", 4, fte=2, pos=1), case("C", 3, fte=1, pos=2)]
    r = plan(cases, [Team("T", 2.0)])
    # A takes W40-41, B W42-43: the team is full for every start week of C
    assert spots(r) == {"A": ("T", "2026-W40"), "B": ("T", "2026-W42")}
    reason = {u.case_id: u.reason for u in r.unplanned}["C"]
    assert "team T" in reason and "fte totaal tekort" in reason


def test_team_tie_break_most_free_fte_then_first_listed():
    teams = [Team("Eerst", 3.0), Team("Ruim", 4.0), Team("Ook", 4.0)]
    r = plan([case("A")], teams)
    assert spots(r)["A"] == ("Ruim", "2026-W40")
    r = plan([case("A")], [Team("X", 3.0), Team("Y", 3.0)])
    assert spots(r)["A"] == ("X", "2026-W40")


def test_named_team_is_the_only_team():
    r = plan([case("A", team="Klein")], [Team("Groot", 9.0), Team("Klein", 0.5)])
    assert r.assignments == ()
    assert "team Klein" in r.unplanned[0].reason and "Groot" not in r.unplanned[0].reason


def test_priority_rule_case_is_placed_first_even_with_a_lower_score():
    cases = [case("Hoog", 5, fte=2, pos=0), case("Kind", 1, fte=2, pos=1, ongoing=True, minors=2)]
    r = plan(cases, [Team("T", 2.0)], weeks=1)
    assert [e.case_id for e in r.ranking.entries] == ["Kind", "Hoog"]
    assert list(spots(r)) == ["Kind"]


def test_fixed_placement_first_and_a_fixed_that_does_not_fit_gets_a_reason():
    cases = [case("A", 5, fte=2, pos=0), case("B", 1, fte=2, pos=1), case("C", 1, fte=3, pos=2)]
    fixed = [FixedPlacement("B", "T", START), FixedPlacement("C", "T", START + 1)]
    r = plan(cases, [Team("T", 2.0)], weeks=4, fixed=fixed)
    assert spots(r)["B"] == ("T", "2026-W40")
    assert spots(r)["A"] == ("T", "2026-W42")
    assert next(a for a in r.assignments if a.case_id == "B").fixed
    reason = {u.case_id: u.reason for u in r.unplanned}["C"]
    assert reason.startswith("Vastgezet op team T vanaf 2026-W41")


def test_specialism_shortage_is_named():
    teams = [Team("T", 5.0, specialist_fte={Specialism.DIGITAL: 1.0})]
    cases = [
        case("A", 5, fte=1, pos=0, specialist_fte={Specialism.DIGITAL: 1.0}, weeks=4),
        case("B", 4, fte=1, pos=1, specialist_fte={Specialism.DIGITAL: 0.5}, weeks=2),
    ]
    r = plan(cases, teams, weeks=2)
    reason = {u.case_id: u.reason for u in r.unplanned}["B"]
    assert "digitaal" in reason and "0,5 fte" in reason and "team T" in reason


def test_no_team_has_the_specialism():
    cases = [case("A", specialist_fte={Specialism.FINANCIAL: 0.5})]
    r = plan(cases, [Team("T", 5.0), Team("U", 5.0)])
    assert "specialisme financieel" in r.unplanned[0].reason
    assert "geen team" in r.unplanned[0].reason


def test_latest_start_before_horizon_and_window():
    cases = [
        case("Oud", latest_start=START - 1, pos=0),
        case("Later", earliest_start=START + 2, pos=1),
        case("Te laat", earliest_start=START + 10, pos=2),
    ]
    r = plan(cases, [Team("T", 5.0)])
    reasons = {u.case_id: u.reason for u in r.unplanned}
    assert "uiterste start (2026-W39)" in reasons["Oud"]
    assert spots(r)["Later"] == ("T", "2026-W42")
    assert "vroegste start" in reasons["Te laat"]


def test_case_may_run_past_the_horizon_on_base_capacity():
    # availability dips only apply inside the horizon; a 6-week case starting in the last
    # horizon week runs on base capacity afterwards
    cases = [case("A", fte=3, weeks=6, earliest_start=START + 3)]
    availability = {("T", START + w): 3.0 for w in range(4)}
    r = plan(cases, [Team("T", 3.0)], availability=availability)
    assert spots(r)["A"] == ("T", "2026-W43")


def test_week_53_year():
    cases = [case("A", fte=2, weeks=3, earliest_start=IsoWeek(2026, 53))]
    r = plan(cases, [Team("T", 2.0)], weeks=26)
    assert spots(r)["A"] == ("T", "2026-W53")
    assert r.week_list[13] == IsoWeek(2026, 53) and r.week_list[14] == IsoWeek(2027, 1)
    ti = 0
    planned = r.planned[ti, 0]
    assert planned[13:16].tolist() == [2, 2, 2] and planned.sum() == 6


def test_running_case_from_before_the_horizon_blocks_its_team():
    running = Case("L", "l", CaseStatus.RUNNING, fte=2.0, weeks=4, team="T",
                   start_week=IsoWeek(2026, 38), position=9)
    r = plan([case("A", fte=1, weeks=1), running], [Team("T", 2.0)])
    # L runs W38..W41: A starts in W42
    assert spots(r)["A"] == ("T", "2026-W42")
    assert r.running[0, 0].tolist() == [2, 2, 0, 0]


def test_overbooked_week_gets_nothing_more():
    running = Case("L", "l", CaseStatus.RUNNING, fte=3.0, weeks=1, team="T", start_week=START)
    r = plan([case("A", fte=0.5, weeks=1), running], [Team("T", 2.0)], weeks=2)
    assert [(o.team, str(o.week), o.kind, o.fte) for o in r.overbooked] == [
        ("T", "2026-W40", "totaal", 1.0)
    ]
    assert spots(r)["A"] == ("T", "2026-W41")


def test_missing_fte_gets_a_reason():
    r = plan([Case("A", "a", CaseStatus.NEW, fte=None, weeks=3)], [Team("T", 2.0)])
    assert "fte of doorlooptijd ontbreekt" in r.unplanned[0].reason


def test_non_candidates_are_not_planned():
    done = Case("X", "x", CaseStatus.CLOSED, fte=1, weeks=1)
    r = plan([done, case("A")], [Team("T", 2.0)])
    assert [e.case_id for e in r.ranking.entries] == ["A"]


def test_hostile_numbers_end_in_reasons_not_crashes():
    nan, inf = float("nan"), float("inf")
    cases = [
        case("NaN", fte=nan),
        case("Inf", fte=1.0, specialist_fte={Specialism.DIGITAL: inf}, pos=1),
        case("Eeuwig", fte=1.0, weeks=10**9, pos=2),
        Case("L", "l", CaseStatus.RUNNING, fte=nan, weeks=3, team="T", start_week=START),
        Case("L2", "l", CaseStatus.RUNNING, fte=0.5, weeks=10**9, team="T",
             start_week=START - 1000),
        case("Gewoon", fte=1.0, pos=3),
    ]
    teams = [Team("T", 2.0), Team("Kapot", inf)]
    r = plan(cases, teams, availability={("T", START + 1): nan})
    reasons = {u.case_id: u.reason for u in r.unplanned}
    assert "geen geldig getal" in reasons["NaN"] and "geen geldig getal" in reasons["Inf"]
    assert "langer dan 520 weken" in reasons["Eeuwig"]
    assert spots(r)["Gewoon"] == ("T", "2026-W42")  # W41 has NaN availability: 0 fte
    assert any("L" in w for w in r.warnings) and any("Kapot" in w for w in r.warnings)


def test_compact_starts_cases_earlier_without_changing_the_set():
    from stuurploeg.domain.planning import build_grid, prepare_candidates
    from stuurploeg.domain.planning.greedy import compact
    from stuurploeg.domain.planning.state import PlanState
    from stuurploeg.domain.scoring import rank_cases

    cases = [case("A", 5, fte=1, weeks=2, pos=0), case("B", 4, fte=1, weeks=2, pos=1)]
    grid = build_grid(CapacityData((Team("T", 1.0),)), START, 6, extra_weeks=1)
    cands = prepare_candidates({c.case_id: c for c in cases}, rank_cases(cases), grid)
    state = PlanState(grid)
    state.place(cands[0], 0, 4)  # A late, B in the middle, a hole at the start
    state.place(cands[1], 0, 2)
    compact(state, cands)
    assert state.placed == {"A": (0, 0), "B": (0, 2)}


def test_named_team_without_the_specialism_says_it_does_not_have_it():
    cases = [case("A", team="T", specialist_fte={Specialism.FINANCIAL: 0.5})]
    r = plan(cases, [Team("T", 5.0), Team("U", 5.0, specialist_fte={Specialism.FINANCIAL: 1})])
    assert r.unplanned[0].reason == (
        "De zaak vraagt specialisme financieel, maar team T heeft dat niet."
    )


def test_each_set_of_teams_is_checked_for_the_specialism_on_its_own():
    """What a case's teams lack is kept per set of teams: the unit having the specialism
    does not let a case for a team without it through, nor the other way round."""
    fin = {Specialism.FINANCIAL: 0.5}
    cases = [case("Voor-T", pos=0, team="T", specialist_fte=fin),
             case("Vrij", pos=1, specialist_fte=fin),
             case("Voor-U", pos=2, team="U", specialist_fte=fin),
             case("Ook-voor-T", pos=3, team="t ", specialist_fte=fin)]  # fmt: skip
    r = plan(cases, [Team("T", 5.0), Team("U", 5.0, specialist_fte={Specialism.FINANCIAL: 1})])
    assert {a.case_id: a.team for a in r.assignments} == {"Vrij": "U", "Voor-U": "U"}
    reasons = {u.case_id: u.reason for u in r.unplanned}
    assert reasons == dict.fromkeys(
        ("Voor-T", "Ook-voor-T"),
        "De zaak vraagt specialisme financieel, maar team T heeft dat niet.",
    )
