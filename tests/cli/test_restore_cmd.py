"""`stuurploeg restore`: what the messages about a damaged or changed workspace ask the user
to do ("zet een reservekopie terug") can be done, keeps the current file, and leaves a
workspace that verifies and takes new decisions (the restored head is the expected one)."""

import pytest

from stuurploeg.app.workspace import list_backups, open_workspace
from stuurploeg.cli import main
from tests.cli.conftest import decide

# Each test builds two finalised meetings through the CLI first (a second or more).
pytestmark = pytest.mark.slow

CASE = ["--case", "MH-2026-001", "--kind", "decline", "--motivation", "geen capaciteit"]


def _finalise(wsp, day):
    assert main(["finalise", str(wsp), "--meeting", day, "--by", "mr. De Vries"]) == 0


@pytest.fixture
def two_meetings(wsp):
    """Meeting 1 October finalised, then meeting 29 October finalised (each open of the
    workspace for writing made a backup before it)."""
    assert decide(wsp, *CASE) == 0
    _finalise(wsp, "2026-10-01")
    assert main(["decide", str(wsp), "--meeting", "2026-10-29", "--by", "mr. De Vries",
                 "--case", "MH-2026-002", "--kind", "decline", "--motivation", "x"]) == 0
    _finalise(wsp, "2026-10-29")
    return wsp


def test_without_a_backup_it_lists_them_oldest_first(two_meetings, capsys):
    capsys.readouterr()
    assert main(["restore", str(two_meetings)]) == 0
    out = capsys.readouterr().out
    names = [p.name for p in list_backups(two_meetings)]
    assert names and all(n in out for n in names)
    assert out.index(names[0]) < out.index(names[-1])
    assert f"stuurploeg restore {two_meetings}" in out


def test_a_damaged_workspace_is_restored_and_the_damaged_file_kept(two_meetings, capsys):
    damaged = bytearray(two_meetings.read_bytes())
    damaged[4096:8192] = b"\xff" * 4096  # a page of the database overwritten
    two_meetings.write_bytes(bytes(damaged))
    capsys.readouterr()
    assert main(["verify", str(two_meetings)]) == 1
    assert "stuurploeg restore" in capsys.readouterr().err  # the message says what to do
    newest = len(list_backups(two_meetings))
    assert main(["restore", str(two_meetings), str(newest)]) == 0
    out = capsys.readouterr().out
    assert "teruggezet" in out and "bewaard als" in out and "in orde" in out
    kept = [p for p in two_meetings.parent.iterdir() if ".beschadigd-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)
    assert main(["verify", str(two_meetings)]) == 0


def test_an_older_backup_is_no_cut_off_log_afterwards(two_meetings, capsys):
    """Copying an older backup over the workspace by hand makes this computer report the
    log as cut off (it saw a later head) and refuse new decisions; restore does not."""
    backups = list_backups(two_meetings)
    assert main(["restore", str(two_meetings), str(backups[0])]) == 0
    assert main(["verify", str(two_meetings)]) == 0
    with open_workspace(two_meetings) as ws:
        assert not any("besluitenlog" in w for w in ws.warnings)
    assert main(["decide", str(two_meetings), "--meeting", "2026-11-26", "--by", "x",
                 "--case", "MH-2026-003", "--kind", "decline", "--motivation", "x"]) == 0


def test_a_damaged_backup_is_refused_and_nothing_changes(two_meetings, tmp_path, capsys):
    bad = tmp_path / "kapot.stuurploeg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = two_meetings.read_bytes()
    assert main(["restore", str(two_meetings), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Fout:" in err and "Traceback" not in err
    assert two_meetings.read_bytes() == before
    assert not [p for p in two_meetings.parent.iterdir() if ".beschadigd-" in p.name]


def test_a_wrong_number_or_an_open_workspace_is_refused(two_meetings, capsys):
    assert main(["restore", str(two_meetings), "99"]) == 1
    assert "99" in capsys.readouterr().err
    with open_workspace(two_meetings):  # the app has it open
        assert main(["restore", str(two_meetings), "1"]) == 1
        assert "al geopend" in capsys.readouterr().err


def test_no_backups_says_so(tmp_path, capsys):
    assert main(["restore", str(tmp_path / "nergens.stuurploeg")]) == 1
    assert "geen reservekopieën" in capsys.readouterr().err
