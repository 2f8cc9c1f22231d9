"""Shared fixtures of the CLI tests: a small workspace with six cases and two teams."""

import pytest

from stuurploeg.app.workspace import create_workspace
from stuurploeg.cli import main
from tests.store.factories import make_capacity, make_cases, source


@pytest.fixture
def wsp(tmp_path):
    path = tmp_path / "regio.stuurploeg"
    with create_workspace(path) as ws:
        ws.merge(cases=make_cases(6), cases_source=source(rows=6),
                 capacity=make_capacity(), capacity_source=source("capacity", 2))
    return path


def decide(wsp, *extra):
    """`stuurploeg decide` in the meeting of 1 October 2026, decided by mr. De Vries."""
    return main(["decide", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries", *extra])
