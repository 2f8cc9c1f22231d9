"""The workspace controller: the GUI's only door to the app layer.

Views import the controller and the typed state it hands out from here.
"""

from stuurploeg.gui.controller.core import WorkspaceController
from stuurploeg.gui.controller.meetings import OpenMeeting
from stuurploeg.gui.controller.proposals import REASONS as OUTDATED_REASONS
from stuurploeg.gui.controller.proposals import PlannerChoice
from stuurploeg.gui.controller.proposals import describe as describe_proposal
from stuurploeg.gui.controller.state import (
    ActionRefused,
    LayoutPreview,
    MeetingState,
    MergeSummary,
    Proposal,
    WorkspaceContents,
)

__all__ = [
    "OUTDATED_REASONS",
    "ActionRefused",
    "LayoutPreview",
    "MeetingState",
    "MergeSummary",
    "OpenMeeting",
    "PlannerChoice",
    "Proposal",
    "WorkspaceContents",
    "WorkspaceController",
    "describe_proposal",
]
