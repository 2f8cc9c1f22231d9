"""One line under the meeting: per team the fte used (running work plus the take-ups this
meeting decided) against what is available, in the team's busiest week; overloads red.

One word-wrapped label of coloured chips: on a narrow window it takes a second line
rather than widen the window."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.controller.meeting import TeamLoad, team_loads
from stuurploeg.gui.widgets import WhenShown

_OK = "background-color:#dcebdc; color:#1d3b1d"
_OVER = "background-color:#f3c9c3; color:#8e1e12; font-weight:bold"


class CapacityStrip(QWidget):
    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.loads: tuple[TeamLoad, ...] = ()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self._shown_plan: object = None  # the plan the chips were counted on
        self._when_shown = WhenShown(self, self.refresh)  # the meeting room not shown: later
        controller.proposal_changed.connect(self._proposal_changed)
        for changed in (
            controller.decisions_changed,
            controller.meeting_changed,
            controller.cases_changed,
        ):
            changed.connect(self._when_shown.request)
        self.refresh()

    def chip_texts(self) -> list[str]:
        """Per team ``Team Haven 6,0/8,5`` (and the overloaded weeks): what the chips say."""
        loc = QLocale()
        out = []
        for load in self.loads:
            text = f"{load.team} {loc.toString(load.used, 'f', 1)}/" + loc.toString(
                load.available, "f", 1
            )
            if load.overloaded:
                text += " ⚠ " + self.tr("%1 wk over").replace("%1", str(load.overloaded_weeks))
            out.append(text)
        return out

    def _proposal_changed(self) -> None:
        # A weight change marks the proposal outdated and keeps its plan: the loads stay.
        proposal = self.controller.proposal
        if (None if proposal is None else proposal.result) is not self._shown_plan:
            self._when_shown.request()

    def refresh(self) -> None:
        c = self.controller
        self._shown_plan = None if c.proposal is None else c.proposal.result
        self.loads = team_loads(c.proposal, c.meeting.decisions, {x.case_id: x for x in c.cases})
        title = escape(self.tr("Capacity:"))
        if not self.loads:
            self.label.setText(f"{title} {escape(self.tr('no plan yet'))}")
            self.label.setToolTip("")
            return
        chips = []
        for load, text in zip(self.loads, self.chip_texts(), strict=True):
            style = _OVER if load.overloaded else _OK
            body = escape(text).replace(" ", "&nbsp;")  # wrap between chips, not inside
            chips.append(f'<span style="{style}">&nbsp;{body}&nbsp;</span>')
        self.label.setText(f"{title}&nbsp; " + " &nbsp; ".join(chips))
        loc = QLocale()
        self.label.setToolTip(
            self.tr("Per team: fte of running work plus the take-ups decided in this "
                    "meeting, against the fte available, in the team's busiest week.")
            + "\n"
            + "\n".join(
                self.tr("%1: this meeting took up %2 fte; %3 weeks overloaded.")
                .replace("%1", load.team)
                .replace("%2", loc.toString(load.decided, "f", 1))
                .replace("%3", str(load.overloaded_weeks))
                for load in self.loads
            )
        )  # fmt: skip
