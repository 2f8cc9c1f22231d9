"""`stuurploeg --version`: the installed version, with a fallback where metadata is missing."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import stuurploeg
from stuurploeg.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def test_version_is_the_installed_metadata():
    assert stuurploeg.version() == metadata.version("stuurploeg") == stuurploeg.__version__


def test_fallback_matches_pyproject():
    # A bundle without the package's metadata must still report the right version.
    assert _project_version() == stuurploeg.FALLBACK_VERSION


def test_fallback_used_when_metadata_is_missing(monkeypatch):
    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert stuurploeg.version() == stuurploeg.FALLBACK_VERSION


def test_unknown_attribute_still_raises():
    with pytest.raises(AttributeError):
        stuurploeg.no_such_thing  # noqa: B018


def test_cli_version_prints_and_exits_0(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"stuurploeg {_project_version()}"


def test_cli_version_as_a_process():
    done = subprocess.run([sys.executable, "-m", "stuurploeg", "--version"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"stuurploeg {_project_version()}")
    assert done.stderr == ""
