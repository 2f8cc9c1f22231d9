"""What the bundle leaves out: named groups, each measured in packaging/README.md.

Used by ``stuurploeg.spec`` (at build time, inside PyInstaller) and by the unit tests in
``tests/packaging``; it imports nothing from PyInstaller. Every group leaves out only what
the app never loads on any of its paths (GUI, charts, import sandbox, planners, export);
``make package-test`` runs those paths in the built bundle.

A TOC entry is PyInstaller's ``(name in the bundle, source path, type)``; names use ``/``
on Linux and ``\\`` on Windows, so matching normalises them first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

# Never imported by the app; some are only in a developer's environment (the package venv
# holds none of them), the rest are stdlib or library parts for other uses.
DEV_MODULES = (
    "pytest", "_pytest", "pytestqt", "hypothesis", "scipy", "importlinter", "grimp",
    "IPython", "matplotlib", "PIL", "tkinter", "_tkinter", "setuptools", "pkg_resources",
    "distutils", "pip",
)
# PySide6 bindings the app and pyqtgraph never import (QtOpenGL, QtOpenGLWidgets, QtSvg
# and QtTest are imported by pyqtgraph and stay).
QT_MODULES = (
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickWidgets", "PySide6.QtSql", "PySide6.QtXml", "PySide6.QtPrintSupport",
    "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtDesigner", "PySide6.QtUiTools",
    "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtMultimedia",
)
# Pure-Python parts nothing on the app's paths imports: no network (ssl, an HTTP server,
# XML-RPC), no interactive use (readline, pydoc's topics, doctest), numpy's Fortran and
# build tools, pyqtgraph's examples, 3-D (needs PyOpenGL) and notebook support. (email
# stays: importlib.metadata, behind `stuurploeg --version`, parses metadata with it.)
UNUSED_MODULES = (
    "ssl", "_ssl", "http.server", "xmlrpc", "readline", "pydoc_data", "doctest",
    "lib2to3", "numpy.f2py", "numpy.distutils", "pyqtgraph.examples", "pyqtgraph.opengl",
    "pyqtgraph.jupyter", "pyqtgraph.flowchart", "pyqtgraph.console",
)
# Qt plugin folders the app never needs: desktop themes (the GTK one pulls in all of GTK on
# Linux), network plugins, embedded-Linux input and EGL devices.
QT_PLUGIN_FOLDERS_DROPPED = frozenset(
    {"platformthemes", "networkinformation", "tls", "generic", "egldeviceintegrations",
     "bearer"}
)
# Platforms the app runs on: Windows, X11 and Wayland desktops, offscreen (tests, CI).
QT_PLATFORMS_KEPT = frozenset({"qwindows", "qxcb", "qwayland", "qoffscreen", "qcocoa"})
# PNG is built into Qt; SVG (icons) and ICO (the Windows icon) are the only other formats.
QT_IMAGE_FORMATS_KEPT = frozenset({"qsvg", "qico"})
# Qt's own translations: Dutch (the app's language) and English (its source language).
QT_LANGUAGES_KEPT = frozenset({"nl", "en"})


@dataclass(frozen=True)
class Group:
    """One named exclusion: modules kept out of the analysis and/or files dropped after."""

    name: str
    what: str
    modules: Sequence[str] = ()
    drops: object = None  # callable(name: str) -> bool, or None
    strip: bool = False


def _parts(name: str) -> tuple[str, ...]:
    return PurePosixPath(name.replace("\\", "/")).parts


def _stem(file_name: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqxcb.so.6`` -> ``qxcb``."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin(name: str) -> tuple[str, str] | None:
    """``(folder, plugin)`` for a file under PySide6's ``plugins`` folder, else None."""
    parts = _parts(name)
    if not parts or parts[0] != "PySide6" or "plugins" not in parts:
        return None
    i = parts.index("plugins")
    if len(parts) < i + 3:
        return None
    return parts[i + 1], _stem(parts[-1])


def drops_qt_plugin(name: str) -> bool:
    plugin = qt_plugin(name)
    if plugin is None:
        return False
    folder, stem = plugin
    if folder in QT_PLUGIN_FOLDERS_DROPPED:
        return True
    if folder == "platforms":
        return stem not in QT_PLATFORMS_KEPT
    if folder == "imageformats":
        return stem not in QT_IMAGE_FORMATS_KEPT
    return False


def qm_language(file_name: str) -> str:
    """``qtbase_nl.qm`` -> ``nl``; ``qt_zh_CN.qm`` -> ``zh`` (the part before the country)."""
    parts = file_name.rsplit(".", 1)[0].split("_")
    if len(parts) >= 3 and parts[-1].isupper():
        return parts[-2]
    return parts[-1]


def drops_qt_translation(name: str) -> bool:
    """Qt's ``translations/*.qm`` in another language than Dutch or English."""
    parts = _parts(name)
    if len(parts) < 2 or parts[0] != "PySide6" or parts[-2] != "translations":
        return False
    return parts[-1].endswith(".qm") and qm_language(parts[-1]) not in QT_LANGUAGES_KEPT


