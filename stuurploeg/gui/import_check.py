"""A cheaper form of PySide6's check of every module imported after it.

PySide6 (its ``__feature__`` support) asks of each newly imported module whether it uses
PySide6, with ``inspect.getsource``: that reads and splits the module's source through
:mod:`linecache` (and keeps it there) and looks the module up among all loaded ones. For
numpy, the store and our own modules imported after Qt that was about a tenth of the
start-up (docs/performance.md). :func:`install` puts in a check with the same answer
(does the source file name ``PySide6``?) that reads the file's bytes instead. Where
PySide6 does not have the check in this form, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(module: ModuleType) -> bool:
    # inspect.getsource finds the source only of a module loaded from a .py file; for
    # any other (an extension, bytecode only, no file) PySide6's check answers False.
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def install() -> bool:
    """Use :func:`_uses_pyside` for PySide6's check; True when it was put in."""
    import PySide6.QtCore  # noqa: F401  # loads shibokensupport.feature

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
