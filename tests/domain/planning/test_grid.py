"""Capacity semantics: base, Beschikbaarheid, scenarios, running cases."""

from __future__ import annotations

import numpy as np
import pytest

from stuurploeg.domain.model import CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import CapacityDelta, Scenario, build_grid
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def _teams():
    return (
        Team("Noord", 10, 0.8, specialist_fte={Specialism.DIGITAL: 2.5}),
        Team("Zuid", 5, 1.0),
    )


def test_base_is_staffed_times_deployability_for_total_and_specialisms():
    grid = build_grid(CapacityData(_teams()), START, 4)
    assert np.allclose(grid.available[0, 0], 8.0)
    assert np.allclose(grid.available[0, 1], 2.0)  # digitaal 2.5 × 0.8
    assert np.allclose(grid.available[1, 0], 5.0)
    assert not grid.available[1, 1:].any()


def test_availability_overrides_total_only_and_only_inside_the_horizon():
    availability = {("Noord", START + 1): 3.0, ("Noord", START + 6): 1.0}
    grid = build_grid(CapacityData(_teams(), availability), START, 4, extra_weeks=4)
    assert grid.available[0, 0].tolist() == [8, 3, 8, 8, 8, 8, 8, 8]
    assert np.allclose(grid.available[0, 1], 2.0)  # specialists keep their base


def test_unknown_team_in_availability_is_warned():
    grid = build_grid(CapacityData(_teams(), {("West", START): 1.0}), START, 2)
    assert any("West" in w for w in grid.warnings)


def test_running_case_started_before_the_horizon_uses_only_its_remaining_weeks():
    running = Case("L1", "lopend", CaseStatus.RUNNING, fte=2.0, weeks=10, team="Zuid",
                   start_week=START - 7, specialist_fte={})
    grid = build_grid(CapacityData(_teams()), START, 6, running_cases=[running])
    # started 2026-W33, 10 weeks: W33..W42, so W40, W41, W42 of the horizon
    assert grid.running[1, 0].tolist() == [2, 2, 2, 0, 0, 0]


def test_running_cases_beyond_capacity_are_overbooked_and_leave_nothing():
    running = [
        Case(f"L{i}", "l", CaseStatus.RUNNING, fte=3.0, weeks=2, team="Zuid", start_week=START,
             specialist_fte={Specialism.DIGITAL: 0.5})
        for i in range(2)
    ]
    grid = build_grid(CapacityData(_teams()), START, 4, running_cases=running)
    kinds = {(o.team, str(o.week), o.kind): o.fte for o in grid.overbooked}
    assert kinds[("Zuid", "2026-W40", "totaal")] == pytest.approx(1.0)
    assert kinds[("Zuid", "2026-W41", "totaal")] == pytest.approx(1.0)
    assert kinds[("Zuid", "2026-W40", "digitaal")] == pytest.approx(1.0)
    assert grid.remaining()[1, 0, :2].tolist() == [0, 0]


def test_running_case_on_unknown_team_is_warned_not_dropped_silently():
    running = Case("L9", "l", CaseStatus.RUNNING, fte=1.0, weeks=2, team="Oost", start_week=START)
    grid = build_grid(CapacityData(_teams()), START, 2, running_cases=[running])
    assert any("L9" in w and "Oost" in w for w in grid.warnings)


def test_scenario_delta_adds_and_removes_capacity_in_its_weeks():
    scen = Scenario(
        "extra",
        (
            CapacityDelta("Zuid", START + 1, START + 2, 2.5),
            CapacityDelta("Noord", START + 2, None, -20.0),
            CapacityDelta("Noord", START, START, 1.0, kind="digitaal"),
        ),
    )
    grid = build_grid(CapacityData(_teams()), START, 4, scenario=scen)
    assert grid.available[1, 0].tolist() == [5, 7.5, 7.5, 5]
    assert grid.available[0, 0].tolist() == [8, 8, 0, 0]  # never below 0
    assert grid.available[0, 1].tolist() == [3, 2, 2, 2]


def test_horizon_across_week_53():
    grid = build_grid(CapacityData(_teams()), START, 26)
    weeks = [grid.week(i) for i in range(26)]
    assert IsoWeek(2026, 53) in weeks
    assert weeks[weeks.index(IsoWeek(2026, 53)) + 1] == IsoWeek(2027, 1)
    assert weeks[-1] == IsoWeek(2027, 12)


def test_team_names_match_case_insensitively_like_the_import():
    running = Case("L-1", "Lopend", CaseStatus.RUNNING, fte=3.0, weeks=10, team=" noord ",
                   start_week=START)
    scenario = Scenario("s", (CapacityDelta("ZUID", START, None, 1.0),))
    grid = build_grid(CapacityData(_teams(), {("NOORD", START + 1): 4.0}), START, 2,
                      running_cases=[running], scenario=scenario)
    assert np.allclose(grid.running[0, 0], 3.0)
    assert grid.available[0, 0].tolist() == [8, 4]
    assert np.allclose(grid.available[1, 0], 6.0)
    assert grid.warnings == []
    assert grid.team_index("zUID") == 1 and grid.team_index("West") is None
