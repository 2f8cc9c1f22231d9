"""Scenarios and suggestions at unit scale: 300 candidates, 5 teams, 26 weeks.

Baseline in the same run: the rank-order base plan (``make_plan``), which the GUI already
makes on every change. Printed, each with its ratio to the baseline:
- a scenario plan (capacity change, a case forced in and one out) with the rank planner,
  and its comparison with the base;
- suggestions for one case that is not in the plan: building the context once per plan,
  then per selected case (mean and slowest over up to 40 unplanned cases) — what the GUI
  does on every selection, in a worker.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.instances import START, WEEKS, unit_instance
from benchmarks.timing import best_of
from stuurploeg.app.planning import make_plan
from stuurploeg.app.scenarios import compare_scenario, plan_scenario
from stuurploeg.app.suggestions import SuggestionContext
from stuurploeg.domain.planning import CaseAction, CaseChange, Scenario, capacity_change

N_CANDIDATES = 300



def main() -> None:
    cases, capacity = unit_instance(seed=11, n_candidates=N_CANDIDATES)
    base = make_plan(cases, capacity, start=START, weeks=WEEKS)
    print(f"{N_CANDIDATES} kandidaten, {len(capacity.teams)} teams, {WEEKS} weken; "
          f"{len(base.assignments)} ingepland, {len(base.unplanned)} niet")

    team = capacity.teams[0].team
    scenario = Scenario("bench", capacity_change(team, START + 4, None, 3.0),
                        (CaseChange(base.unplanned[0].case_id, CaseAction.IN),
                         CaseChange(base.assignments[0].case_id, CaseAction.OUT)))
    plan = plan_scenario(base, cases, capacity, scenario)
    baseline, t_plan, t_cmp, t_ctx = best_of(
        lambda: make_plan(cases, capacity, start=START, weeks=WEEKS),
        lambda: plan_scenario(base, cases, capacity, scenario),
        lambda: compare_scenario(base, plan, cases),
        lambda: SuggestionContext(base, cases, capacity),
    )
    print(f"baseline make_plan (rangorde): {baseline * 1000:.1f} ms")
    print(f"scenarioplan (rangorde): {t_plan * 1000:.1f} ms, ratio {t_plan / baseline:.2f}")
    print(f"vergelijking met de basis: {t_cmp * 1000:.2f} ms, ratio {t_cmp / baseline:.3f}")

    ctx = SuggestionContext(base, cases, capacity)
    per_case = []
    for u in base.unplanned[:40]:
        t0 = time.perf_counter()
        ctx.suggest(u.case_id)
        per_case.append(time.perf_counter() - t0)
    mean, worst = statistics.mean(per_case), max(per_case)
    print(f"suggesties: context {t_ctx * 1000:.1f} ms (ratio {t_ctx / baseline:.2f}); per zaak "
          f"gemiddeld {mean * 1000:.1f} ms (ratio {mean / baseline:.2f}), traagste "
          f"{worst * 1000:.1f} ms (ratio {worst / baseline:.2f}) over {len(per_case)} zaken")
