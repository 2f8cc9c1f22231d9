"""The one door from the window to the app layer: :class:`WorkspaceController`.

It owns the open workspace and what the window shows of it — cases, capacity, weights,
overrides, ranking, proposal, decisions, the meeting and the selected case. Every user
action is a method; slow work runs in workers (:mod:`stuurploeg.gui.workers`), and the
views hear about every change through the signals below. Views, docks and undo commands
hold the controller, read its state and call its methods; they never call the app layer,
each other, or the workspace.

The app layer is imported inside the methods that first need it: it brings numpy and the
store, and the first window shows before them (start-up time, checked by
``tests/gui/test_application.py`` and measured by ``benchmarks/bench_gui.py``).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.domain.progress import TaskState
from stuurploeg.gui import paths
from stuurploeg.gui.controller import jobs, meetings, proposals, texts
from stuurploeg.gui.controller.scenarios import ScenarioController
from stuurploeg.gui.controller.state import (
    ActionRefused,
    LayoutPreview,
    MeetingState,
    MergeSummary,
    Proposal,
    WorkspaceContents,
)
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.ranking_rows import PreparedRows, decision_labels
from stuurploeg.gui.settings import Settings
from stuurploeg.gui.workers import Job, start_job

if TYPE_CHECKING:
    from stuurploeg.app.export import ExportResult
    from stuurploeg.app.importing import CheckReport
    from stuurploeg.app.workspace import Workspace
    from stuurploeg.domain.decisions import Decision, Snapshot
    from stuurploeg.domain.planning import PlanComparison
    from stuurploeg.domain.scoring import PositionOverride, Ranking, WeightProfile

log = logging.getLogger("stuurploeg")
T = TypeVar("T")


class WorkspaceController(QObject):
    # life cycle
    opened = Signal(Path)  # a workspace is open (its path); its contents are shown
    closed = Signal()  # no workspace open any more
    # state: read the controller's properties when they fire
    cases_changed = Signal()  # a new set of cases and/or capacity
    ranking_changed = Signal()  # ranks and scores; also with each new proposal (its ranking)
    proposal_changed = Signal()  # a new plan proposal (or none)
    profile_changed = Signal()  # the weights, or the list of stored profiles
    decisions_changed = Signal()  # decisions recorded, changed, deleted or finalised
    meeting_changed = Signal()  # the meeting's day or who decides
    finalised = Signal(object)  # the day (date) of the meeting just vastgesteld
    selection_changed = Signal(str)  # the selected case ("" for none)
    # feedback, already in the user's language
    busy = Signal(bool)  # a background job of the controller started / all ended
    message = Signal(str)  # short status-bar text
    error = Signal(str)  # something failed; nothing was changed
    warning = Signal(str)  # something to know (e.g. a workspace in a synced folder)
    merged = Signal(MergeSummary)  # an import was merged into the workspace
    exported = Signal(Path)  # the decision list was written here

    #: wait this long after the last weight change before re-planning (rank planner)
    REPLAN_DELAY_MS = 250
    #: the automatic plan after a change is the rank-order one, with this time budget
    QUICK_PLAN_SECONDS = 5.0

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._workspace: Workspace | None = None
        self._cases: tuple[Case, ...] = ()
        self._case_index: dict[str, Case] = {}
        self._capacity: CapacityData | None = None
        self._profile: WeightProfile | None = None
        self._stored_profiles: tuple[WeightProfile, ...] = ()
        self._overrides: tuple[PositionOverride, ...] = ()
        self._ranking: Ranking | None = None
        self._previous_ranks: dict[str, int] = {}
        self._proposal: Proposal | None = None
        self._previous_proposal: Proposal | None = None
        self._prepared: PreparedRows | None = None  # rows a worker built with its result
        self._decisions: tuple[Decision, ...] = ()
        self._meeting_day = date.today()
        self._decided_by = ""
        self._selected = ""
        self._load_job: Job | None = None
        self._plan_job: Job | None = None
        self._jobs: set[Job] = set()
        self._working_plan = jobs.WorkingPlanSlot()
        self._choice = proposals.PlannerChoice()
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(self.REPLAN_DELAY_MS)
        self._replan.timeout.connect(self._quick_plan)
        # A weight change outdates the proposal at once (``proposal``); the views hear of
        # it on the event loop's next turn (see _outdate).
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(0)
        self._announce.timeout.connect(self._announce_outdated)
        self._announce_message = False  # ... and the status bar is told why
        self.scenarios = ScenarioController(self)  # what-if: the scenario panel's door

    # == state ===========================================================================
    @property
    def workspace(self) -> Workspace | None:
        """The open workspace; views do not use it (they read the properties below)."""
        return self._workspace

    @property
    def has_workspace(self) -> bool:
        return self._workspace is not None

    @property
    def path(self) -> Path | None:
        return None if self._workspace is None else Path(self._workspace.path)

    @property
    def cases(self) -> tuple[Case, ...]:
        return self._cases

    def case(self, case_id: str) -> Case | None:
        return self._case_index.get(case_id)

    @property
    def capacity(self) -> CapacityData | None:
        return self._capacity

    @property
    def profile(self) -> WeightProfile | None:
        """The weights the ranking uses (None until there are cases to rank)."""
        return self._profile

    @property
    def stored_profiles(self) -> tuple[WeightProfile, ...]:
        """The profiles kept in the open workspace, each in its latest version."""
        return self._stored_profiles

    def profile_choices(self) -> dict[str, WeightProfile]:
        """Name → profile of what the user can choose: the standard profile, the stored
        ones, and the current weights (also when not stored)."""
        if self._profile is None:
            return {}
        from stuurploeg.domain.scoring import STANDARD_PROFILE

        choices = {STANDARD_PROFILE.name: STANDARD_PROFILE}
        choices.update((p.name, p) for p in self._stored_profiles)
        choices.setdefault(self._profile.name, self._profile)
        return choices

    @property
    def overrides(self) -> tuple[PositionOverride, ...]:
        return self._overrides

    def override_for(self, case_id: str) -> PositionOverride | None:
        return next((o for o in self._overrides if o.case_id == case_id), None)

    @property
    def ranking(self) -> Ranking | None:
        return self._ranking

    @property
    def previous_ranks(self) -> Mapping[str, int]:
        """Each case's rank before the last weight or override change (for ↑/↓)."""
        return self._previous_ranks

    @property
    def prepared_rows(self) -> PreparedRows | None:
        """The Ranglijst's rows (or the columns a new plan rewrites) as the worker that made
        the plan or merged the import built them, while they still fit what is shown: the
        same cases, ranking, previous ranks and plan. None: the view builds its own."""
        p = self._prepared
        if p is None or p.cases is not self._cases or p.ranking is not self._ranking:
            return None
        if p.previous_ranks is not self._previous_ranks:
            return None
        plan = None if self._proposal is None else self._proposal.result
        return p if p.plan is plan else None

    @property
    def proposal(self) -> Proposal | None:
        """The plan on screen: what a decision taken now records as the proposal."""
        return self._proposal

    @property
    def previous_proposal(self) -> Proposal | None:
        return self._previous_proposal

    @property
    def planner_choice(self) -> proposals.PlannerChoice:
        """The planner the officer chose last (an outdated proposal is made again with it)."""
        return self._choice

    @property
    def open_meetings(self) -> tuple[meetings.OpenMeeting, ...]:
        """Every meeting with drafts not yet vastgesteld, newest first."""
        return meetings.open_meetings(self._decisions)

    @property
    def is_busy(self) -> bool:
        """A background job of the controller (open, import, plan, export) is running."""
        return bool(self._jobs)

    @property
    def planning(self) -> bool:
        """A plan is being made (or about to be, after a change)."""
        job = self._plan_job
        return self._replan.isActive() or (job is not None and job.running)

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Every decision in the workspace, oldest first."""
        return self._decisions

    def decision_labels(self) -> dict[str, str]:
        """The Ranglijst's decision column: each case's latest decision, ✓ when final, ✎ a
        draft (not "…", which reads as a text cut off)."""
        return decision_labels(self._decisions)

    def history(self, case_id: str) -> tuple[Decision, ...]:
        """Every decision on ``case_id``, oldest first."""
        return tuple(d for d in self._decisions if d.case_id == case_id)

    @property
    def meeting(self) -> MeetingState:
        day = self._meeting_day
        held = tuple(d for d in self._decisions if d.meeting_date == day)
        return MeetingState(day, self._decided_by, held, any(d.final for d in held))

    @property
    def selected_case_id(self) -> str:
        return self._selected

    @property
    def selected_case(self) -> Case | None:
        return self._case_index.get(self._selected)

    # == life cycle ======================================================================
    def start(self, workspace: Path | None = None) -> None:
        """At start-up: the given workspace, else the last one, else the sample workspace
        (made from the sample workbooks on the first start)."""
        if workspace is not None:
            self.open(Path(workspace))
            return
        last = self.settings.last_workspace()
        if last is not None and last.exists():
            self.open(last)
            return
        sample = paths.sample_workspace_path()
        if sample.exists():
            self.open(sample)
            return
        cases_file, capacity_file = paths.sample_files()
        if not cases_file.exists():
            self.message.emit(texts.no_sample_data(cases_file.parent))
            return
        self._load(
            sample,
            lambda state: jobs.create_sample(sample, cases_file, capacity_file, state),
        )

    def open(self, path: Path) -> None:
        """Open ``path`` in a worker and show it; the workspace open now is closed then."""
        path = Path(path)
        self._load(path, lambda state: jobs.open_workspace(path, state))

    def create(self, path: Path) -> None:
        """Create a new, empty workspace at ``path`` (``.stuurploeg`` added) and show it."""
        path = texts.with_workspace_suffix(Path(path))
        self._load(path, lambda state: jobs.create_workspace(path, state))

    def _load(
        self, path: Path, work: Callable[[TaskState], tuple[Workspace, WorkspaceContents]]
    ) -> None:
        # An open in progress is not cancelled (opening cannot stop half-way): when it
        # ends, ``done`` sees that it was superseded and closes what it opened.
        self.message.emit(texts.opening(path))

        def done(result: tuple[Workspace, WorkspaceContents]) -> None:
            ws, contents = result
            if job is not self._load_job:  # superseded by a later open, or closed meanwhile
                ws.close()
                return
            self._attach(ws, contents)

        def failed(exc: BaseException) -> None:
            self.message.emit("")
            self.error.emit(user_message(exc))

        job = self._start(work, done, failed)
        self._load_job = job

    def _attach(self, ws: Workspace, contents: WorkspaceContents) -> None:
        self._release()
        self._workspace = ws
        path = Path(ws.path)
        self.settings.add_recent_workspace(path)
        self._profile = contents.last_weighting or self._preferred(contents.profiles)
        self._stored_profiles = contents.profiles
        self._overrides = contents.overrides
        self._decisions = contents.decisions
        self._set_cases(contents.cases, contents.capacity)
        self.opened.emit(path)
        self.profile_changed.emit()
        self.decisions_changed.emit()
        self.message.emit(texts.opened(len(self._cases), path))
        for warning in ws.warnings:
            self.warning.emit(warning)
        _settle_heap()
        # The backup of the opening, once the ranking is on screen (the workspace makes it
        # itself first should a change come sooner).
        QTimer.singleShot(self.REPLAN_DELAY_MS // 2, self, lambda: self._back_up(ws))

    def _back_up(self, ws: Workspace) -> None:
        if ws is self._workspace and ws.backup_due:
            self._start(lambda _state: ws.make_due_backup(), lambda _path: None,
                        lambda exc: self.error.emit(texts.backup_failed(user_message(exc))))

    def _preferred(self, stored: Sequence[WeightProfile]) -> WeightProfile | None:
        """The profile last used (from the settings) when stored, else none yet (the
        standard profile is taken when the cases are first ranked)."""
        wanted = self.settings.last_profile()
        return next((p for p in stored if p.name == wanted), None)

    def close(self) -> None:
        """Close the open workspace (its lock is released); the window shows nothing."""
        self._load_job = None  # one still running closes its workspace when it ends
        had = self._workspace is not None
        self._release()
        self._profile = None
        self._stored_profiles = ()
        self._overrides = ()
        self._decisions = ()
        self._set_cases((), None)
        if had:
            self.closed.emit()
        self.profile_changed.emit()
        self.decisions_changed.emit()

    def _release(self) -> None:
        """Stop planning and close the workspace, without telling the views."""
        self._replan.stop()
        if self._plan_job is not None and self._plan_job.running:
            self._plan_job.cancel()
        self._plan_job = None
        self._working_plan.forget()
        self._proposal = self._previous_proposal = None
        self._choice = proposals.PlannerChoice()
        ws, self._workspace = self._workspace, None
        if ws is not None:
            try:
                ws.close()
            except Exception:  # closing must never stop the window from closing
                log.exception("Werkruimte sluiten mislukt")

    # == import and export ===============================================================
    def import_report(self, report: CheckReport, skip_bad_rows: bool = False) -> Job | None:
        """Take an import the user accepted: merged into the open workspace (in a worker),
        or, without one, shown as it is (nothing is stored then)."""
        ws = self._workspace
        if ws is None:
            self._show_unstored(report)
            return None

        plan = None if self._proposal is None else self._proposal.result
        shown = jobs.Shown(self._cases, self._capacity, self._profile, plan)

        def done(merged: jobs.Merged) -> None:
            if self._workspace is not ws:
                return
            summary = texts.merge_summary(report, skip_bad_rows, merged.result)
            self._reload(merged.contents, merged, shown)
            self.message.emit(summary.text)
            self.merged.emit(summary)

        def failed(exc: BaseException) -> None:
            self.message.emit("")
            self.error.emit(user_message(exc))

        self.message.emit(texts.merging(Path(report.file)))
        return self._start(
            lambda state: jobs.merge_report(ws, report, skip_bad_rows, state, shown), done, failed
        )

    def _show_unstored(self, report: CheckReport) -> None:
        path = Path(report.file)
        if report.kind == "capacity" and report.capacity is not None:
            self._set_cases(self._cases, report.capacity)
            self.message.emit(texts.capacity_loaded(len(report.capacity.teams), path))
        elif report.cases:
            self._set_cases(tuple(report.cases), self._capacity)
            self.message.emit(texts.cases_loaded(len(report.cases), path))

    def _reload(
        self,
        contents: WorkspaceContents,
        merged: jobs.Merged | None = None,
        shown: jobs.Shown | None = None,
    ) -> None:
        """Show the workspace as an import left it; ``merged`` (prepared in the merge's
        worker against ``shown``) is taken while the window still shows that."""
        same: bool | None = None
        prepared = None
        if merged is not None and shown is not None and shown.cases is self._cases and (
            shown.capacity is self._capacity
        ):  # the window still shows what the worker compared and ranked against
            same = merged.same
            if shown.profile is self._profile:  # else the weights changed: ranked here
                prepared = merged.prepared
        decisions_changed = contents.decisions != self._decisions
        self._overrides = contents.overrides
        self._decisions = contents.decisions
        self._stored_profiles = contents.profiles
        self._set_cases(contents.cases, contents.capacity, same=same, prepared=prepared)
        if decisions_changed:
            self.decisions_changed.emit()
        _settle_heap()

    def export(self, out: Path, meeting: date | None = None) -> Job | None:
        """Write the besluitenlijst (of ``meeting``, default all) to ``out`` in a worker."""
        ws = self._workspace
        if ws is None:
            self.error.emit(texts.needs_workspace())
            return None
        self.message.emit(texts.exporting())

        def done(result: ExportResult) -> None:
            self.message.emit(texts.exported(result.path))
            if result.warnings:
                self.warning.emit("\n".join(result.warnings))
            self.exported.emit(Path(result.path))

        def failed(exc: BaseException) -> None:
            self.message.emit("")
            self.error.emit(user_message(exc))

        job = self._start(lambda state: jobs.export(ws, Path(out), meeting, state), done, failed)
        job.progress.connect(lambda _f, m: self.message.emit(m or texts.exporting()))
        return job

    # == cases, ranking, planning ========================================================
    def _set_cases(
        self,
        cases: Sequence[Case],
        capacity: CapacityData | None,
        *,
        same: bool | None = None,
        prepared: PreparedRows | None = None,
    ) -> None:
        """``same``: the caller already knows whether these equal the lists shown (the
        merge's worker compared them); ``prepared``: their ranking and rows, made there."""
        cases = tuple(cases)
        if same is None:
            same = cases == self._cases and capacity == self._capacity
        if same:
            # An import of the same lists leaves the proposal as it is, and the objects on
            # screen stay: nothing downstream is rebuilt or redrawn.
            cases, capacity = self._cases, self._capacity
        elif capacity is not None and capacity is not self._capacity and (
            capacity == self._capacity
        ):
            capacity = self._capacity
        if cases is not self._cases:
            self._case_index = {c.case_id: c for c in cases}
        self._cases = cases
        self._capacity = capacity
        self._ranking = None
        self._previous_ranks = {}
        if prepared is not None and prepared.cases is cases and prepared.rows is not None:
            self._ranking = prepared.ranking
            self._previous_ranks = prepared.previous_ranks
            self._prepared = prepared
        if not same:
            self._outdate(proposals.CASES)
        self.cases_changed.emit()
        if self._selected and self._selected not in self._case_index:
            self.select_case("")
        self._rerank(remember=False, ranked=self._ranking is not None)

    def _rerank(self, *, remember: bool, ranked: bool = False) -> None:
        """Rank with the current weights (milliseconds) and plan again shortly after;
        ``remember`` keeps the old ranks for the ↑/↓ marks; ``ranked``: the ranking is
        already made (in the merge's worker)."""
        if not self._cases:
            self._replan.stop()
            return
        from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

        if self._profile is None:
            self._profile = STANDARD_PROFILE
            self.profile_changed.emit()
        if not ranked:
            if remember and self._ranking is not None:
                self._previous_ranks = self._ranking.rank_map()
            self._ranking = rank_cases(self._cases, self._profile, self._overrides)
        self.ranking_changed.emit()
        # Only when a rank-order plan will follow (``planning`` says so meanwhile): the
        # banner's Plan again, told of the outdated proposal just after this, is refused
        # while planning, and the timer's end without a plan tells nobody.
        if self._capacity is not None and self._capacity.teams and (
            proposals.replaced_by_itself(self._proposal, self._choice)
        ):
            self._replan.start()

    def _quick_plan(self) -> None:
        # Another planner's proposal (or a scenario made the proposal) stays, marked
        # outdated, until the officer re-plans.
        if proposals.replaced_by_itself(self._proposal, self._choice):
            self.plan("rank", time_limit=self.QUICK_PLAN_SECONDS, requested=False)

    def _outdate(self, reason: str) -> None:
        shown = self._proposal
        if shown is None or shown.outdated:
            return
        if reason == proposals.WEIGHTS and proposals.same_weights(shown, self._profile):
            return  # e.g. a profile chosen again, or saved under a name
        self._proposal = proposals.outdated(shown, reason)
        tell = not proposals.replaced_by_itself(shown, self._choice)  # stays until re-planned
        if reason == proposals.WEIGHTS:
            # A slider step: the re-sorted Ranglijst is what the officer watches, and the
            # outdated mark on the banner, the Voorstel header and the docks (a restyle;
            # measured about half of the step's work before its repaint) waits for the
            # frame that shows it.
            self._announce_message = self._announce_message or tell
            self._announce.start()
            return
        self.proposal_changed.emit()
        if tell:
            self.message.emit(proposals.describe(self._proposal, self._choice))

    def _announce_outdated(self) -> None:
        """What _outdate put off: the views hear of the proposal as it is now."""
        self._announce.stop()
        tell, self._announce_message = self._announce_message, False
        self.proposal_changed.emit()
        if tell and self._proposal is not None and self._proposal.outdated:
            self.message.emit(proposals.describe(self._proposal, self._choice))

    def replan(self) -> Job | None:
        """Make the proposal again with the planner the officer chose (its budget, horizon)."""
        c = self._choice
        return self.plan(c.planner, time_limit=c.time_limit, weeks=c.weeks, requested=True)

    def plan(
        self,
        planner: str = "rank",
        *,
        time_limit: float = 30.0,
        weeks: int = jobs.PlanRequest.weeks,
        requested: bool = True,
    ) -> Job | None:
        """Make a plan in a worker (``rank``, ``fill`` or ``optimal``); returns the job for
        progress and cancel, or None when there is nothing to plan. The plan becomes the
        proposal and is stored in the workspace; one the user ``requested`` is kept, an
        automatic one is replaced by the next."""
        self._replan.stop()
        if self._capacity is None or not self._cases or self._profile is None:
            return None
        if self._plan_job is not None and self._plan_job.running:
            self._plan_job.cancel()
        if requested:
            self._choice = proposals.PlannerChoice(planner, time_limit, weeks)
        request = jobs.PlanRequest(
            self._cases, self._capacity, self._profile, self._overrides, planner,
            time_limit, weeks, requested, self._previous_ranks,
        )  # fmt: skip
        ws, slot = self._workspace, self._working_plan

        rows: list[PreparedRows] = []  # the worker puts the Ranglijst's new columns here

        def done(proposal: Proposal) -> None:
            if job is self._plan_job:
                now = replace(request, cases=self._cases, capacity=self._capacity,
                              profile=self._profile, overrides=self._overrides)  # fmt: skip
                self._show_proposal(proposals.on_arrival(proposal, request, now),
                                    rows[0] if rows else None)  # fmt: skip

        def failed(exc: BaseException) -> None:
            if job is self._plan_job:  # not one superseded (or whose workspace was closed)
                self.message.emit(user_message(exc))

        job = self._start(
            lambda state: jobs.make_proposal_and_rows(request, ws, slot, state, rows), done, failed
        )
        self._plan_job = job
        return job

    def _show_proposal(self, proposal: Proposal, prepared: PreparedRows | None = None) -> None:
        """``prepared``: the Ranglijst's new columns, made in the plan's worker."""
        before = self._proposal
        self._previous_proposal = self._proposal
        self._proposal = proposal
        warnings = proposal.result.warnings  # what `stuurploeg plan` prints, shown once
        if warnings and (proposal.requested or before is None
                         or before.result.warnings != warnings):
            self.warning.emit("\n".join(warnings))
        self._ranking = proposal.result.ranking  # the same ranks, with the fragile marks
        self._prepared = prepared
        self._announce.stop()  # an outdated mark not yet shown: this proposal is
        self._announce_message = False
        self.ranking_changed.emit()
        self.proposal_changed.emit()
        if before is None:  # the first plan of a workspace brings the docks' charts
            _settle_heap()

    def compare(self, before: Proposal, after: Proposal) -> PlanComparison:
        """What changed from one plan to the next (cases in, out, moved; priority)."""
        from stuurploeg.app.planning import compare_plans

        return compare_plans(before.result, after.result)

    # == weights and position overrides ==================================================
    def set_profile(self, profile: WeightProfile) -> None:
        """New weights: re-rank at once, re-plan shortly after."""
        self._profile = profile
        self.settings.set_last_profile(profile.name)
        self.profile_changed.emit()
        self._outdate(proposals.WEIGHTS)
        self._rerank(remember=True)

    def save_profile(self, name: str) -> WeightProfile | None:
        """Keep the current weights as profile ``name`` (in the workspace when one is
        open: a new version when they changed)."""
        if self._profile is None or not name.strip():
            return None
        from stuurploeg.domain.scoring import WeightProfile

        profile = WeightProfile(name.strip(), dict(self._profile.weights), 1)
        ws = self._workspace
        if ws is not None:
            from stuurploeg.app.workspace_plans import save_weight_profile

            unsaved = profile
            profile = self._attempt(lambda: save_weight_profile(ws, unsaved))
            self._stored_profiles = tuple(
                [p for p in self._stored_profiles if p.name != profile.name] + [profile]
            )
        self._profile = profile
        self.settings.set_last_profile(profile.name)
        self.profile_changed.emit()
        return profile

    def set_override(self, case_id: str, position: int, motivation: str) -> None:
        """Put ``case_id`` at ``position`` in the ranking (a motivation is required; it is
        logged in the workspace with who decides)."""
        from stuurploeg.domain.scoring import PositionOverride

        if self._workspace is not None:
            ws, by = self._workspace, self._decided_by or None
            self._attempt(lambda: ws.set_override(case_id, position, motivation, by))
        kept = [o for o in self._overrides if o.case_id != case_id]
        self._overrides = (*kept, PositionOverride(case_id, position, motivation))
        self._outdate(proposals.POSITIONS)
        self._rerank(remember=True)

    def remove_override(self, case_id: str, motivation: str = "") -> None:
        """Back to the place the weights give (logged with ``motivation``)."""
        if self._workspace is not None:
            ws, by = self._workspace, self._decided_by or None
            self._attempt(lambda: ws.remove_override(case_id, motivation, by))
        self._overrides = tuple(o for o in self._overrides if o.case_id != case_id)
        self._outdate(proposals.POSITIONS)
        self._rerank(remember=True)

    # == decisions =======================================================================
    def proposed_decision(self, case_id: str) -> Decision | None:
        """What the decision form starts from for ``case_id``, after the proposal on screen."""
        case = self.case(case_id)
        if case is None:
            return None
        from stuurploeg.app.decisions import proposed_decision

        return proposed_decision(case, self._snapshot(case_id), self._decided_by)

    def _snapshot(self, case_id: str) -> Snapshot:
        """The proposal on screen for ``case_id``; empty without one (then the app takes
        the workspace's newest stored plan, if any)."""
        if self._proposal is None:
            from stuurploeg.domain.decisions import Snapshot  # not before the window

            return Snapshot()
        from stuurploeg.app.workspace_plans import snapshot_from_result

        return snapshot_from_result(self._proposal.result, case_id)

    def _ready_to_decide(self, case_id: str) -> Workspace:
        if self._workspace is None:
            raise ActionRefused([texts.needs_workspace()])
        if self._proposal is None and self.planning:
            raise ActionRefused([texts.proposal_coming()])
        if self.case(case_id) is None:
            raise ActionRefused([texts.unknown_case(case_id)])
        return self._workspace

    def record_decision(
        self, decision: Decision, corrects: int | None = None, *, replace_draft: bool = False
    ) -> Decision:
        """Record a draft in its meeting (default: the current one), with the proposal on
        screen as its snapshot; ``corrects``: the id of the final decision it corrects;
        ``replace_draft``: the user confirmed replacing the case's draft in this meeting.
        Raises :class:`ActionRefused` (nothing stored; ``existing`` names a first one)."""
        from stuurploeg.app.decisions import correct_decision, record_decision

        ws = self._ready_to_decide(decision.case_id)
        day = decision.meeting_date or self._meeting_day
        decision = self._with_meeting(decision)
        if corrects is not None:
            stored = self._attempt(lambda: correct_decision(ws, corrects, decision, day))
        else:
            stored = self._attempt(
                lambda: record_decision(ws, decision, day, replace=replace_draft)
            )
        self._decisions_changed()
        return stored

    def update_draft(self, decision_id: int, decision: Decision) -> Decision:
        """Change a draft (only drafts change; a final decision is corrected)."""
        from stuurploeg.app.decisions import update_draft

        ws = self._ready_to_decide(decision.case_id)
        decision = self._with_meeting(decision)
        stored = self._attempt(lambda: update_draft(ws, decision_id, decision))
        self._decisions_changed()
        return stored

    def delete_draft(self, decision_id: int) -> None:
        from stuurploeg.app.decisions import delete_draft

        ws = self._workspace
        if ws is None:
            raise ActionRefused([texts.needs_workspace()])
        self._attempt(lambda: delete_draft(ws, decision_id))
        self._decisions_changed()

    def finalise(self) -> list[Decision]:
        """Vaststellen: the current meeting's drafts become final entries of the log."""
        from stuurploeg.app.decisions import finalise_meeting

        ws = self._workspace
        if ws is None:
            raise ActionRefused([texts.needs_workspace()])
        day, by = self._meeting_day, self._decided_by
        final = self._attempt(lambda: finalise_meeting(ws, day, by))
        self._decisions_changed()
        self.finalised.emit(day)
        return final

    def _with_meeting(self, decision: Decision) -> Decision:
        from stuurploeg.domain.decisions import Snapshot  # not before the window

        snapshot = decision.snapshot
        if snapshot == Snapshot():
            snapshot = self._snapshot(decision.case_id)
        return replace(decision, decided_by=decision.decided_by or self._decided_by,
                       snapshot=snapshot)  # fmt: skip

    def _decisions_changed(self) -> None:
        if self._workspace is not None:
            # A few hundred rows at most (one meeting a month): read on this thread.
            self._decisions = tuple(self._workspace.decisions())
        self.decisions_changed.emit()

    # == the meeting and the selection ===================================================
    def set_meeting_day(self, day: date) -> None:
        if day != self._meeting_day:
            self._meeting_day = day
            self.meeting_changed.emit()

    def set_decided_by(self, name: str) -> None:
        if name != self._decided_by:
            self._decided_by = name
            self.meeting_changed.emit()

    def select_case(self, case_id: str) -> None:
        if case_id != self._selected:
            self._selected = case_id
            self.selection_changed.emit(case_id)

    # == reading workbooks for the import wizard =========================================
    def detect_layout(
        self, path: Path, kind: str | None, sheet: str | None, rows: int
    ) -> Job:
        """Read ``path`` as the import would (in a worker): a :class:`LayoutPreview`."""
        return start_job(lambda state: jobs.detect_layout(path, kind, sheet, rows, state),
                         parent=self)  # fmt: skip

    def check_workbook(
        self, path: Path, kind: str, sheet: str | None, mapping: dict[str, str]
    ) -> Job:
        """Check ``path`` with the user's mapping (in a worker): a ``CheckReport``."""
        return start_job(lambda state: jobs.check_workbook(path, kind, sheet, mapping, state),
                         parent=self)  # fmt: skip

    def preview_rows(self, path: Path, sheet: str, rows: int) -> Sequence[Sequence[object]]:
        """The first ``rows`` raw rows of ``sheet``; small and rare: read at once."""
        return jobs.preview_rows(path, sheet, rows)

    @staticmethod
    def field_labels(kind: str) -> list[tuple[str, str]]:
        """(field, Dutch label) of every field a case list or capacity sheet can have."""
        from stuurploeg.app.importing import field_labels

        return list(field_labels(kind))

    @staticmethod
    def guess_mapping(headers: Sequence[str], kind: str) -> dict[str, str]:
        from stuurploeg.app.importing import guess_mapping

        return dict(guess_mapping(list(headers), kind))

    @staticmethod
    def installation_problem() -> str | None:
        """Why this installation cannot run safely (Dutch), or None when it can."""
        from stuurploeg.app.safety import startup_checks

        try:
            startup_checks()
        except RuntimeError as exc:
            return str(exc)
        return None

    # == helpers =========================================================================
    def _start(
        self,
        work: Callable[[TaskState], T],
        on_result: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Job:
        """Run ``work`` in a worker; ``busy`` tells when the first starts / the last ends."""
        job = start_job(work, on_result=on_result, on_error=on_error, parent=self)
        if not self._jobs:
            self.busy.emit(True)
        self._jobs.add(job)
        job.finished.connect(lambda: self._job_ended(job))
        return job

    def _job_ended(self, job: Job) -> None:
        self._jobs.discard(job)
        # A finished job is not kept as a child of the controller: with it go the slots
        # connected to it and what their closures hold (a plan request's case list, an
        # import's report), which otherwise piled up with every re-plan and import.
        job.deleteLater()
        if not self._jobs:
            self.busy.emit(False)

    @staticmethod
    def _attempt(action: Callable[[], T]) -> T:
        """Run an app-layer write; its refusal becomes :class:`ActionRefused`."""
        from stuurploeg.app.decisions import DecisionError

        try:
            return action()
        except DecisionError as exc:
            existing = getattr(exc, "existing", None)  # a DuplicateDecision names the first
            raise ActionRefused(exc.problems, exc.field, existing) from exc
        except Exception as exc:
            if not type(exc).__module__.startswith("stuurploeg."):
                log.exception("Onverwachte fout bij een wijziging in de werkruimte")
            raise ActionRefused([user_message(exc)]) from exc


def _settle_heap() -> None:
    """Take what is alive now out of the cyclic garbage collector's walks (``gc.freeze``).

    The cases, the Ranglijst's rows, the docks' widgets and charts live until they are
    replaced; a full collection walked them all again each time, about 90 ms at 2,000
    cases with the GIL held, so it stopped the GUI thread whichever thread's allocation
    set it off (seen as heartbeat gaps with nothing running on the GUI thread). Called
    when a workspace, an import or a workspace's first plan is shown, not for every plan:
    frozen objects are still freed when their last reference goes, but garbage cycles
    among them are never collected, so what is frozen should be what stays: the young
    generations are collected first (well under a millisecond), so that the cycles a
    finished job or the replaced contents just left are not frozen with it.
    """
    gc.collect(1)
    gc.freeze()


__all__ = ["LayoutPreview", "WorkspaceController"]
