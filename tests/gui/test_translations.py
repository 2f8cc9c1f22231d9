"""Every visible string has a Dutch translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from stuurploeg.gui.paths import resources_dir

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / "stuurploeg_nl.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed")
    return found


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """What lupdate finds in the code right now, merged into a copy of the shipped .ts."""
    copy = tmp_path_factory.mktemp("ts") / "nl.ts"
    shutil.copy(TS, copy)
    gui = str(ROOT / "stuurploeg" / "gui")
    subprocess.run(
        [_tool("pyside6-lupdate"), "-extensions", "py", "-recursive", gui,
         "-ts", str(copy), "-locations", "none", "-target-language", "nl_NL"],
        check=True, capture_output=True,
    )  # fmt: skip
    return copy


def test_every_string_in_the_code_has_a_dutch_translation(fresh_ts):
    untranslated = [
        (ctx, src)
        for ctx, src, tr in _messages(fresh_ts)
        if tr is not None
        and tr.get("type") not in ("vanished", "obsolete")
        and (tr.get("type") == "unfinished" or not ((tr.text or "").strip() or len(tr)))
    ]
    assert not untranslated, f"no Dutch translation (run `make translations`): {untranslated}"


def test_shipped_ts_has_no_stale_entries(fresh_ts):
    stale = [
        (c, s) for c, s, tr in _messages(fresh_ts) if tr.get("type") in ("vanished", "obsolete")
    ]
    assert not stale, f"strings no longer in the code (run `make translations`): {stale}"


def test_compiled_qm_is_up_to_date(tmp_path):
    out = tmp_path / "nl.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == QM.read_bytes(), "stuurploeg_nl.qm is stale: run `make translations`"


def test_translation_is_loaded_at_start(stuurploeg_app):
    assert QCoreApplication.translate("FileActions", "&File") == "&Bestand"
    assert QCoreApplication.translate("Labels", "Severity") == "Ernst"


def test_visible_texts_of_the_main_window_are_dutch(main_window):
    """No English source text reaches the screen: menus, actions, docks, headers."""
    english = {src for _, src, _ in _messages(TS)}
    dutch = {(tr.text or "") for _, _, tr in _messages(TS)}
    english -= dutch  # words that are the same in both languages are fine
    seen = [main_window.windowTitle()]
    for action in main_window.findChildren(type(main_window.files.open)):
        seen.append(action.text())
    seen += [d.windowTitle() for d in main_window.docks.values()]
    model = main_window.ranking_view.model
    from PySide6.QtCore import Qt

    seen += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    seen += [main_window.ranking_view.search.placeholderText()]
    leaked = [t for t in seen if t in english]
    assert not leaked, f"English text on screen: {leaked}"


def test_counts_read_as_dutch_in_the_singular_too(stuurploeg_app):
    # "1 fouten" on the import check page read wrongly; the counts use Qt's plural forms.
    say = QCoreApplication.translate
    assert say("ReportPage", "%n error(s),", "", 1) == "1 fout,"
    assert say("ReportPage", "%n error(s),", "", 2) == "2 fouten,"
    assert say("ReportPage", "%n warning(s).", "", 1) == "1 waarschuwing."
    assert say("ReportPage", "%n usable row(s),", "", 60) == "60 bruikbare rijen,"
