"""Which plan is on screen (the base or a scenario): said by the scenario panel, the status
bar and the window title. A module of its own so that the window can say it without
importing the panel, which is built only when its dock is first shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.labels import planner_label


def shown_text(controller: WorkspaceController) -> str:
    """Which plan is on screen, for the panel, the status bar and the window title."""
    shown = controller.scenarios.shown
    translate = QCoreApplication.translate
    if controller.proposal is None:
        return translate("ScenarioPanel", "No plan shown yet")
    planner = planner_label(shown.planner or "")
    if shown.is_base:
        return translate("ScenarioPanel", "Shown: base plan (%1)").replace("%1", planner)
    text = translate("ScenarioPanel", "Shown: scenario %1 (%2)")
    return text.replace("%1", shown.scenario or "").replace("%2", planner)
