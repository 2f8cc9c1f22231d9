"""The ``stuurploeg`` command: the GUI by default, headless sub-commands for the rest.

Each sub-command lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; all of them call the same ``stuurploeg.app`` functions as the GUI.
Exit codes: 0 usable/done, 1 not usable/failed, 2 wrong command line.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from stuurploeg import version

# Sub-command modules, imported only when chosen so that `stuurploeg` starts fast.
_COMMANDS: dict[str, str] = {
    "open": "stuurploeg.cli.gui_cmd",
    "check": "stuurploeg.cli.check_cmd",
    "plan": "stuurploeg.cli.plan_cmd",
    "import": "stuurploeg.cli.workspace_cmd",
    "decide": "stuurploeg.cli.workspace_cmd",
    "finalise": "stuurploeg.cli.workspace_cmd",
    "export": "stuurploeg.cli.workspace_cmd",
    "verify": "stuurploeg.cli.workspace_cmd",
    "restore": "stuurploeg.cli.restore_cmd",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout in de opdracht: {message}\n")


class _Version(argparse.Action):
    """Like argparse's "version", but reads the version only when asked (start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"stuurploeg {version()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="stuurploeg",
        description="Stuurploeg mensenhandel: zaken prioriteren en capaciteit plannen.",
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    modules = {_COMMANDS[command]} if command in _COMMANDS else dict.fromkeys(_COMMANDS.values())
    for module in modules:
        importlib.import_module(module).add_parser(sub)
    return parser


def text_values(argv: list[str], parser: argparse.ArgumentParser, command: str) -> list[str]:
    """``--motivation -1+1`` → ``--motivation=-1+1``: argparse would take a value that
    starts with '-' for an option. Only for the sub-command's free-text options, and only
    when the next word is not one of its options (``--motivation --by x`` stays an error)."""
    module = importlib.import_module(_COMMANDS[command])
    text = set(getattr(module, "TEXT_OPTIONS", ()))
    if not text:
        return argv
    try:  # argparse keeps its option table private; without it, change nothing
        sub = next(a for a in parser._subparsers._group_actions  # type: ignore[union-attr]
                   if isinstance(a, argparse._SubParsersAction))
        known = set(sub.choices[command]._option_string_actions)
    except (AttributeError, StopIteration, KeyError):
        return argv
    out: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if word in text and nxt is not None and nxt.startswith("-") and \
                nxt.split("=", 1)[0] not in known:
            out.append(f"{word}={nxt}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle must let the import sandbox's child process start.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    command = argv[0] if argv and not argv[0].startswith("-") else None
    if command is None and not argv:
        from stuurploeg.cli import gui_cmd

        return gui_cmd.launch(None)
    parser = build_parser(command)
    if command in _COMMANDS:
        argv = text_values(argv, parser, command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command != "open":  # the GUI runs the same checks after its first paint
        from stuurploeg.app.safety import startup_checks

        try:
            startup_checks()
        except RuntimeError as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # Output piped into e.g. `head` that stopped reading: not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
