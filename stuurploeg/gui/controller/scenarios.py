"""Scenarios ("what if") and suggestions for one case, as the window reaches them.

:class:`ScenarioController` is a helper of the :class:`WorkspaceController` (it is its
``scenarios`` attribute): it keeps the workspace's scenarios, turns the scenario panel's
drafts (text as the officer typed it) into scenarios and checks them, plans and compares
them with the base plan in the job runner, makes one the meeting's proposal, and asks the
app layer for suggestions for one case. Views read its state and listen to its signals,
as with the workspace controller.

The base is the newest proposal made without a scenario: a scenario is planned with its
planner, start and horizon. When the base changes (another plan, new cases or weights),
the comparisons made with the old base are dropped: they would compare with a plan that
is no longer on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, SignalInstance

from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller.state import ActionRefused, Proposal
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.workers import Job

if TYPE_CHECKING:
    from stuurploeg.app.planning import PlanResult
    from stuurploeg.app.scenarios import ScenarioOutcome
    from stuurploeg.app.suggestions import Suggestion, SuggestionResult
    from stuurploeg.app.workspace import Workspace
    from stuurploeg.domain.planning import Scenario
    from stuurploeg.domain.scoring import PositionOverride, Ranking, WeightProfile
    from stuurploeg.gui.controller.scenario_drafts import Converted, DraftProblem, ScenarioDraft

translate = QCoreApplication.translate
T = TypeVar("T")


class Owner(Protocol):
    """What this helper uses of the :class:`WorkspaceController` that holds it (named
    here, not imported: the controller module imports this one)."""

    opened: SignalInstance
    closed: SignalInstance
    proposal_changed: SignalInstance
    error: SignalInstance
    message: SignalInstance

    @property
    def workspace(self) -> Workspace | None: ...
    @property
    def cases(self) -> tuple[Case, ...]: ...
    @property
    def capacity(self) -> CapacityData | None: ...
    @property
    def overrides(self) -> tuple[PositionOverride, ...]: ...
    @property
    def ranking(self) -> Ranking | None: ...
    @property
    def proposal(self) -> Proposal | None: ...
    def profile_choices(self) -> dict[str, WeightProfile]: ...
    def _start(self, work: Callable[[TaskState], T], on_result: Callable[[T], None],
               on_error: Callable[[BaseException], None]) -> Job: ...
    def _attempt(self, action: Callable[[], T]) -> T: ...
    def _show_proposal(self, proposal: Proposal) -> None: ...

# the time budget of a scenario plan made with the fill or optimal planner (seconds)
SCENARIO_TIME_LIMIT = 30.0
DEFAULT_WEEKS = 26


@dataclass(frozen=True)
class ShownPlan:
    """Which plan is on screen: the base, or a scenario (its name)."""

    scenario: str | None
    planner: str | None = None

    @property
    def is_base(self) -> bool:
        return self.scenario is None


#: the stored scenarios are listed this long after a workspace opened
LISTING_DELAY_MS = 200


# -- the controller ----------------------------------------------------------------------
class ScenarioController(QObject):
    changed = Signal()  # the list of stored scenarios changed
    compared = Signal(str)  # a scenario (its name) was planned and compared with the base
    outcomes_cleared = Signal()  # the base changed: every comparison is out of date
    shown_changed = Signal()  # the plan on screen: the base or another scenario
    suggestions_ready = Signal(str)  # suggestions for this case arrived

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner)  # type: ignore[arg-type]  # a QObject
        self._owner = owner
        self._scenarios: tuple[Scenario, ...] = ()
        self._outcomes: dict[str, ScenarioOutcome] = {}
        self._base: Proposal | None = None
        self._compare_job: Job | None = None
        self._suggest_job: Job | None = None
        self._suggestions: SuggestionResult | None = None
        # the time budget of a scenario plan with the fill or optimal planner (seconds)
        self.time_limit = SCENARIO_TIME_LIMIT
        self._listing = 0  # which listing of the scenarios is the latest
        # Listed a moment after opening, not with it: the listing's worker imports the
        # planning code, which held the GIL while the first ranking was painted.
        owner.opened.connect(
            lambda _path: QTimer.singleShot(LISTING_DELAY_MS, self, self._list_in_worker))
        owner.closed.connect(self._forget)
        owner.proposal_changed.connect(self._proposal_changed)

    # == state ===========================================================================
    @property
    def items(self) -> tuple[Scenario, ...]:
        """The workspace's scenarios, by name."""
        return self._scenarios

    def names(self) -> list[str]:
        return [s.name for s in self._scenarios]

    def scenario(self, name: str) -> Scenario | None:
        return next((s for s in self._scenarios if s.name == name), None)

    @property
    def base(self) -> Proposal | None:
        """The plan scenarios are planned like and compared with."""
        return self._base

    def outcome(self, name: str) -> ScenarioOutcome | None:
        """The comparison of ``name`` with the base, once made (and still current)."""
        return self._outcomes.get(name)

    @property
    def shown(self) -> ShownPlan:
        proposal = self._owner.proposal
        if proposal is None:
            return ShownPlan(None)
        scenario = proposal.result.scenario
        return ShownPlan(None if scenario is None else scenario.name, proposal.planner)

    @property
    def comparing(self) -> bool:
        job = self._compare_job
        return job is not None and job.running

    @property
    def suggestions(self) -> SuggestionResult | None:
        """The latest suggestions (for :attr:`SuggestionResult.case_id`)."""
        return self._suggestions

    def describe(self, name: str) -> list[str]:
        """Every change of scenario ``name``, one Dutch line each."""
        scenario = self.scenario(name)
        if scenario is None:
            return []
        from stuurploeg.domain.planning.scenario import describe_changes

        return describe_changes(scenario)

    def team_names(self) -> list[str]:
        capacity = self._owner.capacity
        return [] if capacity is None else [t.team for t in capacity.teams]

    def candidate_ids(self) -> list[str]:
        """The cases a scenario can change (nieuw, geparkeerd), in ranking order."""
        ranking = self._owner.ranking
        ids = [c.case_id for c in self._owner.cases if c.status.is_candidate]
        if ranking is None:
            return ids
        order = {cid: i for i, cid in enumerate(ranking.case_ids())}
        return sorted(ids, key=lambda cid: order.get(cid, len(order)))

    def profile_names(self) -> list[str]:
        return list(self._owner.profile_choices())

    # == drafts ==========================================================================
    def draft_of(self, name: str) -> ScenarioDraft:
        """The stored scenario ``name`` as the editor shows it (empty when unknown)."""
        from stuurploeg.gui.controller import scenario_drafts as drafts  # see its docstring

        scenario = self.scenario(name)
        return drafts.ScenarioDraft() if scenario is None else drafts.draft_of(scenario)

    def check(self, draft: ScenarioDraft) -> list[DraftProblem]:
        """Every problem of ``draft`` (errors and warnings) against the data on screen."""
        converted = self._convert(draft)
        if converted.scenario is None:
            return converted.problems
        return converted.problems + self._check_scenario(converted)

    def save(self, draft: ScenarioDraft, original: str | None = None) -> Scenario:
        """Store ``draft`` (as a new scenario when ``original`` is None, else in place of
        scenario ``original``, renamed when the name changed). Raises
        :class:`DraftRefused` (nothing stored) when it has errors."""
        from stuurploeg.gui.controller.scenario_drafts import DraftProblem, DraftRefused

        ws = self._needs_workspace()
        converted = self._convert(draft)
        problems = converted.problems
        if converted.scenario is not None:
            problems = problems + self._check_scenario(converted)
        errors = [p for p in problems if not p.warning]
        if errors or converted.scenario is None:
            raise DraftRefused(errors)
        from stuurploeg.app.scenarios import rename_scenario, save_scenario

        scenario = converted.scenario
        if original is not None and self.scenario(original) is None:
            original = None
        try:
            if original is not None and " ".join(scenario.name.split()) != original:
                rename_scenario(ws, original, scenario.name)
            stored = save_scenario(ws, scenario, replace_existing=original is not None)
        except Exception as exc:
            raise DraftRefused([DraftProblem(user_message(exc), None, None, "name")]) from exc
        self._outcomes.pop(stored.name, None)
        if original is not None:
            self._outcomes.pop(original, None)
        self._reload()
        return stored

    def duplicate(self, name: str) -> Scenario:
        """A copy of ``name`` ("<name> (kopie)"), stored at once."""
        ws = self._needs_workspace()
        from stuurploeg.app.scenarios import duplicate_scenario

        copy = self._owner._attempt(lambda: duplicate_scenario(ws, name))
        self._reload()
        return copy

    def delete(self, name: str) -> None:
        """Remove ``name`` from the list (a plan that used it keeps its copy)."""
        ws = self._needs_workspace()
        from stuurploeg.app.scenarios import delete_scenario

        if not self._owner._attempt(lambda: delete_scenario(ws, name)):
            raise ActionRefused([translate("Scenarios", "There is no scenario named %1.")
                                 .replace("%1", name)])
        self._outcomes.pop(name, None)
        self._reload()

    # == planning and comparing ==========================================================
    def compare(self, name: str) -> Job:
        """Plan ``name`` like the base plan in a worker and compare it; ``compared`` fires
        when done. Raises :class:`ActionRefused` when it cannot be planned now."""
        base = self._base
        if base is None:
            raise ActionRefused([translate("Scenarios", "There is no base plan yet: import cases "
                                                 "and capacity, or wait for the plan.")])
        scenario = self.scenario(name)
        if scenario is None:
            raise ActionRefused([translate("Scenarios", "There is no scenario named %1.")
                                 .replace("%1", name)])
        from stuurploeg.gui.controller import scenario_drafts as drafts

        converted = self._convert(self.draft_of(name))
        errors = [p for p in self._check_scenario(drafts.Converted(scenario, [],
                                                                   converted.rows_of_deltas))
                  if not p.warning]
        if errors:
            raise drafts.DraftRefused(errors)
        owner = self._owner
        capacity = owner.capacity
        if capacity is None:
            raise ActionRefused([translate("Scenarios", "Import a capacity sheet first.")])
        request = drafts.PlanRequest(base.result, owner.cases, capacity, owner.overrides, scenario,
                           self.time_limit, owner.workspace)
        if self._compare_job is not None and self._compare_job.running:
            self._compare_job.cancel()

        def done(outcome: ScenarioOutcome) -> None:
            if base is self._base and job is self._compare_job:
                self._outcomes[name] = outcome
                self.compared.emit(name)

        def failed(exc: BaseException) -> None:
            if job is self._compare_job:
                owner.error.emit(user_message(exc))

        job = owner._start(lambda state: drafts.plan_outcome(request, state), done, failed)
        self._compare_job = job
        return job

    def make_proposal(self, name: str) -> Proposal:
        """Make the compared scenario ``name`` the meeting's proposal: its plan is stored
        (with the scenario it was made with) and shown; decisions taken now record it."""
        outcome = self._outcomes.get(name)
        if outcome is None:
            raise ActionRefused([translate("Scenarios", "Compare scenario %1 with the base first.")
                                 .replace("%1", name)])
        owner = self._owner
        ws = owner.workspace
        plan_id = None
        if ws is not None:
            from stuurploeg.app.planning import PLANNER_LABELS
            from stuurploeg.app.workspace_plans import save_plan_result

            plan = outcome.plan
            planner = PLANNER_LABELS.get(plan.planner, plan.planner)  # as on screen, in Dutch
            title = f"Scenario {name} ({planner} {plan.start})"
            plan_id = owner._attempt(lambda: save_plan_result(ws, plan, title))
        proposal = Proposal(outcome.plan, datetime.now().astimezone(), plan_id, True)
        owner._show_proposal(proposal)
        return proposal

    def show_base(self) -> None:
        """Back to the base plan as the proposal."""
        if self._base is not None and self._owner.proposal is not self._base:
            self._owner._show_proposal(self._base)

    # == suggestions =====================================================================
    def suggest(self, case_id: str) -> Job | None:
        """The best few places for ``case_id`` in the plan on screen (in a worker);
        ``suggestions_ready`` fires when done. None when there is no plan."""
        owner = self._owner
        proposal, capacity = owner.proposal, owner.capacity
        if proposal is None or capacity is None or not case_id:
            self._suggestions = None
            return None
        if self._suggest_job is not None and self._suggest_job.running:
            self._suggest_job.cancel()
        cases, ws = owner.cases, owner.workspace

        def done(result: SuggestionResult) -> None:
            if job is self._suggest_job:
                self._suggestions = result
                self.suggestions_ready.emit(case_id)

        def failed(exc: BaseException) -> None:
            if job is self._suggest_job:
                owner.message.emit(user_message(exc))

        job = owner._start(lambda state: _suggest(proposal.result, cases, capacity, case_id,
                                                  ws, state), done, failed)
        self._suggest_job = job
        return job

    def add_suggestion(self, suggestion: Suggestion, into: str | None = None) -> Scenario:
        """Turn a suggestion into scenario changes: the case must be in, starting no
        earlier than the suggested week. ``into``: add them to that scenario (replacing
        its changes of this case); None: a new scenario. The planner then places the case
        at its first fit from that week, on the suggested team when that is the first."""
        ws = self._needs_workspace()
        from stuurploeg.app.scenarios import save_scenario
        from stuurploeg.domain.planning import CaseAction, CaseChange, Scenario

        changes = [CaseChange(suggestion.case_id, CaseAction.IN)]
        base = self._base
        if base is None or suggestion.start_week > base.result.start:
            changes.append(CaseChange(suggestion.case_id, CaseAction.START,
                                      suggestion.start_week))
        if into is not None and self.scenario(into) is not None:
            old = self.scenario(into)
            assert old is not None
            kept = tuple(c for c in old.cases if c.case_id != suggestion.case_id)
            scenario = Scenario(old.name, old.deltas, (*kept, *changes), old.profile,
                                old.description)
            replace = True
        else:
            wanted = f"{suggestion.case_id} bij {suggestion.team} vanaf {suggestion.start_week}"
            scenario = Scenario(self._free_name(wanted), (), tuple(changes), None,
                                f"Suggestie: {suggestion.text}")
            replace = False
        stored = self._owner._attempt(
            lambda: save_scenario(ws, scenario, replace_existing=replace))
        self._outcomes.pop(stored.name, None)
        self._reload()
        return stored

    # == internals =======================================================================
    def _free_name(self, wanted: str) -> str:
        names, name, n = set(self.names()), wanted, 1
        while name in names:
            n += 1
            name = f"{wanted} ({n})"
        return name

    def _needs_workspace(self) -> Workspace:
        ws = self._owner.workspace
        if ws is None:
            raise ActionRefused([translate("Scenarios", "Open a workspace first: scenarios are "
                                                 "kept in it.")])
        return ws

    def _list_in_worker(self) -> None:
        # On opening, in a worker: reading them imports the planning code (a quarter of a
        # second), which would hold up the first ranking on the GUI thread.
        ws = self._owner.workspace
        if ws is None:
            self._reload()
            return
        self._listing += 1
        listing = self._listing

        def done(scenarios: tuple[Scenario, ...]) -> None:
            # not when the workspace was closed, or a save listed them again since
            if listing == self._listing and self._owner.workspace is ws:
                self._show(scenarios)

        def failed(exc: BaseException) -> None:
            if listing == self._listing and self._owner.workspace is ws:
                self._owner.error.emit(user_message(exc))

        self._owner._start(lambda _state: _list_scenarios(ws), done, failed)

    def _reload(self) -> None:
        self._listing += 1
        ws = self._owner.workspace
        self._show(() if ws is None else _list_scenarios(ws))

    def _show(self, scenarios: tuple[Scenario, ...]) -> None:
        self._scenarios = scenarios
        names = set(self.names())
        self._outcomes = {k: v for k, v in self._outcomes.items() if k in names}
        self.changed.emit()

    def _forget(self) -> None:
        for job in (self._compare_job, self._suggest_job):
            if job is not None and job.running:
                job.cancel()
        self._compare_job = self._suggest_job = None
        self._scenarios, self._outcomes, self._base = (), {}, None
        self._suggestions = None
        self.changed.emit()
        self.outcomes_cleared.emit()
        self.shown_changed.emit()

    def _proposal_changed(self) -> None:
        proposal = self._owner.proposal
        is_base = proposal is None or proposal.result.scenario is None
        if is_base and proposal is not self._base:
            self._base = proposal
            if self._outcomes:
                self._outcomes = {}
                self.outcomes_cleared.emit()
        self.shown_changed.emit()

    def _plan_period(self) -> tuple[IsoWeek, int]:
        base = self._base
        if base is not None:
            return base.result.start, int(base.result.weeks)
        return IsoWeek.current(), DEFAULT_WEEKS

    def _convert(self, draft: ScenarioDraft) -> Converted:
        """The draft as a scenario, or the problems that stop it being one."""
        from stuurploeg.gui.controller import scenario_drafts as drafts

        return drafts.convert(draft, self._profile(draft))

    def _profile(self, draft: ScenarioDraft) -> WeightProfile | None:
        if not draft.profile:
            return None
        choices: Mapping[str, WeightProfile] = self._owner.profile_choices()
        if draft.profile in choices:
            return choices[draft.profile]
        stored = next((s.profile for s in self._scenarios
                       if s.profile is not None and s.profile.name == draft.profile), None)
        return stored

    def _check_scenario(self, converted: Converted) -> list[DraftProblem]:
        capacity = self._owner.capacity
        if converted.scenario is None or capacity is None:
            return []
        from stuurploeg.gui.controller import scenario_drafts as drafts

        start, weeks = self._plan_period()
        return drafts.check_converted(converted, self._owner.cases, capacity, start, weeks)


def _list_scenarios(ws: Workspace) -> tuple[Scenario, ...]:
    from stuurploeg.app.scenarios import list_scenarios

    return tuple(list_scenarios(ws))


def _suggest(plan: PlanResult, cases: Sequence[Case], capacity: CapacityData, case_id: str,
             ws: Workspace | None, state: TaskState) -> SuggestionResult:
    """Suggestions in ``plan``, on the case list as it was planned (the finalised
    decisions applied, as for the base plan)."""
    from stuurploeg.app.replan import replan_basis
    from stuurploeg.app.suggestions import suggest_for_case

    state.check()
    if ws is not None:
        cases = replan_basis(ws, plan.start, cases).cases
    return suggest_for_case(plan, cases, capacity, case_id)


__all__ = [
    "ScenarioController",
    "ScenarioOutcome",
    "ShownPlan",
    "Suggestion",
    "SuggestionResult",
]
