"""The Gantt's lanes: bars of one team never overlap in a lane, every team has a band, and
the bands follow each other in team order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.planning.board import PLANNED, RUNNING, Bar
from stuurploeg.gui.planboard.lanes import BAND_GAP, lay_out

_bar = st.builds(
    lambda i, team, start, weeks, running: Bar(
        f"MH-{i:04d}", "", team, start, weeks, 1.0, RUNNING if running else PLANNED,
        (1.0, 0.0, 0.0, 0.0, 0.0),
    ),
    st.integers(0, 9999), st.integers(0, 3), st.integers(-10, 50), st.integers(1, 30),
    st.booleans(),
)


@given(st.lists(_bar, max_size=60))
def test_bars_in_one_lane_never_overlap(bars):
    layout = lay_out(bars, 4)
    assert [b.team for b in layout.bands] == [0, 1, 2, 3]
    for earlier, later in zip(layout.bands, layout.bands[1:], strict=False):
        assert later.top == pytest.approx(earlier.bottom + BAND_GAP)
    for i, a in enumerate(bars):
        band = layout.bands[a.team]
        assert band.top <= layout.lanes[i] < band.bottom
        for j in range(i):
            b = bars[j]
            if a.team == b.team and layout.lanes[i] == layout.lanes[j]:
                assert a.end <= b.start or b.end <= a.start


def test_a_team_without_bars_still_has_a_lane_to_drop_on():
    layout = lay_out([], 2)
    spans = [(b.top, b.bottom) for b in layout.bands]
    assert spans == [(0.0, 1.0), (1.0 + BAND_GAP, 2.0 + BAND_GAP)]
    assert layout.band_at(1.6).team == 1  # in the gap: the nearest band
    assert layout.band_at(1.2).team == 0
