"""The solver in a child process: the same outcome as in-process, progress and cancel over
the pipe, and a child that crashes or hangs costs the refinement, not the caller."""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stuurploeg.app.planning import make_plan
from stuurploeg.app.solvers import isolated
from stuurploeg.app.solvers.cpsat import solve_max_priority
from stuurploeg.app.solvers.isolated import SolverStopped, solve_isolated, solving_pids
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Team
from stuurploeg.domain.planning import (
    PlanState,
    build_grid,
    prepare_candidates,
    rank_plan,
    verify_plan,
)
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import rank_cases
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
WEEKS = 26
POSIX = os.name == "posix"
# Long enough that the search is still running when a test acts on its first message;
# a cancel or a kill ends it long before.
LONG = dict(time_limit=30, wall_limit=120)


def _unit(n: int = 60, seed: int = 5) -> tuple[list[Case], CapacityData]:
    rng = random.Random(seed)
    cases = [
        Case(f"Z{i}", "z", CaseStatus.NEW, position=i, fte=rng.choice((1, 1.5, 2, 3)),
             weeks=rng.randint(4, 16), criteria={c: rng.randint(1, 5) for c in CRITERIA})
        for i in range(n)
    ]
    return cases, CapacityData(tuple(Team(f"T{i}", 4.0 + i) for i in range(3)))


def _problem(n: int = 30):
    cases, cap = _unit(n)
    grid = build_grid(cap, START, WEEKS, extra_weeks=15)
    cands = prepare_candidates({c.case_id: c for c in cases}, rank_cases(cases), grid)
    rank_state, _ = rank_plan(grid, cands)
    return PlanState(grid), cands, dict(rank_state.placed)


def _spots(r):
    return [(a.case_id, a.team, a.start_week) for a in r.assignments]


