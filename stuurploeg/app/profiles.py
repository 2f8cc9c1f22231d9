"""Weight profiles from TOML files (``stuurploeg plan --profile FILE``).

    naam = "Regio Oost"        # or: name
    versie = 2                 # or: version (optional, default 1)
    [gewichten]                # or: [weights]
    ernst = 30                 # severity
    urgentie = 20              # urgency
    informatiepositie = 10     # information
    bewijskansen = 15          # prospects
    doorrechercheren = 15      # expansion (also: doorrechercheerpotentie)
    impact = 10                # impact (also: maatschappelijke impact)

All six criteria must be given, so that a typo never silently means "weight 0".
"""

from __future__ import annotations

import math
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from stuurploeg.domain.criteria_text import CRITERION_LABELS
from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.domain.scoring import WeightProfile

_MAX_PROFILE_BYTES = 64 * 1024

_ALIASES: dict[str, Criterion] = {}
for _c in CRITERIA:
    _ALIASES[_c.value] = _c
for _c, _label in CRITERION_LABELS.items():
    _ALIASES[_label] = _c
_ALIASES.update(
    {
        "doorrechercheren": Criterion.EXPANSION,
        "haalbaarheid": Criterion.PROSPECTS,
        "informatie": Criterion.INFORMATION,
    }
)


class ProfileError(Exception):
    """The profile file cannot be used; ``str()`` says what and where, in Dutch."""


def _norm(key: str) -> str:
    text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in text if ch.isalnum())


_NORMALISED = {_norm(k): c for k, c in _ALIASES.items()}


def load_profile(path: Path | str) -> WeightProfile:
    """Read a weight profile; raises :class:`ProfileError` with a Dutch message."""
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_PROFILE_BYTES:
            raise ProfileError(f"{path.name}: te groot voor een wegingsprofiel.")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(f"Wegingsprofiel {path} bestaat niet.") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path.name}: geen tekstbestand (UTF-8).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name}: geen geldige TOML: {exc}.") from exc
    except OSError as exc:
        raise ProfileError(f"{path.name}: kan niet worden gelezen: {exc.strerror}.") from exc
    return profile_from_mapping(data, source=path.name)


def profile_from_mapping(data: dict[str, Any], source: str = "profiel") -> WeightProfile:
    name = data.get("naam", data.get("name"))
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{source}: geef het profiel een naam (naam = \"…\").")
    version = data.get("versie", data.get("version", 1))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProfileError(f"{source}: versie moet een geheel getal ≥ 1 zijn, niet {version!r}.")
    table = data.get("gewichten", data.get("weights"))
    if not isinstance(table, dict):
        raise ProfileError(f"{source}: de tabel [gewichten] met de zes criteria ontbreekt.")
    weights: dict[Criterion, float] = {}
    for key, value in table.items():
        c = _NORMALISED.get(_norm(key))
        if c is None:
            known = ", ".join(CRITERION_LABELS.values())
            raise ProfileError(f"{source}: onbekend criterium {key!r}; bekend zijn: {known}.")
        if c in weights:
            raise ProfileError(f"{source}: {CRITERION_LABELS[c]} staat er twee keer in.")
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
        ):
            raise ProfileError(
                f"{source}: gewicht van {CRITERION_LABELS[c]} moet een getal ≥ 0 zijn, "
                f"niet {value!r}."
            )
        weights[c] = float(value)
    missing = [CRITERION_LABELS[c] for c in CRITERIA if c not in weights]
    if missing:
        raise ProfileError(f"{source}: gewicht ontbreekt voor {', '.join(missing)}.")
    if sum(weights.values()) <= 0:
        raise ProfileError(f"{source}: minstens één gewicht moet groter dan 0 zijn.")
    return WeightProfile(name.strip(), weights, version)
