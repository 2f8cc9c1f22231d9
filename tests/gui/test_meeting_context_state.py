"""The controller's meeting and proposal state on its own: open meetings with their draft
counts, and the rules that mark a proposal outdated (pure functions, no window)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import Criterion, DecisionKind
from stuurploeg.gui.controller import Proposal
from stuurploeg.gui.controller import proposals as pr
from stuurploeg.gui.controller.jobs import PlanRequest
from stuurploeg.gui.controller.meetings import draft_count, open_meetings
from tests.gui.factories import make_capacity, make_cases, real_plan

pytestmark = pytest.mark.gui

DAYS = [date(2026, 11, 2) + timedelta(weeks=i) for i in range(5)]


@given(st.lists(st.tuples(st.sampled_from(DAYS), st.booleans()), max_size=40))
def test_open_meetings_count_every_draft_once_newest_first(entries):
    decisions = [
        Decision(f"MH-{i}", DecisionKind.DECLINE, "officier", meeting_date=day,
                 state="final" if final else "draft")
        for i, (day, final) in enumerate(entries)
    ]  # fmt: skip
    meetings = open_meetings(decisions)
    assert sum(m.drafts for m in meetings) == draft_count(decisions)
    assert [m.day for m in meetings] == sorted({d for d, f in entries if not f}, reverse=True)
    assert all(m.drafts > 0 for m in meetings)


@pytest.fixture(scope="module")
def proposal():
    plan = real_plan(make_cases(20))
    return Proposal(plan, datetime(2026, 11, 30, 14, 5, tzinfo=UTC), 1, True)


def test_outdated_keeps_the_plan_and_the_first_reason(proposal):
    once = pr.outdated(proposal, pr.WEIGHTS)
    twice = pr.outdated(once, pr.CASES)
    assert once.result is proposal.result and once.planner == proposal.planner
    assert once.assignment(proposal.result.assignments[0].case_id) is not None
    assert twice.outdated_by == pr.WEIGHTS
    assert pr.outdated(None, pr.WEIGHTS) is None


def test_the_same_weights_under_another_name_still_fit(proposal):
    profile = proposal.result.profile
    assert pr.same_weights(proposal, dataclasses.replace(profile, name="Vergadering", version=3))
    assert not pr.same_weights(proposal, profile.with_weight(Criterion.URGENCY, 0.0))
    assert not pr.same_weights(proposal, None)


def test_a_plan_whose_input_changed_while_it_was_made_arrives_outdated(proposal):
    cases, capacity = tuple(make_cases(20)), make_capacity()
    profile = proposal.result.profile
    asked = PlanRequest(cases, capacity, profile, ())
    assert pr.on_arrival(proposal, asked, asked) is proposal
    reweighed = PlanRequest(cases, capacity, profile.with_weight(Criterion.URGENCY, 0.0), ())
    assert pr.on_arrival(proposal, asked, reweighed).outdated_by == pr.WEIGHTS
    same_again = PlanRequest(tuple(make_cases(20)), make_capacity(), profile, ())
    assert pr.on_arrival(proposal, asked, same_again) is proposal  # the same lists again
    reimported = PlanRequest(tuple(make_cases(21)), capacity, profile, ())
    assert pr.on_arrival(proposal, asked, reimported).outdated_by == pr.CASES


def test_the_description_names_the_planner_the_time_and_why(proposal):
    today = proposal.made_at
    assert pr.made_at_text(today, today) == "om 14:05"
    assert pr.made_at_text(today, today + timedelta(days=1)) == "op 30-11-2026 om 14:05"
    assert pr.describe(proposal).startswith("Voorstel van planner Rangorde, gemaakt ")
    text = pr.describe(pr.outdated(proposal, pr.POSITIONS), pr.PlannerChoice("optimal"))
    assert text.startswith("Verouderd: een positie in de ranglijst is aangepast na dit voorstel.")
    assert text.endswith("Plan opnieuw met Optimaal om het bij te werken.")
    assert pr.describe(None) == "Nog geen voorstel."
    assert pr.PlannerChoice().replans_by_itself
    assert not pr.PlannerChoice("optimal").replans_by_itself
