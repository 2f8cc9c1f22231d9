"""Run a plain long function off the GUI thread and hear about it through signals.

The function takes a :class:`~stuurploeg.domain.progress.TaskState` as its only argument
(bind the rest with a lambda or ``functools.partial``); progress, result, error and
cancellation come back to the GUI thread as queued signals. Mirrors Orange's
``run(data, state)`` and napari's ``create_worker``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from stuurploeg.domain.progress import Cancelled, TaskState

log = logging.getLogger("stuurploeg")
T = TypeVar("T")


# Jobs still running, so that Python does not collect one while its thread reports back.
_alive: set[Job] = set()


class Job(QObject):
    """One run of one function; lives in the GUI thread, the work runs in the pool.

    The worker thread only ever emits the private signals; they are queued to this
    object's slots, which emit the public ones on the GUI thread, so even a plain
    lambda connected to ``succeeded`` runs on the GUI thread.
    """

    _progress_from_worker = Signal(float, str)
    _done_from_worker = Signal(str, object)

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, fn: Callable[[TaskState], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.state = TaskState(on_progress=self._report)
        self.running = False
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._progress_from_worker.connect(self._relay_progress, queued)
        self._done_from_worker.connect(self._relay_done, queued)

    def _report(self, fraction: float, message: str) -> None:
        _tell(self._progress_from_worker, fraction, message)

    @Slot(float, str)
    def _relay_progress(self, fraction: float, message: str) -> None:
        if not self.done:
            self.progress.emit(fraction, message)

    @Slot(str, object)
    def _relay_done(self, kind: str, payload: object) -> None:
        self.running = False
        self.done = True
        _alive.discard(self)
        if kind == "result":
            self.succeeded.emit(payload)
        elif kind == "error":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()

    def cancel(self) -> None:
        self.state.cancel()

    def _run(self) -> None:
        # The function (and what its closure holds) is let go once it ran: a finished job
        # lives on as a child of its parent, and need not keep the data it worked on.
        fn, self._fn = self._fn, _ran
        try:
            result = fn(self.state)
        except Cancelled:
            _tell(self._done_from_worker, "cancelled", None)
        except Exception as exc:  # every failure goes to the GUI as a signal
            if type(exc).__module__.startswith("stuurploeg."):
                log.warning("Taak mislukt: %s", exc)  # an expected, explained refusal
            else:
                log.exception("Taak mislukt")
            _tell(self._done_from_worker, "error", exc)
        else:
            kind = "cancelled" if self.state.cancelled else "result"
            _tell(self._done_from_worker, kind, result)


def _ran(state: TaskState) -> None:
    raise RuntimeError("a job runs once")


def _tell(signal: object, *args: object) -> None:
    """Emit from the worker thread, unless the job is gone.

    A job is a child of the window that started it: when the window is deleted while the
    job still runs (the app quits mid-plan), its signals are gone with it and there is
    nobody left to tell, which is no error. :func:`shut_down` makes that the rare case.
    """
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        signal.emit(*args)  # type: ignore[attr-defined]


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job._run()


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def shut_down(timeout_ms: int = 10_000) -> bool:
    """Cancel every running job and wait for the pool; True when all of them ended.

    Called when the app quits, before the window (the jobs' parent) is deleted, so that
    no worker reports to a deleted object and no thread outlives the interpreter's Qt.
    """
    for job in list(_alive):
        job.cancel()
    return pool().waitForDone(timeout_ms)


def start_job(
    fn: Callable[[TaskState], T],
    *,
    on_result: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> Job:
    """Start ``fn(state)`` on the thread pool; callbacks run on the GUI thread."""
    job = Job(fn, parent)
    if on_result is not None:
        job.succeeded.connect(on_result)
    if on_error is not None:
        job.failed.connect(on_error)
    if on_progress is not None:
        job.progress.connect(on_progress)
    if on_cancelled is not None:
        job.cancelled.connect(on_cancelled)
    job.running = True
    _alive.add(job)
    pool().start(_Runnable(job))
    return job