GROUPS: tuple[Group, ...] = (
    Group("dev-modules", "development and benchmark packages (pytest, hypothesis, scipy, …)",
          modules=DEV_MODULES),
    Group("qt-modules", "PySide6 modules never imported (QtNetwork, QtDBus, QtQml, …)",
          modules=QT_MODULES),
    Group("qt-plugins", "Qt plugins never loaded (themes, network, other platforms and image "
          "formats)", drops=drops_qt_plugin),
    Group("qt-translations", "Qt's translations other than Dutch and English",
          drops=drops_qt_translation),
    Group("orphan-libraries", "shared libraries only a left-out plugin linked to (GTK for the "
          "theme plugin, QtNetwork and OpenSSL for the TLS plugins, …)"),
    Group("unused-python", "pure-Python modules never imported (ssl, xmlrpc, numpy.f2py, "
          "pyqtgraph examples/opengl, …)", modules=UNUSED_MODULES),
    Group("strip", "debug symbols stripped from the interpreter, its extension modules and "
          "system libraries (Linux; never from a wheel's libraries)", strip=True),
)
GROUP_NAMES = tuple(g.name for g in GROUPS)


def active_groups(environ: dict[str, str] | None = None) -> tuple[Group, ...]:
    """All groups, less those named in STUURPLOEG_PACKAGE_KEEP (comma-separated).

    ``packaging/measure.py`` builds with one group switched off at a time to measure what it
    saves; a release build switches none off.
    """
    environ = os.environ if environ is None else environ
    keep = {n.strip() for n in environ.get("STUURPLOEG_PACKAGE_KEEP", "").split(",") if n.strip()}
    unknown = keep - set(GROUP_NAMES) - {"all"}
    if unknown:
        raise ValueError(f"unknown exclusion groups {sorted(unknown)}; known: {GROUP_NAMES}")
    if "all" in keep:
        return ()
    return tuple(g for g in GROUPS if g.name not in keep)


def excluded_modules(groups: Iterable[Group]) -> list[str]:
    return [m for g in groups for m in g.modules]


def wants_strip(groups: Iterable[Group]) -> bool:
    return any(g.strip for g in groups)


def strippable(entry: Entry, wheel_dirs: Sequence[str]) -> bool:
    """A library built by an ordinary toolchain: the interpreter's and the system's.

    Libraries inside installed wheels are left alone: auditwheel/patchelf rewrote them and
    ``strip`` breaks some (numpy's OpenBLAS then fails with "ELF load command
    address/offset not page-aligned").
    """
    if entry[2] not in ("BINARY", "EXTENSION"):
        return False
    source = os.path.realpath(entry[1])
    return not any(source.startswith(os.path.join(os.path.realpath(d), "")) for d in wheel_dirs)


def strip_copies(entries: Sequence[Entry], wheel_dirs: Sequence[str], out_dir: str,
                 run: Callable[[list[str]], object]) -> tuple[list[Entry], int]:
    """Entries whose strippable binaries point at debug-stripped copies in ``out_dir``.

    ``run(argv)`` runs a command and raises on failure (``subprocess.run(check=True)``).
    Returns the new entries and how many were stripped.
    """
    result: list[Entry] = []
    count = 0
    for name, src, kind in entries:
        if strippable((name, src, kind), wheel_dirs):
            copy = os.path.join(out_dir, *_parts(name))
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            run(["strip", "--strip-debug", "-o", copy, src])
            result.append((name, copy, kind))
            count += 1
        else:
            result.append((name, src, kind))
    return result, count


def filter_entries(entries: Iterable[Entry], groups: Iterable[Group]) -> list[Entry]:
    """The TOC entries that no active group drops."""
    drops = [g.drops for g in groups if g.drops is not None]
    return [e for e in entries if not any(d(e[0]) for d in drops)]  # type: ignore[operator]


def dropped_entries(entries: Iterable[Entry], groups: Iterable[Group]) -> list[Entry]:
    entries = list(entries)
    kept = set(filter_entries(entries, groups))
    return [e for e in entries if e not in kept]


def _base(name: str) -> str:
    return _parts(name)[-1]


def orphaned(kept: Sequence[Entry], dropped: Sequence[Entry],
             imports_of: Callable[[str], Iterable[str]]) -> list[Entry]:
    """Libraries in ``kept`` that only ``dropped`` entries link to.

    PyInstaller collects each plugin's libraries with it; leaving the plugin out leaves them
    behind. A library goes too when a dropped entry links to it and no kept one does, and so
    on until nothing changes. A library nothing links to at all (loaded by name at run time,
    like a Qt plugin or a ctypes library) always stays. ``imports_of(source path)`` gives
    the file names a binary links to (PyInstaller's ``bindepend.get_imports`` in the spec).
    """
    links: dict[str, set[str]] = {}

    def linked(entry: Entry) -> set[str]:
        if entry[1] not in links:
            links[entry[1]] = {_base(n) for n in imports_of(entry[1])}
        return links[entry[1]]

    binaries = [e for e in kept if e[2] in ("BINARY", "EXTENSION")]
    gone = [e for e in dropped if e[2] in ("BINARY", "EXTENSION")]
    orphans: list[Entry] = []
    while True:
        needed = set().union(*(linked(e) for e in binaries)) if binaries else set()
        wanted_by_gone = set().union(*(linked(e) for e in gone)) if gone else set()
        new = [e for e in binaries if e[2] == "BINARY" and qt_plugin(e[0]) is None
               and _base(e[0]) in wanted_by_gone and _base(e[0]) not in needed]
        if not new:
            break
        orphans += new
        gone += new
        binaries = [e for e in binaries if e not in new]
    # A symlink to an orphan (Linux: libX.so.6 at the top pointing into PySide6/) goes too.
    names = {_base(e[0]) for e in orphans}
    orphans += [e for e in kept if e[2] == "SYMLINK" and _base(e[0]) in names]
    return orphans
