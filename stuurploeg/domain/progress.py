"""Progress and cancellation for long work, without Qt.

Long jobs (import, plan, export) are plain functions that take a ``TaskState``; the GUI
wraps them in a worker that forwards progress to a bar and sets ``cancel()`` from a button,
the CLI passes a silent one. Jobs call :meth:`TaskState.report` now and then and
:meth:`TaskState.check` at safe points.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the job; not an error."""


class TaskState:
    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def report(self, fraction: float, message: str = "") -> None:
        """Tell how far the job is (0..1) and what it does now (Dutch, for the user)."""
        if self._on_progress is not None:
            self._on_progress(min(max(fraction, 0.0), 1.0), message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled
