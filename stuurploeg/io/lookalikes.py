"""Letters from other scripts that look like Latin ones, in headers.

A ``Status`` typed with a Cyrillic ``а`` looks right on screen but is a different word:
read as it stands it would silently not be the Status column (and every case would become
'nieuw'). Such headers are found here by the letters they hold, so the reader can name the
cell and the header it resembles instead of dropping the column without a word.
"""

from __future__ import annotations

import unicodedata

# Letters that are drawn (nearly) like a Latin letter in common fonts, after lower-casing.
_LOOKALIKE: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y", "ԍ": "g", "ɡ": "g", "ո": "n",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
    # Armenian
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ք": "p", "զ": "q",
}
_SCRIPT_NAMES = {"CYRILLIC": "Cyrillisch", "GREEK": "Grieks", "ARMENIAN": "Armeens",
                 "LATIN": "Latijns"}


def lookalike_letters(text: str) -> list[str]:
    """The letters of ``text`` that only look like Latin ones (in order, each once)."""
    found: list[str] = []
    for ch in text:
        if ch.lower() in _LOOKALIKE and ch not in found:
            found.append(ch)
    return found


def skeleton(text: str) -> str:
    """``text`` with every lookalike letter replaced by the Latin letter it resembles."""
    return "".join(_LOOKALIKE.get(ch.lower(), ch) if ch.lower() in _LOOKALIKE else ch
                   for ch in text)


def describe_letters(letters: list[str]) -> str:
    """``"Cyrillisch 'а'"``: script and letter, for a Dutch message."""
    parts = []
    for ch in letters[:3]:
        try:
            script = unicodedata.name(ch).split()[0]
        except ValueError:
            script = "onbekend"
        parts.append(f"{_SCRIPT_NAMES.get(script, script.capitalize())} '{ch}' "
                     f"(U+{ord(ch):04X})")
    return ", ".join(parts)
