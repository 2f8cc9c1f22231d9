"""Run a reader job in a child process with a memory limit and a timeout.

A native reader (calamine is Rust) aborts the whole process when an allocation fails,
and a hostile file could make it try. So every read of a user's file runs in a child
process (``forkserver`` on POSIX, ``spawn`` elsewhere: never plain ``fork`` of a process
that may run Qt threads), with ``RLIMIT_AS`` capping its address space. Results come
back as plain picklable data; progress messages come back on the same pipe. The parent
can cancel (via :class:`TaskState`) or time out, and then ends the child.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from stuurploeg.domain.progress import Cancelled, TaskState
from stuurploeg.io.report import ReadRefused

MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024  # address space of the reader process
TIMEOUT_SECONDS = 60.0
_PRELOAD = ["stuurploeg.io.excel_in"]
_START_LOCK = threading.Lock()
log = logging.getLogger(__name__)


def _context() -> mp.context.BaseContext:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


@contextlib.contextmanager
def _without_main_module() -> Iterator[None]:
    """Start the child without re-running the parent's ``__main__`` in it.

    multiprocessing would import the parent's main script in the child (the whole GUI,
    or fail outright for ``python -c``/stdin). The reader needs none of it, so the main
    module is hidden behind an empty one while the child's start-up data is taken.
    """
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the timeout still applies
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(conn: Connection, job: Callable[..., Any], args: tuple[Any, ...],
           memory_limit: int, with_progress: bool) -> None:
    try:
        _limit_memory(memory_limit)
        if with_progress:
            last = [0.0]

            def progress(fraction: float, message: str) -> None:
                now = time.monotonic()
                if now - last[0] > 0.1 or fraction >= 1.0:
                    last[0] = now
                    conn.send(("progress", fraction, message))

            result = job(*args, progress)
        else:
            result = job(*args)
        conn.send(("ok", result))
    except ReadRefused as exc:
        conn.send(("refused", str(exc)))
    except MemoryError:
        conn.send(("memory", ""))
    except BaseException as exc:  # the child reports anything, the parent decides
        try:
            conn.send(("crash", f"{type(exc).__name__}: {exc}"[:500],
                       traceback.format_exc()[-4000:]))
        except BaseException:
            os._exit(3)
    finally:
        conn.close()


def run_isolated(job: Callable[..., Any], args: tuple[Any, ...], *, file_name: str,
                 state: TaskState | None = None, with_progress: bool = False,
                 memory_limit: int = MEMORY_LIMIT_BYTES,
                 timeout: float = TIMEOUT_SECONDS) -> Any:
    """``job(*args[, progress])`` in a child; raises ReadRefused with a Dutch message.

    ``job`` must be a module-level function (it is pickled by reference). Cancelling the
    ``state`` ends the child and raises :class:`Cancelled`.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, job, args, memory_limit, with_progress),
                          daemon=True, name="stuurploeg-reader")
    with _START_LOCK, _without_main_module():
        process.start()
    sender.close()
    deadline = time.monotonic() + timeout
    try:
        while True:
            if state is not None and state.cancelled:
                raise Cancelled
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ReadRefused(
                    f"Het lezen van '{file_name}' duurde langer dan {timeout:.0f} seconden en is "
                    "afgebroken. Het bestand is ongewoon groot of ingewikkeld; sla alleen het "
                    "benodigde blad op in een nieuwe werkmap en probeer het opnieuw."
                )
            ready = wait([receiver, process.sentinel], timeout=min(remaining, 0.1))
            if receiver in ready:
                try:
                    message = receiver.recv()
                except (EOFError, OSError):
                    raise ReadRefused(_died(file_name, process, memory_limit)) from None
                tag = message[0]
                if tag == "progress":
                    if state is not None:
                        state.report(message[1], message[2])
                    continue
                if tag == "ok":
                    return message[1]
                if tag == "refused":
                    raise ReadRefused(message[1])
                if tag == "memory":
                    raise ReadRefused(_too_much_memory(file_name, memory_limit))
                # Kept for the app's log (INFO: never printed by logging's fallback handler).
                log.info("reader crashed on %s:\n%s", file_name, message[2])
                raise ReadRefused(
                    f"'{file_name}' kon niet worden gelezen door een onverwachte fout in de "
                    f"lezer ({message[1]}). Sla het bestand opnieuw op in Excel en probeer het nog "
                    "eens; blijft het misgaan, meld dit dan met het bestand (zonder "
                    "persoonsgegevens)."
                )
            elif process.sentinel in ready and not receiver.poll():
                process.join(1)
                raise ReadRefused(_died(file_name, process, memory_limit))
    finally:
        receiver.close()
        stop_process(process)


def stop_process(process: mp.process.BaseProcess, patience: float = 0.0) -> None:
    """Wait ``patience`` seconds for ``process`` to end, then terminate it, then kill it
    (a stopped process ignores SIGTERM)."""
    if patience > 0:
        process.join(patience)
    if process.is_alive():
        process.terminate()
        process.join(2)
        if process.is_alive():
            process.kill()
    process.join(2)


def _too_much_memory(file_name: str, limit: int) -> str:
    return (f"'{file_name}' vraagt bij het lezen meer dan {limit // 2**20} MB geheugen en is uit "
            "voorzorg niet verder gelezen. Het bestand is ongewoon groot of kwaadaardig gemaakt; "
            "controleer of dit de juiste werkmap is.")


def _died(file_name: str, process: mp.process.BaseProcess, limit: int) -> str:
    return (f"Het leesproces voor '{file_name}' is onverwacht gestopt (leesproces gestopt, code "
            f"{process.exitcode}), waarschijnlijk omdat het bestand meer dan {limit // 2**20} MB "
            "geheugen vroeg. Het bestand is niet gelezen; controleer of dit de juiste werkmap is "
            "en sla het zo nodig opnieuw op in Excel.")
