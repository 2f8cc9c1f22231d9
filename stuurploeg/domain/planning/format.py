"""Dutch number formatting for messages (decimal comma)."""

from __future__ import annotations


def fte(value: float) -> str:
    """``1.5`` → ``"1,5"``, ``2.0`` → ``"2"``, ``0.25`` → ``"0,25"``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").replace(".", ",")


def team(name: str) -> str:
    """``"Oost"`` → ``"team Oost"``; a name that already says team stays as it is."""
    return name if name.lower().startswith("team") else f"team {name}"


def kind(name: str) -> str:
    """``"totaal"`` stays; a specialism reads ``"specialisme digitaal"``."""
    return name if name == "totaal" else f"specialisme {name}"
