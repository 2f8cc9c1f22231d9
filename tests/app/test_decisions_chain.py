"""Properties of the hash chain (pure domain): any change to any entry is found, by seq."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.decisions import (
    GENESIS_HASH,
    Decision,
    Snapshot,
    canonical_content,
    compute_hash,
    verify_chain,
)
from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.weeks import IsoWeek

T0 = datetime(2026, 10, 1, 14, 0, tzinfo=UTC)


def _chain(n: int) -> list[Decision]:
    out, prev = [], GENESIS_HASH
    for i in range(1, n + 1):
        d = Decision(
            f"MH-{i}", DecisionKind.TAKE_UP, "officier", meeting_date=date(2026, 10, 1),
            team="Team Noord", start_week=IsoWeek(2026, 41), fte=1.5, motivation=f"m{i}",
            inform_victims=True, snapshot=Snapshot(70.0 + i, i, "Standaard", 1,
                                                   {"severity": 25.0}),
            id=100 + i, created_at=T0, state="final", seq=i, finalised_at=T0, prev_hash=prev,
        )
        d = replace(d, entry_hash=compute_hash(prev, d))
        prev = d.entry_hash
        out.append(d)
    return out


_MUTATIONS = {
    "case_id": lambda d: replace(d, case_id=d.case_id + "x"),
    "kind": lambda d: replace(d, kind=DecisionKind.DECLINE),
    "fte": lambda d: replace(d, fte=(d.fte or 0) + 0.25),
    "motivation": lambda d: replace(d, motivation=(d.motivation or "") + " "),
    "decided_by": lambda d: replace(d, decided_by="iemand anders"),
    "inform_victims": lambda d: replace(d, inform_victims=not d.inform_victims),
    "meeting_date": lambda d: replace(d, meeting_date=date(2026, 10, 2)),
    "score": lambda d: replace(d, snapshot=replace(d.snapshot, score=1.0)),
    "weights": lambda d: replace(d, snapshot=replace(d.snapshot,
                                                     profile_weights={"severity": 26.0})),
    "created_at": lambda d: replace(d, created_at=T0.replace(minute=1)),
    "prev_hash": lambda d: replace(d, prev_hash="f" * 64),
}


@pytest.mark.slow
@given(n=st.integers(1, 12), data=st.data())
def test_any_change_to_any_entry_is_found_at_that_entry(n, data):
    chain = _chain(n)
    assert verify_chain(chain).ok and verify_chain(chain).entries == n
    i = data.draw(st.integers(0, n - 1))
    name = data.draw(st.sampled_from(sorted(_MUTATIONS)))
    tampered = list(chain)
    tampered[i] = _MUTATIONS[name](chain[i])
    report = verify_chain(tampered)
    assert not report.ok
    assert report.problem.seq == i + 1 and report.problem.decision_id == 101 + i
    assert report.entries == i  # everything before it still verifies


@given(n=st.integers(2, 12), data=st.data())
def test_removed_entry_is_found(n, data):
    chain = _chain(n)
    i = data.draw(st.integers(0, n - 2))
    report = verify_chain(chain[:i] + chain[i + 1:])
    assert not report.ok and "ontbreekt" in report.problem.message


def test_canonical_content_is_stable_and_hash_is_sha256():
    d = _chain(1)[0]
    assert canonical_content(d) == canonical_content(replace(d, id=999, entry_hash="x"))
    assert len(d.entry_hash) == 64 and int(d.entry_hash, 16) >= 0
