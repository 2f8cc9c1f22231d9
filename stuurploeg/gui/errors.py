"""Turning an exception from a worker into what the user reads."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

log = logging.getLogger("stuurploeg")


def user_message(exc: BaseException) -> str:
    """Our own errors carry a Dutch message saying what and what to do: show it as it is.

    Anything else is unexpected: the traceback is already in the log (workers log it), so
    the user gets a Dutch sentence without internals.
    """
    if type(exc).__module__.startswith("stuurploeg."):
        return str(exc)
    return QCoreApplication.translate(
        "Errors",
        "Something unexpected went wrong (%1). Nothing has been changed. The details are in "
        "the log file; try again, and tell your administrator if it happens again.",
    ).replace("%1", type(exc).__name__)
