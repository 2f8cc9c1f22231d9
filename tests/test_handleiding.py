"""The user manual stays true: its links resolve, the commands and screen labels it quotes
exist, every decision kind is in it, and every screenshot made for it is referenced and
present. `make manual` turns it into one HTML file."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stuurploeg.cli import _COMMANDS
from stuurploeg.domain.decisions import KIND_LABELS
from stuurploeg.domain.model import HandOverTarget
from stuurploeg.gui.meeting.keymap import KEYS

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "docs" / "handleiding.md"
TEXT = MANUAL.read_text(encoding="utf-8")


def _make_manual():
    spec = importlib.util.spec_from_file_location("make_manual", ROOT / "docs" / "make_manual.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dutch_labels() -> set[str]:
    """Every Dutch text of the GUI, without the '&' of the keyboard accelerators."""
    tree = ET.parse(ROOT / "resources" / "translations" / "stuurploeg_nl.ts")
    return {(t.text or "").replace("&", "") for t in tree.iter("translation")}


def test_every_link_inside_the_manual_reaches_a_heading():
    slug = _make_manual().slug
    headings = {slug(h) for h in re.findall(r"^#+ (.+)$", TEXT, flags=re.M)}
    links = set(re.findall(r"\]\(#([^)]+)\)", TEXT))
    assert links and links <= headings, sorted(links - headings)


def test_links_to_other_documents_exist():
    for target in re.findall(r"\]\(([^)#]+\.md)\)", TEXT):
        assert (MANUAL.parent / target).is_file(), target


def test_every_command_it_quotes_exists():
    quoted = set(re.findall(r"`stuurploeg(?:-cli\.exe)? ([a-z-]+)", TEXT))
    assert {"check", "import", "decide", "finalise", "export", "verify", "restore"} <= quoted
    assert quoted - {"--version"} <= set(_COMMANDS), sorted(quoted - set(_COMMANDS))


@pytest.mark.parametrize("label", [
    "Werkmap importeren…", "Nieuwe werkruimte…", "Werkruimte openen…", "Recente werkruimtes",
    "Besluitenlijst exporteren…", "Ongedaan maken", "Positie aanpassen…", "Zaak zoeken",
    "Planning maken…", "Over Stuurploeg…", "Opslaan als…", "Herstellen",
    "Importeren zonder de rijen met fouten", "Vastleggen (Ctrl+Enter)",
    "Gekozen besluit corrigeren", "Concept verwijderen", "Besluitenlijst vaststellen…",
    "Exporteren…", "Slachtoffers informeren", "tot de volgende vergadering", "Map openen",
    "Logmap openen", "Automatisch herkennen", "Rangorde + opvullen", "Optimaal", "Rekentijd:",
    "Horizon (weken):", "Geparkeerd tot:", "Overdragen aan:", "Aan wie precies:", "Extra weken:",
])
def test_the_screen_labels_it_names_are_the_programs_own(label):
    assert label.rstrip(":") in TEXT
    assert label in _dutch_labels()


def test_the_keyboard_section_lists_every_key_of_the_keyboard_map():
    section = TEXT.split("### B2. Het toetsenoverzicht", 1)[1].split("\n### ", 1)[0]
    for keys, _text in KEYS:
        if keys.startswith(("1 …", "MH-")):
            continue  # written out in words in the manual
        first = keys.split()[0]
        assert first in section, keys


def test_every_decision_kind_and_hand_over_target_is_explained():
    for label in KIND_LABELS.values():
        assert f"**{label.capitalize()}**" in TEXT, label
    for target in HandOverTarget:
        assert target.value in TEXT, target


def _manual_shots() -> set[str]:
    source = (ROOT / "stuurploeg" / "gui" / "screenshots_manual.py").read_text(encoding="utf-8")
    names = set(re.findall(r'(?:_save\([^)]*|panel_shot\()"([a-z_]+)"\)', source))
    names |= set(re.findall(r'\("(besluit_[a-z_]+)", DecisionKind', source))
    return names


def test_every_screenshot_made_for_the_manual_is_in_it_and_present():
    names = _manual_shots()
    assert len(names) >= 15
    for name in sorted(names):
        assert f"](screenshots/{name}.png)" in TEXT, name
        assert (MANUAL.parent / "screenshots" / f"{name}.png").is_file(), name


def test_make_manual_writes_one_html_file_with_the_screenshots_in_it(tmp_path):
    out = tmp_path / "handleiding.html"
    assert _make_manual().main([str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="nl"' in page
    assert 'id="b4-de-soorten-besluiten"' in page and 'href="#b4-de-soorten-besluiten"' in page
    assert page.count('src="data:image/png;base64,') >= 15


def test_every_screenshot_it_shows_is_present_and_made_by_make_screenshots():
    """So that none goes stale: each is rendered from the sample data by `make screenshots`."""
    gui = ROOT / "stuurploeg" / "gui"
    source = "".join(p.read_text(encoding="utf-8") for p in gui.glob("screenshots*.py"))
    shown = set(re.findall(r"\]\(screenshots/([a-z0-9_-]+)\.png\)", TEXT))
    assert len(shown) >= 25
    for name in sorted(shown):
        assert (MANUAL.parent / "screenshots" / f"{name}.png").is_file(), name
        assert f'"{name}"' in source, f"{name}.png is not made by make screenshots"
