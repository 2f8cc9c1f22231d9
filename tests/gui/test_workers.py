"""The worker helper: results, errors, progress and cancel arrive on the GUI thread, and the
event loop keeps turning while a long job runs."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from PySide6.QtCore import QThread, QTimer

from stuurploeg.domain.progress import TaskState
from stuurploeg.gui.workers import start_job

pytestmark = pytest.mark.gui


def test_result_arrives_on_gui_thread(qtbot):
    threads = []
    job = start_job(lambda state: threading.get_ident())
    job.succeeded.connect(lambda _r: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != threading.get_ident()  # ran elsewhere
    assert threads == [QThread.currentThread()]  # reported here


def test_error_becomes_a_signal(qtbot):
    def boom(state: TaskState) -> None:
        raise ValueError("kapot")

    job = start_job(boom)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_progress_and_cancel(qtbot):
    started = threading.Event()

    def long(state: TaskState) -> int:
        for i in range(1000):
            state.report(i / 1000, f"stap {i}")
            started.set()
            state.check()
            time.sleep(0.005)
        return 1

    progress = []
    job = start_job(long, on_progress=lambda f, m: progress.append(f))
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=5000)
    with qtbot.waitSignals([job.cancelled, job.finished], timeout=5000):
        job.cancel()
    assert not job.running and job.done
    assert progress == sorted(progress)


def test_event_loop_keeps_turning_during_a_long_job(qtbot):
    """A 1.5 s job: the GUI thread keeps handling timer events at ~20 ms throughout."""

    def long_import(state: TaskState) -> str:
        end = time.perf_counter() + 1.5
        x = 0
        while time.perf_counter() < end:
            x += sum(range(2000))  # CPU work, as a parse is
            state.check()
        return "klaar"

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        job = start_job(long_import)
        with qtbot.waitSignal(job.succeeded, timeout=10_000):
            pass
    finally:
        timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 30
    assert max(gaps) < 0.1, f"GUI thread blocked for {max(gaps) * 1000:.0f} ms"
