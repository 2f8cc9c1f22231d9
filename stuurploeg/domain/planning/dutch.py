"""Numbers as Dutch readers write them (decimal comma) for the scenario and suggestion texts."""

from __future__ import annotations

import math


def number(value: float, decimals: int = 1) -> str:
    """``1234.56`` → ``"1234,6"``; ``-0.04`` → ``"0,0"`` (no negative zero)."""
    if not math.isfinite(value):
        return "–"
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = f"{0.0:.{decimals}f}"
    return text.replace(".", ",")


def signed(value: float, decimals: int = 1) -> str:
    """``3.25`` → ``"+3,3"``, ``-2`` → ``"-2,0"``, ``0`` → ``"0,0"``."""
    text = number(value, decimals)
    return text if text.startswith("-") or float(text.replace(",", ".")) == 0 else "+" + text


def percent(fraction: float) -> str:
    """``0.853`` → ``"85%"``."""
    if not math.isfinite(fraction):
        return "–"
    return f"{round(100 * fraction):d}%"
