"""Reading needs no write access: verify and export work on read-only media, and verify
writes nothing at all (no -wal/-shm files, no byte changed, nothing in the data folder)."""

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from stuurploeg.app.decisions import finalise_meeting, record_decision, verify_workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind
from tests.fs_faults import run_cli

DAY = date(2026, 10, 1)


def data_folder():
    return Path(os.environ["STUURPLOEG_DATA_DIR"])  # set for the whole run in tests/conftest


def _tree(*folders):
    out = {}
    for folder in folders:
        for p in folder.rglob("*") if folder.exists() else ():
            if p.is_file():
                st = p.stat()
                out[p] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def closed(ws, ws_path):
    record_decision(ws, Decision("MH-2026-001", DecisionKind.DECLINE, "x", motivation="geen"),
                    DAY)
    finalise_meeting(ws, DAY, "mr. A. de Vries")
    ws.close()
    return ws_path


def test_a_closed_workspace_is_one_self_contained_file(closed):
    side = [p.name for p in closed.parent.iterdir()
            if p.name.startswith(closed.name) and p.name != closed.name]
    assert not [n for n in side if n.endswith(("-wal", "-shm", "-journal"))], side


def test_a_closed_workspace_needs_no_side_files_for_any_reader(closed):
    """Left in rollback mode, not WAL: another reader (the sqlite3 tool, a copy on a USB
    stick) opening it read-only creates no -wal/-shm beside it either."""
    assert closed.read_bytes()[18:20] == b"\x01\x01"  # header: rollback journal
    conn = sqlite3.connect(f"{closed.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 1
    conn.close()
    side = [p.name for p in closed.parent.iterdir() if p.name.startswith(closed.name + "-")]
    assert not [n for n in side if n.endswith(("-wal", "-shm"))], side


def test_verify_writes_nothing(closed):
    before, data_before = _tree(closed.parent), _tree(data_folder())
    content = closed.read_bytes()
    report = verify_workspace(closed)
    assert report.ok, report.problems
    assert _tree(closed.parent) == before and closed.read_bytes() == content
    assert _tree(data_folder()) == data_before


def test_verify_writes_nothing_for_a_file_left_in_wal_mode(closed):
    """As older versions left every closed workspace."""
    conn = sqlite3.connect(closed)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    before = _tree(closed.parent)
    assert verify_workspace(closed).ok
    assert _tree(closed.parent) == before


@pytest.mark.slow
def test_verify_and_export_from_read_only_media(closed, tmp_path):
    import shutil

    media = tmp_path / "usb-stick"
    media.mkdir()
    closed = Path(shutil.copy2(closed, media / closed.name))
    out = tmp_path / "uit"
    out.mkdir()
    done = run_cli(["verify", closed], readonly=[closed.parent])
    assert done.returncode == 0, done.stderr
    assert "In orde" in done.stdout
    done = run_cli(["export", closed, "--out", out / "lijst.xlsx"], readonly=[closed.parent])
    assert done.returncode == 0, done.stderr
    assert (out / "lijst.xlsx").exists()


def test_opening_for_writing_on_read_only_media_says_so(closed):
    done = run_cli(["decide", closed, "--case", "MH-2026-002", "--kind", "decline",
                    "--motivation", "x", "--by", "x", "--meeting", "2026-10-29"],
                   readonly=[closed.parent])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "schrijven" in done.stderr or "alleen-lezen" in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX")
def test_export_beside_a_running_app_still_reads_the_newest_state(ws, ws_path, tmp_path):
    from stuurploeg.app.export import export_decision_log
    from stuurploeg.app.workspace import open_workspace

    record_decision(ws, Decision("MH-2026-003", DecisionKind.DECLINE, "x", motivation="m"), DAY)
    with open_workspace(ws_path, readonly=True) as ro:  # the app still has it open
        result = export_decision_log(ro, tmp_path / "lijst.xlsx")
    assert result.decisions == 1
