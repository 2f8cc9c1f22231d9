"""What the bundle leaves out: only what the app never loads, on Linux and Windows names."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


@pytest.mark.parametrize("name, expected", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", ("platforms", "qxcb")),
    ("PySide6\\plugins\\platforms\\qwindows.dll", ("platforms", "qwindows")),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", ("imageformats", "qjpeg")),
    ("PySide6/Qt/lib/libQt6Gui.so.6", None),
    ("numpy/plugins/x/y.so", None),
])
def test_qt_plugin_names(trim, name, expected):
    assert trim.qt_plugin(name) == expected


@pytest.mark.parametrize("name, dropped", [
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),
    ("PySide6\\plugins\\imageformats\\qico.dll", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
])
def test_qt_plugins_dropped_and_kept(trim, name, dropped):
    assert trim.drops_qt_plugin(name) is dropped


@pytest.mark.parametrize("name, dropped", [
    ("PySide6/Qt/translations/qtbase_nl.qm", False),
    ("PySide6/Qt/translations/qt_en.qm", False),
    ("PySide6\\translations\\qtbase_nl.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6\\translations\\qt_fr.qm", True),
    ("PySide6/Qt/translations/qt_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_help_pt_BR.qm", True),
    ("PySide6/Qt/translations/qt_help_nl.qm", False),
    # Our own translation is not Qt's, whatever its language.
    ("resources/translations/stuurploeg_nl.qm", False),
    ("resources/translations/stuurploeg_de.qm", False),
])
def test_qt_translations_dropped_and_kept(trim, name, dropped):
    assert trim.drops_qt_translation(name) is dropped


def test_filter_entries_applies_the_active_groups_only(trim):
    entries = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_nl.qm", "/x/qtbase_nl.qm", "DATA"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x/libqvnc.so", "BINARY"),
    ]
    everything = trim.active_groups({})
    assert trim.filter_entries(entries, everything) == [entries[1]]
    assert trim.dropped_entries(entries, everything) == [entries[0], entries[2]]
    keep_plugins = trim.active_groups({"STUURPLOEG_PACKAGE_KEEP": "qt-plugins"})
    assert trim.filter_entries(entries, keep_plugins) == entries[1:]


def test_active_groups_from_the_environment(trim):
    assert [g.name for g in trim.active_groups({})] == list(trim.GROUP_NAMES)
    assert trim.active_groups({"STUURPLOEG_PACKAGE_KEEP": "all"}) == ()
    fewer = trim.active_groups({"STUURPLOEG_PACKAGE_KEEP": " strip, qt-modules "})
    assert {g.name for g in fewer} == set(trim.GROUP_NAMES) - {"strip", "qt-modules"}
    with pytest.raises(ValueError, match="unknown exclusion groups"):
        trim.active_groups({"STUURPLOEG_PACKAGE_KEEP": "qt-plugin"})


def test_dev_and_benchmark_packages_are_excluded(trim):
    modules = set(trim.excluded_modules(trim.active_groups({})))
    assert {"pytest", "hypothesis", "scipy", "PySide6.QtNetwork"} <= modules
    # importlib.metadata (stuurploeg --version) parses metadata with email.
    assert "email" not in modules


def test_orphaned_libraries_follow_the_plugins_that_pulled_them_in(trim):
    links = {
        "/s/libqgtk3.so": {"libgtk-3.so.0", "libcairo.so.2", "libQt6Gui.so.6"},
        "/s/libqxcb.so": {"libQt6Gui.so.6", "libX11.so.6"},
        "/s/libcairo.so.2": {"libpixman-1.so.0"},
        "/s/libQt6Gui.so.6": {"libQt6Core.so.6"},
        "/s/QtGui.abi3.so": {"libQt6Gui.so.6"},
    }
    kept = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("libX11.so.6", "/s/libX11.so.6", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/s/libpixman-1.so.0", "BINARY"),
        ("libuuid.so.1", "/s/libuuid.so.1", "BINARY"),  # loaded by name (ctypes): stays
        ("libcairo.so", "libcairo.so.2", "SYMLINK"),
    ]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY")]
    orphans = trim.orphaned(kept, dropped, lambda src: links.get(src, set()))
    assert {e[0] for e in orphans} == {"libcairo.so.2", "libpixman-1.so.0"}


def test_orphaned_never_takes_a_library_a_kept_one_links_to(trim):
    links = {"/s/a.so": {"libshared.so"}, "/s/gone.so": {"libshared.so"}}
    kept = [("PySide6/QtA.abi3.so", "/s/a.so", "EXTENSION"),
            ("libshared.so", "/s/libshared.so", "BINARY")]
    dropped = [("PySide6/Qt/plugins/tls/gone.so", "/s/gone.so", "BINARY")]
    assert trim.orphaned(kept, dropped, lambda src: links.get(src, set())) == []


def test_strip_only_outside_the_wheels(trim, tmp_path):
    site = tmp_path / "site-packages"
    (site / "numpy.libs").mkdir(parents=True)
    wheel_lib = site / "numpy.libs" / "libopenblas.so"
    system_lib = tmp_path / "usr" / "lib" / "libpython3.11.so.1.0"
    system_lib.parent.mkdir(parents=True)
    for f in (wheel_lib, system_lib):
        f.write_bytes(b"\x7fELF")
    entries = [
        ("numpy.libs/libopenblas.so", str(wheel_lib), "BINARY"),
        ("libpython3.11.so.1.0", str(system_lib), "BINARY"),
        ("resources/x.qm", str(system_lib), "DATA"),
    ]
    calls = []
    out, count = trim.strip_copies(entries, [str(site)], str(tmp_path / "out"), calls.append)
    assert count == 1
    assert out[0] == entries[0] and out[2] == entries[2]
    assert out[1] == ("libpython3.11.so.1.0", str(tmp_path / "out" / "libpython3.11.so.1.0"),
                      "BINARY")
    assert calls == [["strip", "--strip-debug", "-o", out[1][1], str(system_lib)]]


@pytest.mark.slow
@pytest.mark.gui
def test_nothing_left_out_is_imported_on_the_apps_paths(trim):
    # The app's own modules, the GUI with its charts, the readers, the planners and the
    # version lookup, imported in a fresh interpreter: none of the left-out modules load.
    groups = trim.active_groups({})
    left_out = [m for m in trim.excluded_modules(groups) if m not in trim.DEV_MODULES]
    code = textwrap.dedent(f"""
        import sys, importlib
        import stuurploeg
        stuurploeg.version()
        import pkgutil
        ours = [m.name for m in pkgutil.walk_packages(stuurploeg.__path__, "stuurploeg.")
                if not m.name.endswith("__main__")]
        for name in [*ours, "openpyxl", "python_calamine", "pandas",
                     "ortools.sat.python.cp_model"]:
            importlib.import_module(name)
        left_out = {left_out!r}
        print(sorted(m for m in left_out if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=180, check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                                        **__import__("os").environ})
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
