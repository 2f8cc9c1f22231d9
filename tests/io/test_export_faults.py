"""Exports under file-system faults: a Dutch message and no traceback; nothing with case data
outside the target's folder (no openpyxl temp files in the system temp folder); leftovers
of a killed export removed by the next one; a parent path that is a file named as such."""

import os
import signal
import subprocess
import sys

import pytest

from stuurploeg.io.excel_out import Column, ExportError, Sheet, WorkbookWriter
from tests.fs_faults import ROOT, namespaces_available, run_cli
from tests.store.factories import make_capacity, make_cases, source


def _workbook():
    w = WorkbookWriter()
    w.add_sheet(Sheet("Besluiten", [Column("Zaak"), Column("Motivering")],
                      [["MH-1", "Vertrouwelijke motivering"]] * 50))
    return w


@pytest.fixture
def wsp(tmp_path):
    from stuurploeg.app.workspace import create_workspace

    path = tmp_path / "ws" / "regio.stuurploeg"
    path.parent.mkdir()
    with create_workspace(path) as ws:
        ws.merge(cases=make_cases(30), cases_source=source(rows=30),
                 capacity=make_capacity(), capacity_source=source("capacity", 2))
    return path


def test_a_parent_that_is_a_file_is_named_as_such(tmp_path):
    afile = tmp_path / "notities.txt"
    afile.write_text("x")
    with pytest.raises(ExportError) as info:
        _workbook().save(afile / "lijst.xlsx")
    msg = str(info.value)
    assert "notities.txt" in msg and "is een bestand, geen map" in msg
    assert "bestaat niet" not in msg
    with pytest.raises(ExportError, match="bestaat niet"):
        _workbook().save(tmp_path / "geen-map" / "lijst.xlsx")
    with pytest.raises(ExportError, match="is een bestand, geen map"):
        _workbook().save(afile / "sub" / "lijst.xlsx")


@pytest.mark.slow
def test_an_unwritable_folder_gives_a_message_not_a_traceback(wsp, tmp_path):
    out = tmp_path / "alleen-lezen"
    out.mkdir()
    done = run_cli(["export", wsp, "--out", out / "lijst.xlsx"], readonly=[out])
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Fout:" in done.stderr
    assert "lijst.xlsx" in done.stderr and "schrijven" in done.stderr
    assert list(out.iterdir()) == []


@pytest.mark.slow
@pytest.mark.skipif(not namespaces_available(), reason="needs a tmpfs in a mount namespace")
def test_a_full_disk_gives_the_message_and_nothing_after_it(wsp, tmp_path):
    out = tmp_path / "vol"
    out.mkdir()
    done = run_cli(["export", wsp, "--out", out / "lijst.xlsx"], full=out, full_size="4k")
    assert done.returncode == 1, done.stdout
    assert "ruimte" in done.stderr and "Fout:" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr


_KILLED_EXPORT = """
import os, signal, sys
import openpyxl.worksheet._writer as w
from stuurploeg.cli import main
real = w.WorksheetWriter.write
def write_then_die(self):
    real(self)
    os.kill(os.getpid(), signal.SIGKILL)  # mid-export: one sheet written, file not complete
w.WorksheetWriter.write = write_then_die
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_export_leaves_nothing_outside_the_target_folder_and_is_cleaned_up(
        wsp, tmp_path):
    out, systemp = tmp_path / "export", tmp_path / "systeem-temp"
    out.mkdir()
    systemp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(systemp)}
    target = out / "besluitenlijst.xlsx"
    for _ in range(2):
        killed = subprocess.run([sys.executable, "-c", _KILLED_EXPORT, "export", str(wsp),
                                 "--out", str(target)], env=env, capture_output=True,
                                timeout=120)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list(systemp.iterdir()) == []  # no sheet XML with names in the system temp folder
    assert not target.exists()
    left = [p.name for p in out.iterdir()]
    assert all(name.startswith(".") and name.endswith(".tmp") for name in left), left
    done = subprocess.run([sys.executable, "-c", _KILLED_EXPORT.replace(
        "w.WorksheetWriter.write = write_then_die", ""), "export", str(wsp), "--out",
        str(target)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in out.iterdir()] == ["besluitenlijst.xlsx"]
    assert list(systemp.iterdir()) == []


def test_an_export_in_progress_elsewhere_is_not_cleaned_away(tmp_path):
    import fcntl

    from stuurploeg.io import excel_out

    busy = tmp_path / excel_out.partial_name("lijst")
    fd = os.open(busy, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running export holds it
        _workbook().save(tmp_path / "lijst.xlsx")
        assert busy.exists()
    finally:
        os.close(fd)
    _workbook().save(tmp_path / "lijst.xlsx")
    assert not busy.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lijst.xlsx"]


def test_a_normal_save_writes_only_the_target(tmp_path, monkeypatch):
    import tempfile

    systemp = tmp_path / "systeem-temp"
    systemp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systemp))
    touched = []  # a temp file removed afterwards was still written, and may be left behind
    real_remove = os.remove
    monkeypatch.setattr(os, "remove", lambda p, *a, **k: (touched.append(str(p)),
                                                          real_remove(p, *a, **k))[1])
    out = tmp_path / "out"
    out.mkdir()
    _workbook().save(out / "lijst.xlsx")
    assert [p.name for p in out.iterdir()] == ["lijst.xlsx"]
    assert list(systemp.iterdir()) == []
    assert not [t for t in touched if t.startswith(str(systemp))], touched
