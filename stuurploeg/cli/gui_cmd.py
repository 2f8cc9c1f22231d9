"""`stuurploeg` / `stuurploeg open WORKSPACE`: the desktop app."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open een werkruimte in de app")
    p.add_argument("workspace", type=Path, help="werkruimtebestand (*.stuurploeg)")
    p.set_defaults(run=lambda args: launch(args.workspace))


def launch(workspace: Path | None) -> int:
    from stuurploeg.gui.application import run_app

    return run_app(workspace)
