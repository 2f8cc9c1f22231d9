"""Shared test set-up. Everything runs headless; nothing touches the user's own folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings

settings.register_profile("default", deadline=None, max_examples=100)
settings.register_profile("ci", deadline=None, max_examples=100, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def isolated_data_folder(tmp_path_factory):
    """The user's data folder (log file, last known heads of decision logs) is a temporary
    one for the whole run (session-scoped, so hypothesis tests may use it too); child
    processes started by tests inherit it."""
    old = os.environ.get("STUURPLOEG_DATA_DIR")
    os.environ["STUURPLOEG_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    yield
    if old is None:
        os.environ.pop("STUURPLOEG_DATA_DIR", None)
    else:
        os.environ["STUURPLOEG_DATA_DIR"] = old
