"""The Ranglijst's columns, data roles and badges: named once, used by model, view,
delegates and tests (never index columns by bare numbers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from stuurploeg.domain.model import CRITERIA

# What the meeting decides on comes first (on a projector the right-hand columns scroll
# out of sight): who, how high, the badges, the proposal and the decision; details after.
RANK = 0
CASE_ID = 1
NAME = 2
SCORE = 3
BADGES = 4
PLAN = 5
DECISION = 6
EXPLOITATION = 7
STATUS = 8
FTE = 9
WEEKS = 10
SPECIALIST = 11
FIRST_CRITERION = 12
LAST_CRITERION = FIRST_CRITERION + len(CRITERIA) - 1
COLUMN_COUNT = LAST_CRITERION + 1

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the case behind a row, stable across sorts
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # raw number (score bar, charts)
BADGES_ROLE = Qt.ItemDataRole.UserRole + 3  # list of (badge key, label)

HEADERS = {
    RANK: QT_TRANSLATE_NOOP("RankingModel", "Rank"),
    CASE_ID: QT_TRANSLATE_NOOP("RankingModel", "Case"),
    NAME: QT_TRANSLATE_NOOP("RankingModel", "Name"),
    EXPLOITATION: QT_TRANSLATE_NOOP("RankingModel", "Form"),
    STATUS: QT_TRANSLATE_NOOP("RankingModel", "Status"),
    SCORE: QT_TRANSLATE_NOOP("RankingModel", "Score"),
    FTE: QT_TRANSLATE_NOOP("RankingModel", "fte"),
    WEEKS: QT_TRANSLATE_NOOP("RankingModel", "Weeks"),
    SPECIALIST: QT_TRANSLATE_NOOP("RankingModel", "Specialist fte"),
    PLAN: QT_TRANSLATE_NOOP("RankingModel", "Proposal"),
    DECISION: QT_TRANSLATE_NOOP("RankingModel", "Decision"),
    BADGES: QT_TRANSLATE_NOOP("RankingModel", "Flags"),
}

BADGE_PRIORITY = "priority"
BADGE_INCOMPLETE = "incomplete"
BADGE_FRAGILE = "fragile"
BADGE_LABELS = {
    BADGE_PRIORITY: QT_TRANSLATE_NOOP("RankingModel", "priority"),
    BADGE_INCOMPLETE: QT_TRANSLATE_NOOP("RankingModel", "incomplete"),
    BADGE_FRAGILE: QT_TRANSLATE_NOOP("RankingModel", "fragile"),
}

# What each badge means, for its tooltip (the officer reads it on the projector).
BADGE_TIPS = {
    BADGE_PRIORITY: QT_TRANSLATE_NOOP(
        "RankingModel",
        "Priority: ongoing exploitation with minors; ranked before the cases without it.",
    ),
    BADGE_INCOMPLETE: QT_TRANSLATE_NOOP(
        "RankingModel",
        "Incomplete: not every criterion is scored; the score counts only those that are.",
    ),
    BADGE_FRAGILE: QT_TRANSLATE_NOOP(
        "RankingModel",
        "Fragile: moving one weight by 5 points moves this case in or out of the plan.",
    ),
}
PLAN_TIP = QT_TRANSLATE_NOOP(
    "RankingModel", "Proposed: %1 (team and weeks of the plan proposal on screen)."
)
NOT_PLANNED_TIP = QT_TRANSLATE_NOOP("RankingModel", "Not in the plan proposal.")
DECISION_TIP = QT_TRANSLATE_NOOP(
    "RankingModel", "Latest decision: ✓ vastgesteld, ✎ draft (not yet vastgesteld)."
)

NUMERIC = {RANK, SCORE, FTE, WEEKS, SPECIALIST, *range(FIRST_CRITERION, LAST_CRITERION + 1)}
