"""Translatable labels for domain terms shown in several widgets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stuurploeg.domain.model import Criterion, DecisionKind, Specialism

_CONTEXT = "Labels"

_CRITERION = {
    Criterion.SEVERITY: QT_TRANSLATE_NOOP("Labels", "Severity"),
    Criterion.URGENCY: QT_TRANSLATE_NOOP("Labels", "Urgency"),
    Criterion.INFORMATION: QT_TRANSLATE_NOOP("Labels", "Information position"),
    Criterion.PROSPECTS: QT_TRANSLATE_NOOP("Labels", "Evidential prospects"),
    Criterion.EXPANSION: QT_TRANSLATE_NOOP("Labels", "Potential to investigate further"),
    Criterion.IMPACT: QT_TRANSLATE_NOOP("Labels", "Societal impact"),
}

_CRITERION_SHORT = {
    Criterion.SEVERITY: QT_TRANSLATE_NOOP("Labels", "Sev."),
    Criterion.URGENCY: QT_TRANSLATE_NOOP("Labels", "Urg."),
    Criterion.INFORMATION: QT_TRANSLATE_NOOP("Labels", "Info"),
    Criterion.PROSPECTS: QT_TRANSLATE_NOOP("Labels", "Evid."),
    Criterion.EXPANSION: QT_TRANSLATE_NOOP("Labels", "Furth."),
    Criterion.IMPACT: QT_TRANSLATE_NOOP("Labels", "Imp."),
}

_DECISION = {
    DecisionKind.TAKE_UP: QT_TRANSLATE_NOOP("Labels", "Take up"),
    DecisionKind.EXPAND: QT_TRANSLATE_NOOP("Labels", "Investigate further"),
    DecisionKind.PARK: QT_TRANSLATE_NOOP("Labels", "Park"),
    DecisionKind.DECLINE: QT_TRANSLATE_NOOP("Labels", "Do not take up"),
    DecisionKind.HAND_OVER: QT_TRANSLATE_NOOP("Labels", "Hand over"),
    DecisionKind.CLOSE: QT_TRANSLATE_NOOP("Labels", "Close"),
}


TOTAL_KIND = "totaal"  # the planner's capacity kind for a team's whole fte

_KIND = {
    TOTAL_KIND: QT_TRANSLATE_NOOP("Labels", "Total fte"),
    Specialism.DIGITAL.value: QT_TRANSLATE_NOOP("Labels", "Digital"),
    Specialism.FINANCIAL.value: QT_TRANSLATE_NOOP("Labels", "Financial"),
    Specialism.TACTICAL.value: QT_TRANSLATE_NOOP("Labels", "Tactical"),
    Specialism.INTELLIGENCE.value: QT_TRANSLATE_NOOP("Labels", "Intelligence"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def criterion_label(c: Criterion) -> str:
    return tr(_CRITERION[c])


def criterion_short(c: Criterion) -> str:
    return tr(_CRITERION_SHORT[c])


def decision_label(kind: DecisionKind) -> str:
    return tr(_DECISION[kind])


def kind_label(kind: str) -> str:
    """Total fte or a specialism, as the capacity views name it."""
    return tr(_KIND[kind]) if kind in _KIND else kind


_PLANNER = {
    "rank": QT_TRANSLATE_NOOP("Labels", "Rank order"),
    "fill": QT_TRANSLATE_NOOP("Labels", "Rank order + fill up"),
    "optimal": QT_TRANSLATE_NOOP("Labels", "Optimal"),
}
PLANNERS = tuple(_PLANNER)


def planner_label(planner: str) -> str:
    """The planner that made a plan, as the user chooses it in Plan maken."""
    return tr(_PLANNER[planner]) if planner in _PLANNER else planner
