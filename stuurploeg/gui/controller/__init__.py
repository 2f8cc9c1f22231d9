"""The workspace controller: the GUI's only door to the app layer.

Views import the controller and the typed state it hands out from here.
"""

from stuurploeg.gui.controller.core import WorkspaceController
from stuurploeg.gui.controller.state import (
    ActionRefused,
    LayoutPreview,
    MeetingState,
    MergeSummary,
    Proposal,
    WorkspaceContents,
)

__all__ = [
    "ActionRefused",
    "LayoutPreview",
    "MeetingState",
    "MergeSummary",
    "Proposal",
    "WorkspaceContents",
    "WorkspaceController",
]
