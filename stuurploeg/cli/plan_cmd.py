"""Placeholder: this sub-command is being built (see the open issues)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    return None
