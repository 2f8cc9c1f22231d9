"""Over Stuurploeg: version, licence, the log and settings places, and that data stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices

from stuurploeg import version
from stuurploeg.gui import about
from stuurploeg.gui.about import AboutDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    d = AboutDialog()
    qtbot.addWidget(d)
    d.open()  # window-modal, never exec()
    qtbot.waitExposed(d)
    yield d
    d.close()


def test_title_version_and_licence_in_dutch(dialog):
    assert dialog.windowTitle() == "Over Stuurploeg"
    assert dialog.title_label.text() == f"Stuurploeg, versie {version()}"
    assert dialog.licence_label.text() == "Licentie: EUPL-1.2"
    assert "Zaken prioriteren en capaciteit plannen" in dialog.summary_label.text()


def test_shows_where_the_log_and_settings_are(dialog, tmp_path):
    # The fixtures point the data folder and QSettings at tmp_path: the dialog must name
    # those same places, not where it thinks they usually are.
    log = Path(dialog.log_label.text())
    assert log == tmp_path / "data" / "stuurploeg.log"
    assert dialog.settings_label.text() == QSettings().fileName()
    assert Path(dialog.settings_label.text()).is_relative_to(tmp_path / "settings")
    text = dialog.text()
    assert "Logbestand:" in text and "Instellingen:" in text


def test_says_no_data_leaves_the_laptop(dialog):
    privacy = dialog.privacy_label.text()
    assert privacy.startswith("Uw gegevens blijven op deze laptop")
    assert "geen netwerkverbindingen" in privacy


def test_icon_is_shown(dialog):
    assert not dialog.icon_label.pixmap().isNull()


def test_open_log_folder_opens_the_folder_of_the_log(dialog, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.open_log_button.click()
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path / "data"]
    assert (tmp_path / "data").is_dir()


def test_close_button_closes(dialog, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        close.click()
    assert not dialog.isVisible()


def test_log_path_is_the_apps_log_file(monkeypatch, tmp_path):
    monkeypatch.setenv("STUURPLOEG_DATA_DIR", str(tmp_path / "elders"))
    assert about.log_file_path() == tmp_path / "elders" / "stuurploeg.log"
