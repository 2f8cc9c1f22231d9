"""The hidden `open --smoke-report` that `make package-test` reads from the built bundle."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from stuurploeg.cli.smoke_report import PREFIX

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_reports_the_loaded_sample_workspace_in_dutch_and_quits(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "STUURPLOEG_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-m", "stuurploeg", "open", "--smoke-report", "0.5"],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith(PREFIX)]
    assert len(lines) == 1, done.stdout
    report = json.loads(lines[0][len(PREFIX):])
    window = report["window"]
    assert window["menus"][:2] == ["&Bestand", "Be&werken"]
    assert window["title"].startswith("voorbeeld — Stuurploeg")  # then the plan shown, once in
    assert window["workspace"] == str(tmp_path / "data" / "voorbeeld.stuurploeg")
    assert window["cases"] > 0 and window["ranked"] > 0
    assert report["message_boxes"] == []
    assert report["translation_found"] and report["sample_files_found"]
    assert report["about"]["title"] == "Over Stuurploeg"
    assert report["frozen"] is False
    assert "Traceback" not in done.stderr
    # A smoke run keeps its settings in the data folder, never in the user's own.
    assert report["settings_file"].startswith(str(tmp_path / "data" / "smoke-settings"))
    assert not (tmp_path / "config").exists()


def test_report_can_go_to_a_file(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "STUURPLOEG_DATA_DIR": str(tmp_path / "data")}
    out = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "stuurploeg", "open", "--smoke-report", "0", "--smoke-out",
         str(out)], capture_output=True, text=True, env=env, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert PREFIX not in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["window"]["cases"] > 0


def test_open_without_workspace_is_allowed_and_the_flag_is_hidden(capsys):
    from stuurploeg.cli import build_parser

    args = build_parser("open").parse_args(["open"])
    assert args.workspace is None and args.smoke_report is None
    with pytest.raises(SystemExit):
        build_parser("open").parse_args(["open", "--help"])
    assert "smoke" not in capsys.readouterr().out
