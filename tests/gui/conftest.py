import pytest

pytest.importorskip("PySide6")


# --- Stuurploeg GUI fixtures (appended) ------------------------------------------------
from tests.gui.fixtures import *  # noqa: F403
