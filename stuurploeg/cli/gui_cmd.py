"""`stuurploeg` / `stuurploeg open [WORKSPACE]`: the desktop app."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open een werkruimte in de app")
    p.add_argument("workspace", type=Path, nargs="?", default=None,
                   help="werkruimtebestand (*.stuurploeg); zonder: de laatst gebruikte of de "
                        "voorbeeldwerkruimte, zoals `stuurploeg` zonder opdracht")
    # Not for users: `make package-test` starts the built app with it and reads the report
    # (stuurploeg.cli.smoke_report) to see what the window shows.
    p.add_argument("--smoke-report", type=float, default=None, metavar="S",
                   help=argparse.SUPPRESS)
    p.add_argument("--smoke-out", type=Path, default=None, metavar="FILE",
                   help=argparse.SUPPRESS)
    p.set_defaults(run=lambda args: launch(args.workspace, smoke_report=args.smoke_report,
                                           smoke_out=args.smoke_out))


def launch(workspace: Path | None, *, smoke_report: float | None = None,
           smoke_out: Path | None = None) -> int:
    from stuurploeg.gui.application import build_application, run_app

    if smoke_report is not None:
        import sys

        from stuurploeg.cli import smoke_report as report

        report.prepare()
        build_application(sys.argv[:1])  # run_app takes this same instance over
        report.install(smoke_report, smoke_out)
    return run_app(workspace)
