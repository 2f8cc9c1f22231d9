"""GUI test set-up: the fixtures live in :mod:`tests.gui.fixtures`."""

from tests.gui.fixtures import *  # noqa: F403
