from __future__ import annotations

import pytest

from stuurploeg.app.workspace import Workspace, create_workspace
from tests.store.factories import make_capacity, make_cases, source


@pytest.fixture
def ws_path(tmp_path):
    return tmp_path / "regio.stuurploeg"


@pytest.fixture
def ws(ws_path) -> Workspace:
    w = create_workspace(ws_path)
    w.merge(cases=make_cases(12), cases_source=source(rows=12),
            capacity=make_capacity(), capacity_source=source("capacity", 2, "capaciteit.xlsx"))
    yield w
    w.close()
