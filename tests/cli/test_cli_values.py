"""Text that starts with '-' is a value; a killed first import leaves no workspace behind."""

import os
import signal
import subprocess
import sys

import pytest

from stuurploeg.app.workspace import open_workspace
from stuurploeg.cli import main
from tests.fs_faults import ROOT

SAMPLES = ROOT / "sample_data"


@pytest.mark.slow
@pytest.mark.parametrize("text", ["-1+1", "- geen capaciteit", "--- zie verslag ---", "-x"])
def test_a_motivation_that_starts_with_a_dash_is_a_value(wsp, capsys, text):
    assert main(["decide", str(wsp), "--case", "MH-2026-001", "--kind", "decline",
                 "--motivation", text, "--by", "-mr. De Vries-", "--meeting",
                 "2026-10-01"]) == 0, capsys.readouterr().err
    with open_workspace(wsp) as ws:
        (d,) = ws.decisions()
        assert d.motivation == text and d.decided_by == "-mr. De Vries-"


def test_a_missing_value_before_another_option_is_still_a_wrong_command_line(wsp, capsys):
    with pytest.raises(SystemExit) as info:
        main(["decide", str(wsp), "--case", "MH-2026-001", "--kind", "decline",
              "--motivation", "--by", "x"])
    assert info.value.code == 2
    assert "--motivation" in capsys.readouterr().err


_KILLED_IMPORT = """
import os, signal, sys
import stuurploeg.app.importing as importing
from stuurploeg.cli import main
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # while the first import reads the files
importing.check_file = die
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_first_import_leaves_no_workspace_under_the_real_name(tmp_path):
    wsp = tmp_path / "regio.stuurploeg"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = ["import", str(wsp), "--cases", str(SAMPLES / "zakenlijst.xlsx")]
    killed = subprocess.run([sys.executable, "-c", _KILLED_IMPORT, *argv], env=env,
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert not wsp.exists()
    done = subprocess.run([sys.executable, "-c", _KILLED_IMPORT.replace(
        "importing.check_file = die", ""), *argv], env=env, capture_output=True, text=True,
        timeout=120)
    assert done.returncode == 0, done.stderr
    with open_workspace(wsp) as ws:
        assert len(ws.cases()) == 60
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "regio.stuurploeg", "regio.stuurploeg-backups"]
