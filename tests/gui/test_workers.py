"""The worker helper: results, errors, progress and cancel arrive on the GUI thread, and the
event loop keeps turning while a long job runs.

Nothing here measures time: responsiveness is shown by order — GUI-thread timer ticks that
happen while the job runs in its worker.
"""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer

from stuurploeg.domain.progress import TaskState
from stuurploeg.gui.workers import pool, shut_down, start_job
from tests.gui.fixtures import HANG_GUARD_MS

pytestmark = pytest.mark.gui


class Ticks:
    """Counts a zero-interval GUI timer: it fires whenever the event loop gets a turn."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1  # an int read by the worker: atomic under the GIL

    def __enter__(self) -> Ticks:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()


def test_result_arrives_on_gui_thread(qtbot):
    threads = []
    job = start_job(lambda state: threading.get_ident())
    job.succeeded.connect(lambda _r: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(job.succeeded, timeout=HANG_GUARD_MS) as blocker:
        pass
    assert blocker.args[0] != threading.get_ident()  # ran elsewhere
    assert threads == [QThread.currentThread()]  # reported here


def test_error_becomes_a_signal(qtbot):
    def boom(state: TaskState) -> None:
        raise ValueError("kapot")

    job = start_job(boom)
    with qtbot.waitSignal(job.failed, timeout=HANG_GUARD_MS) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_progress_and_cancel(qtbot):
    started = threading.Event()

    def long(state: TaskState) -> int:
        i = 0
        while True:  # ends only by the cancel (Cancelled from state.check())
            state.report(i / (i + 1), f"stap {i}")
            started.set()
            state.check()
            time.sleep(0.005)
            i += 1

    progress = []
    job = start_job(long, on_progress=lambda f, m: progress.append(f))
    assert started.wait(HANG_GUARD_MS / 1000)
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=HANG_GUARD_MS)
    with qtbot.waitSignals([job.cancelled, job.finished], timeout=HANG_GUARD_MS):
        job.cancel()
    assert not job.running and job.done
    assert progress == sorted(progress)


def test_a_job_whose_window_was_deleted_while_it_ran_ends_quietly(capfd):
    # The app quitting mid-plan deletes the window, and with it the job (its child): the
    # worker then has nobody to tell, which must not print a traceback (CI saw one).
    release, reported = threading.Event(), threading.Event()

    def waits(state: TaskState) -> str:
        assert release.wait(HANG_GUARD_MS / 1000)
        state.report(0.5, "halverwege")
        reported.set()
        return "klaar"

    window = QObject()
    start_job(waits, parent=window)
    shiboken6.delete(window)
    release.set()
    assert reported.wait(HANG_GUARD_MS / 1000)
    assert pool().waitForDone(HANG_GUARD_MS)
    assert "Traceback" not in capfd.readouterr().err


def test_shut_down_cancels_what_runs_and_waits_for_it(qtbot):
    started, seen = threading.Event(), []

    def until_cancelled(state: TaskState) -> None:
        started.set()
        while not state.cancelled:
            time.sleep(0.005)
        seen.append("cancelled")
        state.check()

    start_job(until_cancelled)
    assert started.wait(HANG_GUARD_MS / 1000)
    assert shut_down(HANG_GUARD_MS)
    assert seen == ["cancelled"]  # it ended before shut_down returned


def test_event_loop_keeps_turning_during_a_long_job(qtbot):
    """A CPU-bound job that only ends once the GUI thread has handled 20 timer events
    after it started: were the job on the GUI thread, or the GUI thread blocked, it would
    never end (the hang guard would fail the test)."""
    with Ticks() as ticks:

        def long_job(state: TaskState) -> tuple[int, int]:
            first = ticks.count
            x = 0
            while ticks.count < first + 20:
                x += sum(range(2000))  # CPU work, as a parse is
                state.check()
            return first, ticks.count

        job = start_job(long_job)
        with qtbot.waitSignal(job.succeeded, timeout=HANG_GUARD_MS) as blocker:
            pass
    first, last = blocker.args[0]
    assert last >= first + 20


@pytest.mark.slow
def test_event_loop_keeps_turning_during_a_real_import(qtbot, tmp_path):
    """check_file of a generated 5,000-row × 66-column case list, in a worker: the GUI
    thread keeps handling events while it runs (ticks between its start and its end)."""
    from openpyxl import Workbook

    from stuurploeg.app.importing import check_file

    path = tmp_path / "groot.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Zaken")
    extra = [f"Extra {j}" for j in range(60)]  # read, then dropped: a long parse, small result
    ws.append(
        ["Zaaknummer", "Onderzoeksnaam", "Status", "Ernst", "Benodigde fte", "Doorlooptijd", *extra]
    )
    for i in range(5_000):
        ws.append([f"MH-{i:05d}", f"Onderzoek {i}", "nieuw", 1 + i % 5, "1,5", 10 + i % 20, *extra])
    wb.save(path)

    with Ticks() as ticks:

        def read(state: TaskState) -> tuple[int, object, int]:
            first = ticks.count
            report = check_file(path, "cases", state=state)
            return first, report, ticks.count

        job = start_job(read)
        with qtbot.waitSignal(job.succeeded, timeout=HANG_GUARD_MS) as blocker:
            pass
    first, report, last = blocker.args[0]
    assert report.rows == 5_000
    assert last > first, "the GUI thread handled no event while the import ran"