def _gone(pid: int) -> bool:
    """The process has exited (a zombie nobody reaped counts as exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return "\nState:\tZ" in status


def _wait_gone(pid: int, patience: float = 30.0) -> bool:
    end = time.monotonic() + patience
    while time.monotonic() < end:
        if _gone(pid):
            return True
        time.sleep(0.05)
    return _gone(pid)


def _solver_children() -> list[mp.process.BaseProcess]:
    return [p for p in mp.active_children() if p.name == "stuurploeg-solver"]


class _OnSearch:
    """on_progress that does ``act(pid)`` once, at the first message from the search."""

    def __init__(self, act) -> None:
        self.act = act
        self.pids: list[int] = []
        self.messages: list[tuple[float, str]] = []

    def __call__(self, fraction: float, message: str) -> None:
        self.messages.append((fraction, message))
        if message.startswith("Zoeken") and not self.pids:
            self.pids = solving_pids()
            assert len(self.pids) == 1
            self.act(self.pids[0])


@pytest.fixture(autouse=True)
def no_stray_solver():
    yield
    # after every test: nothing solving, and no child but the one spare
    assert solving_pids() == []
    children = _solver_children()
    assert len(children) <= 1
    assert all(isolated._spare is not None and p is isolated._spare.process for p in children)


@pytest.mark.slow
def test_same_input_same_outcome_as_in_process():
    base, cands, hint = _problem()
    kwargs = dict(hint=hint, keep=set(hint), time_limit=1, wall_limit=60)
    here = solve_max_priority(base, cands, **kwargs)
    seen: list[str] = []
    there = [solve_isolated(base, cands, state=TaskState(lambda _f, m: seen.append(m)),
                            **kwargs) for _ in range(2)]
    for out in there:
        assert out.reproducible and here.reproducible
        assert out.placements == here.placements
        assert (out.objective, out.bound, out.status) == (here.objective, here.bound,
                                                          here.status)
    assert here.placements != hint  # the search did improve on the rank plan
    assert any(m.startswith("Zoeken") for m in seen)


@pytest.mark.slow
def test_make_plan_isolated_gives_the_plan_made_in_process(monkeypatch):
    cases, cap = _unit(30)
    kwargs = dict(start=START, weeks=WEEKS, planner="optimal", time_limit=1, wall_limit=60)
    there = make_plan(cases, cap, **kwargs)
    monkeypatch.setenv(isolated.ENV_IN_PROCESS, "1")
    here = make_plan(cases, cap, **kwargs)
    assert _spots(there) == _spots(here) and there.status == here.status
    assert there.total_priority == here.total_priority
    assert there.warnings == here.warnings == ()


@pytest.mark.slow
def test_progress_of_the_search_reaches_the_parent_in_order():
    cases, cap = _unit()
    seen: list[tuple[float, str]] = []
    make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal", time_limit=2,
              wall_limit=60, state=TaskState(lambda f, m: seen.append((f, m))))
    search = [m for _, m in seen if m.startswith("Zoeken")]
    assert len(search) >= 3 and any("beste tot nu" in m for m in search)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)


@pytest.mark.slow
def test_cancel_mid_search_returns_a_valid_plan_at_least_rank_order():
    cases, cap = _unit()
    rank = make_plan(cases, cap, start=START, weeks=WEEKS)
    on_search = _OnSearch(lambda _pid: state.cancel())
    state = TaskState(on_search)
    r = make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal", state=state, **LONG)
    assert r.cancelled and on_search.pids
    assert verify_plan(cases, cap, START, WEEKS, r.assignments) == []
    assert r.total_priority >= rank.total_priority - 1e-9
    assert not any("onverwacht" in w for w in r.warnings)
    assert _wait_gone(on_search.pids[0])


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="signals")
@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGKILL])
def test_a_child_that_dies_mid_search_leaves_the_rank_plan_and_a_warning(sig, caplog):
    caplog.set_level(logging.INFO, logger="stuurploeg")
    cases, cap = _unit()
    rank = make_plan(cases, cap, start=START, weeks=WEEKS)
    on_search = _OnSearch(lambda pid: os.kill(pid, sig))
    r = make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal",
                  state=TaskState(on_search), **LONG)
    assert r.status == "rangorde (oplosser onverwacht gestopt)" and not r.cancelled
    assert _spots(r) == _spots(rank) and r.total_priority == rank.total_priority
    assert verify_plan(cases, cap, START, WEEKS, r.assignments) == []
    assert r.gap is None
    assert [w for w in r.warnings if "oplosser" in w.lower()] == [
        f"De oplosser is onverwacht gestopt (code {-sig}). Het voorstel is de planning in "
        "rangorde; er is niets verloren gegaan. Plan opnieuw; gebeurt dit vaker, meld het dan "
        "met het logbestand."
    ]
    assert _gone(on_search.pids[0])
    # the log has the exit code and, for a crash, the child's Python stacks
    died = [r.getMessage() for r in caplog.records if r.name == isolated.__name__]
    assert len(died) == 1 and f"(exit code {-sig})" in died[0]
    if sig == signal.SIGSEGV:
        assert "Segmentation fault" in died[0] and "solve_max_priority" in died[0]
    assert any("solver stopped" in r.getMessage() for r in caplog.records)
    # and the next plan is made by a new child as if nothing happened
    again = make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal", time_limit=1,
                      wall_limit=60)
    assert again.status in ("optimaal", "toegestaan")


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="signals")
def test_a_hung_child_is_ended_after_the_grace():
    base, cands, hint = _problem()
    on_search = _OnSearch(lambda pid: os.kill(pid, signal.SIGSTOP))
    with pytest.raises(SolverStopped) as stopped:
        solve_isolated(base, cands, hint=hint, time_limit=30, wall_limit=1, grace=1,
                       state=TaskState(on_search))
    assert stopped.value.hung and stopped.value.exitcode == -signal.SIGKILL
    assert stopped.value.seconds >= 2  # the wall-clock limit and the grace, not less
    assert _gone(on_search.pids[0])


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="signals")
def test_make_plan_says_so_when_the_solver_hung(monkeypatch):
    monkeypatch.setattr(isolated, "GRACE_SECONDS", 1.0)
    cases, cap = _unit()
    on_search = _OnSearch(lambda pid: os.kill(pid, signal.SIGSTOP))
    r = make_plan(cases, cap, start=START, weeks=WEEKS, planner="fill", time_limit=30,
                  wall_limit=2, state=TaskState(on_search))
    assert r.status == "rangorde (oplosser onverwacht gestopt)"
    warning = next(w for w in r.warnings if "oplosser" in w.lower())
    assert "geen antwoord meer en is gestopt" in warning and "planning in rangorde" in warning
    assert _gone(on_search.pids[0])


@pytest.mark.slow
def test_an_error_in_on_progress_stops_the_search_and_reaches_the_caller():
    base, cands, hint = _problem()

    def fail(_pid: int) -> None:
        raise KeyError("kapot")

    on_search = _OnSearch(fail)
    with pytest.raises(KeyError, match="kapot"):
        solve_isolated(base, cands, hint=hint, state=TaskState(on_search), **LONG)
    assert _wait_gone(on_search.pids[0])


@pytest.mark.slow
def test_an_exception_in_the_child_is_raised_in_the_caller_with_its_traceback():
    base, cands, hint = _problem()
    with pytest.raises(TypeError, match="no_such_option") as raised:
        solve_isolated(base, cands, hint=hint, no_such_option=1)
    assert any("solve_max_priority" in note for note in raised.value.__notes__)


@pytest.mark.slow
def test_concurrent_solves_each_get_their_own_child():
    import threading

    base, cands, hint = _problem()
    kwargs = dict(hint=hint, time_limit=1, wall_limit=60)
    isolated.prewarm()
    outs: list[object] = []
    side_by_side: list[list[int]] = []
    # each solve's first message waits for the other's: both are solving at that moment
    meet = threading.Barrier(2, timeout=120)

    def run() -> None:
        first = [True]

        def on_progress(_f: float, _m: str) -> None:
            if first[0]:
                first[0] = False
                meet.wait()
                side_by_side.append(solving_pids())

        outs.append(solve_isolated(base, cands, state=TaskState(on_progress), **kwargs))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    here = solve_max_priority(base, cands, **kwargs)
    assert len(outs) == 2 and all(o.placements == here.placements for o in outs)
    assert [len(p) for p in side_by_side] == [2, 2]


@pytest.mark.slow
def test_in_process_when_asked(monkeypatch):
    base, cands, hint = _problem()
    seen: list[list[int]] = []
    state = TaskState(lambda _f, _m: seen.append(solving_pids()))
    monkeypatch.setenv(isolated.ENV_IN_PROCESS, "1")
    solve_isolated(base, cands, hint=hint, time_limit=1, wall_limit=60, state=state)
    assert seen and all(p == [] for p in seen)  # no child was solving


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="signals")
@pytest.mark.parametrize("how", ["exit", "SIGKILL"])
def test_no_solver_process_outlives_its_parent(how):
    code = (
        "import os, signal, sys\n"
        "from tests.app.test_solvers_isolated import _problem\n"
        "from stuurploeg.app.solvers import isolated\n"
        "base, cands, hint = _problem()\n"
        "isolated.solve_isolated(base, cands, hint=hint, time_limit=1, wall_limit=60)\n"
        "print(isolated._spare.process.pid, flush=True)\n"  # the next spare, waiting
        + ("sys.exit(0)\n" if how == "exit" else "os.kill(os.getpid(), signal.SIGKILL)\n")
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=root, timeout=120)
    assert done.returncode == (0 if how == "exit" else -signal.SIGKILL), done.stderr
    spare = int(done.stdout.split()[-1])
    assert _wait_gone(spare)


def test_shutdown_ends_the_spare():
    isolated.prewarm()
    spare = isolated._spare
    assert spare is not None and spare.process.is_alive()
    isolated.shutdown()
    assert not spare.process.is_alive() and _solver_children() == []
