"""Plan maken: planner, time budget, progress and cancel; then the difference from before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.controller import Proposal, WorkspaceController
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.labels import PLANNERS, planner_label
from stuurploeg.gui.workers import Job


class PlanDialog(QDialog):
    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.job: Job | None = None
        self.before: Proposal | None = None
        self.setWindowTitle(self.tr("Make plan"))
        self.planner = QComboBox(self)
        for key in PLANNERS:
            self.planner.addItem(planner_label(key), key)
        self.time_limit = QSpinBox(self)
        self.time_limit.setRange(1, 600)
        self.time_limit.setValue(30)
        self.time_limit.setSuffix(self.tr(" s"))
        self.weeks = QSpinBox(self)
        self.weeks.setRange(4, 104)
        self.weeks.setValue(26)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setPlaceholderText(self.tr("The difference from the previous plan appears here."))
        self.run_button = QPushButton(self.tr("Make plan"), self)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.run_button.setToolTip(
            self.tr("Make a plan proposal with this planner; it replaces the one on screen.")
        )
        self.cancel_button.setToolTip(self.tr("Stop planning; the previous proposal stays."))
        self.cancel_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Planner:"), self.planner)
        form.addRow(self.tr("Time budget:"), self.time_limit)
        form.addRow(self.tr("Horizon (weeks):"), self.weeks)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.diff, 1)
        layout.addWidget(buttons)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.planner.currentIndexChanged.connect(
            lambda: self.time_limit.setEnabled(self.planner.currentData() != "rank")
        )
        self.time_limit.setEnabled(False)
        self.resize(560, 420)

    def run(self) -> None:
        self.before = self.controller.proposal
        job = self.controller.plan(
            self.planner.currentData(),
            time_limit=float(self.time_limit.value()),
            weeks=self.weeks.value(),
        )
        if job is None:
            self.status.setText(self.tr("Import a case list and a capacity sheet first."))
            return
        self.job = job
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Planning…"))
        job.progress.connect(self._progress)
        job.succeeded.connect(self._done)
        job.cancelled.connect(lambda: self._stopped(self.tr("Stopped: the previous plan is kept.")))
        job.failed.connect(lambda exc: self._stopped(user_message(exc)))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        if message:
            self.status.setText(message)

    def _stopped(self, text: str) -> None:
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(text)

    def _done(self, proposal: Proposal) -> None:
        plan = proposal.result
        self._stopped(
            self.tr("%1 cases planned, %2 do not fit; total priority %3.")
            .replace("%1", str(len(plan.assignments)))
            .replace("%2", str(len(plan.unplanned)))
            .replace("%3", f"{plan.total_priority:.0f}")
        )
        self.diff.setPlainText(self.describe_difference(self.before, proposal))

    def describe_difference(self, before: Proposal | None, after: Proposal) -> str:
        if before is None:
            return self.tr("No previous plan to compare with.")
        c = self.controller.compare(before, after)
        lines = [
            self.tr("Total priority: %1 → %2")
            .replace("%1", f"{c.total_priority_a:.0f}")
            .replace("%2", f"{c.total_priority_b:.0f}"),
            self.tr("Newly in the plan: %1").replace("%1", ", ".join(c.added) or "—"),
            self.tr("No longer in the plan: %1").replace("%1", ", ".join(c.removed) or "—"),
            self.tr("Other team or start week: %1").replace("%1", ", ".join(c.moved) or "—"),
        ]
        return "\n".join(lines)

    def done(self, result: int) -> None:
        self.cancel()
        super().done(result)


def open_plan_dialog(controller: WorkspaceController, parent: QWidget) -> PlanDialog:
    dialog = PlanDialog(controller, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
