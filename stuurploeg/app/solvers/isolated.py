"""The CP-SAT search in a child process, so that a crash inside the solver costs the
proposal, not the session.

OR-Tools 9.15 segfaults now and then inside ``CpSolver.solve`` (upstream #5025, fixed on
main, no newer release on PyPI; docs/optimiser.md). In the GUI's process that takes the
window with it. :func:`solve_isolated` runs :func:`cpsat.solve_max_priority` in a child
instead and returns its :class:`SolveOutcome`: the problem and the outcome are plain
picklable data, and the same input gives the same outcome as in the caller's process (the
search is the same deterministic one). Progress comes back over a pipe to ``state.report``
(about 10 a second), a cancel goes the other way (the child's watcher then stops the
search and the child returns the best plan so far, as in-process). If the child dies (a
signal, an abort, end of the pipe) or does not answer within the wall-clock limit plus a
grace, :class:`SolverStopped` is raised with its exit code; ``make_plan`` then keeps the
rank-order plan and says so in a warning.

Start method, measured on the 2-core machine (docs/optimiser.md, a one-off run; the
in-process, warm and cold lines are repeated by ``isolation()`` in
benchmarks/bench_planning.py): the same 1 s solve took 0.56 s in-process (median of 5),
and on top of that
- *spawn per solve*: +0.63 s, a fresh interpreter importing numpy, OR-Tools and the
  domain (0.65 s CPU) before every search;
- *forkserver with cpsat preloaded*: +0.10 s, but the forkserver is one per process and
  shared with the import sandbox (``stuurploeg.io.sandbox``): its preload list only counts
  if set before the first reader starts, every reader child would then carry OR-Tools'
  240 MB of address space under its 1 GiB RLIMIT_AS, and Windows has no forkserver;
- *a pre-warmed spare* (chosen): +0.04 s. A spawned child that has already imported the
  solver waits for one job, solves it and exits (one process per solve: nothing from one
  solve reaches the next, nothing is written to disk). The next spare is started when a
  solve ends, not when its spare is taken: then its imports competed with the two CP-SAT
  workers on two cores and a 0.6 s solve took 1.3 s. Spawn works the same on Windows,
  macOS and in the frozen PyInstaller bundle (``multiprocessing.freeze_support()`` in
  ``stuurploeg.cli.main``). An idle spare holds about 105 MB of memory.
Concurrent solves (the GUI plans scenarios in parallel workers) each take a process of
their own: the spare when there is one, else a fresh one, which pays the imports; so does
the first solve of a session. That wait comes off the solve's wall-clock limit.

A Python exception in the child (a bug or bad input, not a crash) is re-raised in the
caller as it would be in-process, with the child's traceback as a note: the isolation is
for crashes the caller could not survive, not a change of what an error does; an error
that hid behind the rank-order plan would go unnoticed in the tests and the log.

Children are daemonic (multiprocessing ends them when the parent exits normally), and a
child whose parent vanishes sees the end of its job pipe and exits, so none outlives the
app. ``STUURPLOEG_SOLVER_IN_PROCESS=1`` (or ``in_process=True``) runs the search in the
caller's process, for benchmarks and profiling.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import logging
import multiprocessing as mp
import os
import pickle
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from stuurploeg.domain.planning import Candidate, PlanState
from stuurploeg.domain.progress import TaskState
from stuurploeg.io.sandbox import _START_LOCK, _without_main_module, stop_process

if TYPE_CHECKING:
    from stuurploeg.app.solvers.cpsat import SolveOutcome

ENV_IN_PROCESS = "STUURPLOEG_SOLVER_IN_PROCESS"
# Seconds past the wall-clock limit before a silent child is ended: CP-SAT overshoots a
# limit by a batch, and phase 2 and the outcome's pickling come after it.
GRACE_SECONDS = 10.0
# Seconds a child may take to import the solver before it starts the search (a cold one
# takes about a second; far more on a machine that is swapping).
START_TIMEOUT = 120.0
PROGRESS_INTERVAL = 0.1  # seconds between progress messages from the child
_POLL = 0.1  # seconds between the parent's looks at cancel
MIN_WALL = 0.5  # as cpsat.solve_max_priority's own minimum
log = logging.getLogger(__name__)


class SolverStopped(Exception):
    """The solver's child process ended without an outcome: it died (``exitcode`` < 0 is
    the signal, e.g. -11 a segmentation fault) or it hung and was ended (``hung``)."""

    def __init__(self, exitcode: int | None, *, hung: bool = False, seconds: float = 0.0) -> None:
        self.exitcode = exitcode
        self.hung = hung
        self.seconds = seconds  # how long the child was waited for
        what = f"gave no answer in {seconds:.1f} s and was ended" if hung else "died"
        super().__init__(f"solver child process {what} (exit code {exitcode})")


@dataclass
class _Child:
    process: mp.process.BaseProcess
    jobs: Connection  # parent -> child: the job, then "cancel"
    results: Connection  # child -> parent: "started", "progress", "ok", "error"
    # child -> parent, POSIX: faulthandler's text when the child crashes, for the log
    crash: Connection | None = None


_POOL_LOCK = threading.Lock()
_spare: _Child | None = None
_busy: dict[int, _Child] = {}  # pid -> child, while it solves (diagnostics, tests)


def solve_isolated(
    base: PlanState,
    candidates: Sequence[Candidate],
    *,
    state: TaskState | None = None,
    grace: float | None = None,
    in_process: bool | None = None,
    **kwargs: Any,
) -> SolveOutcome:
    """``cpsat.solve_max_priority(base, candidates, state=state, **kwargs)`` in a child
    process; raises :class:`SolverStopped` when the child dies, or does not answer within
    the wall-clock limit (``wall_limit``, else ``time_limit``) plus ``grace`` seconds
    (default :data:`GRACE_SECONDS`).

    ``in_process``: run in this process instead (default: when the environment variable
    ``STUURPLOEG_SOLVER_IN_PROCESS`` is set to anything but ``0``).
    """
    if in_process is None:
        in_process = os.environ.get(ENV_IN_PROCESS, "0") not in ("", "0")
    if in_process:
        from stuurploeg.app.solvers.cpsat import solve_max_priority

        return solve_max_priority(base, candidates, state=state, **kwargs)
    child = _take()
    try:
        return _drive(child, (base, candidates, kwargs), state,
                      GRACE_SECONDS if grace is None else grace)
    finally:
        with _POOL_LOCK:
            _busy.pop(child.process.pid or 0, None)
        _end(child)
        # The next spare only now: started when this one was taken, its imports took CPU
        # from the search on two cores (measured: a 0.6 s solve took 1.3 s).
        prewarm()


def prewarm() -> None:
    """Start the spare child now (else the first solve starts it and pays its imports)."""
    global _spare
    with _POOL_LOCK:
        if _spare is None or not _spare.process.is_alive():
            if _spare is not None:
                _end(_spare)
            _spare = _start()


def solving_pids() -> list[int]:
    """Process ids of the children solving right now (for diagnostics and tests)."""
    with _POOL_LOCK:
        return sorted(_busy)


def shutdown() -> None:
    """End the spare child (the busy ones end with their solve). Also run at exit."""
    global _spare
    with _POOL_LOCK:
        spare, _spare = _spare, None
    if spare is not None:
        _end(spare, patience=0.5)  # one still importing is not waited for


atexit.register(shutdown)


def _take() -> _Child:
    """The spare, or a new child when there is none (another solve took it)."""
    global _spare
    with _POOL_LOCK:
        child, _spare = _spare, None
        if child is not None and not child.process.is_alive():
            _end(child)
            child = None
        if child is None:
            child = _start()
        _busy[child.process.pid or 0] = child
    return child


def _start() -> _Child:
    ctx = mp.get_context("spawn")
    job_out, job_in = ctx.Pipe(duplex=False)  # (receiving end, sending end)
    result_out, result_in = ctx.Pipe(duplex=False)
    # faulthandler writes to a file descriptor; a pipe's handle on Windows is none
    crash_out, crash_in = ctx.Pipe(duplex=False) if os.name == "posix" else (None, None)
    process = ctx.Process(target=_serve, args=(job_out, result_in, crash_in), daemon=True,
                          name="stuurploeg-solver")
    with _START_LOCK, _without_main_module():
        process.start()
    for end in (job_out, result_in, crash_in):
        if end is not None:
            end.close()
    return _Child(process, job_in, result_out, crash_out)


def _end(child: _Child, patience: float = 2.0) -> None:
    child.jobs.close()  # the child sees the end of its pipe and exits
    child.results.close()
    if child.crash is not None:
        child.crash.close()
    stop_process(child.process, patience)


def _drive(child: _Child, job: tuple[Any, ...], state: TaskState | None,
           grace: float) -> SolveOutcome:
    process = child.process
    t0 = time.monotonic()
    try:
        child.jobs.send((*job, time.monotonic(), state is not None))
    except (BrokenPipeError, EOFError, OSError):
        process.join(2)
        log.info("solver child %s was gone before its job (exit code %s)",
                 process.pid, process.exitcode)
        raise SolverStopped(process.exitcode) from None
    deadline = t0 + START_TIMEOUT  # until the child says it started the search
    cancel_sent = False
    while True:
        now = time.monotonic()
        if state is not None and state.cancelled and not cancel_sent:
            cancel_sent = True
            deadline = min(deadline, now + grace)
            with contextlib.suppress(OSError):  # it died: the sentinel below says so
                child.jobs.send("cancel")
        if now >= deadline:
            # SIGKILL: it had its grace, and a stopped process does not act on SIGTERM
            process.kill()
            process.join(2)
            log.info("solver child %s gave no answer in %.1f s; ended (exit code %s)",
                     process.pid, now - t0, process.exitcode)
            raise SolverStopped(process.exitcode, hung=True, seconds=now - t0)
        ready = wait([child.results, process.sentinel], timeout=min(deadline - now, _POLL))
        if child.results in ready:
            try:
                message = child.results.recv()
            except (EOFError, OSError):
                raise _died(child) from None
            tag = message[0]
            if tag == "progress":
                if state is not None:
                    state.report(message[1], message[2])  # an exception here ends the child
            elif tag == "started":
                deadline = min(time.monotonic() + message[1] + grace,
                               deadline if cancel_sent else float("inf"))
            elif tag == "ok":
                return message[1]
            else:  # "error": a Python exception in the child, raised here as it was there
                summary, text = message[2], message[3]
                log.info("solver child %s raised %s:\n%s", process.pid, summary, text)
                error = _unpickle(message[1]) or RuntimeError(summary)
                error.add_note("In the solver's child process:\n" + text)
                raise error
        elif process.sentinel in ready and not child.results.poll():
            raise _died(child)


def _unpickle(data: bytes) -> BaseException | None:
    try:
        error = pickle.loads(data) if data else None
    except Exception:  # e.g. an exception class whose __init__ wants other arguments
        return None
    return error if isinstance(error, BaseException) else None


def _died(child: _Child) -> SolverStopped:
    process = child.process
    process.join(2)
    log.info("solver child %s died (exit code %s)%s", process.pid, process.exitcode,
             _crash_text(child))
    return SolverStopped(process.exitcode)


def _crash_text(child: _Child) -> str:
    """What faulthandler wrote as the child crashed (its threads' Python stacks)."""
    if child.crash is None or child.process.exitcode is None:  # alive: a read would wait
        return ""
    chunks = []
    with contextlib.suppress(OSError):
        while chunk := os.read(child.crash.fileno(), 65536):  # EOF: the child is gone
            chunks.append(chunk)
    text = b"".join(chunks).decode("utf-8", "replace").strip()
    return f":\n{text[-8000:]}" if text else ""


# == in the child ============================================================================
def _serve(jobs: Connection, results: Connection, crash: Connection | None = None) -> None:
    """Import the solver, wait for one job, solve it, send the outcome, exit."""
    # A crash leaves its threads' Python stacks for the parent's log (``crash`` must stay
    # open while faulthandler writes to it: it does, this frame lives until the exit).
    if crash is not None:
        faulthandler.enable(file=crash.fileno(), all_threads=True)
    elif sys.stderr is not None:  # a windowed bundle has no stderr
        with contextlib.suppress(Exception):
            faulthandler.enable()
    from stuurploeg.app.solvers.cpsat import MIN_SECONDS, solve_max_priority

    try:
        base, candidates, kwargs, sent, with_state = jobs.recv()
    except (EOFError, OSError):
        os._exit(0)  # not wanted any more (the parent ended, or ended the spare)
    # With no state in the caller, none here either (no watcher, as in-process); the
    # listener still ends the child when the parent goes.
    state = TaskState(_Sender(results)) if with_state else None
    threading.Thread(target=_listen, args=(jobs, state), daemon=True).start()
    # Time spent waiting for this child's imports comes off the wall-clock limit, so the
    # call stays as honest as in-process.
    waited = max(time.monotonic() - sent, 0.0)
    wall = kwargs.get("wall_limit")
    if wall is None:
        wall = max(float(kwargs.get("time_limit", 30.0)), MIN_SECONDS)
    wall = max(float(wall) - waited, MIN_WALL)
    if waited > 0.05:
        kwargs = {**kwargs, "wall_limit": wall}
    try:
        results.send(("started", wall))
        outcome = solve_max_priority(base, candidates, state=state, **kwargs)
    except BaseException as exc:  # the parent decides what it means
        summary = f"{type(exc).__name__}: {exc}"[:500]
        text = traceback.format_exc()[-4000:]
        try:
            pickled = pickle.dumps(exc)
        except BaseException:  # the exception does not pickle: its text will do
            pickled = b""
        try:
            results.send(("error", pickled, summary, text))
        except BaseException:
            os._exit(3)
    else:
        results.send(("ok", outcome))
    results.close()
    sys.stdout.flush()
    sys.stderr.flush()
    # No interpreter teardown: it costs time the caller waits for, and it is where a
    # native library's destructors run.
    os._exit(0)


class _Sender:
    """The child's ``on_progress``: passes progress to the parent, at most ~10 a second."""

    def __init__(self, results: Connection) -> None:
        self.results = results
        self.last = -1.0

    def __call__(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_INTERVAL or fraction >= 1.0:
            self.last = now
            self.results.send(("progress", fraction, message))


def _listen(jobs: Connection, state: TaskState | None) -> None:
    """In the child: a cancel from the parent; the end of the pipe means the parent is
    gone (or gave up on this child), so the child goes too."""
    while True:
        try:
            message = jobs.recv()
        except (EOFError, OSError):
            os._exit(0)
        if message == "cancel" and state is not None:
            state.cancel()
