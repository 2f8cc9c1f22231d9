"""The Ranglijst's columns, data roles and badges: named once, used by model, view,
delegates and tests (never index columns by bare numbers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from stuurploeg.domain.model import CRITERIA

RANK = 0
CASE_ID = 1
NAME = 2
EXPLOITATION = 3
STATUS = 4
SCORE = 5
FIRST_CRITERION = 6
LAST_CRITERION = FIRST_CRITERION + len(CRITERIA) - 1
FTE = LAST_CRITERION + 1
WEEKS = FTE + 1
SPECIALIST = WEEKS + 1
PLAN = SPECIALIST + 1
DECISION = PLAN + 1
BADGES = DECISION + 1
COLUMN_COUNT = BADGES + 1

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
    BADGES: QT_TRANSLATE_NOOP("RankingModel", "Notes"),
}

BADGE_PRIORITY = "priority"
BADGE_INCOMPLETE = "incomplete"
BADGE_FRAGILE = "fragile"
BADGE_LABELS = {
    BADGE_PRIORITY: QT_TRANSLATE_NOOP("RankingModel", "priority"),
    BADGE_INCOMPLETE: QT_TRANSLATE_NOOP("RankingModel", "incomplete"),
    BADGE_FRAGILE: QT_TRANSLATE_NOOP("RankingModel", "fragile"),
}

NUMERIC = {RANK, SCORE, FTE, WEEKS, SPECIALIST, *range(FIRST_CRITERION, LAST_CRITERION + 1)}
