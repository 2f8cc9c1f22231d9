import pytest

from stuurploeg.app.workspace import (
    create_workspace,
    file_sha256,
    open_or_create_workspace,
    open_workspace,
)
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.errors import StoreError
from stuurploeg.store.planning_repo import ScenarioDelta, ScenarioRecord


def test_create_refuses_existing_and_missing_folder(ws_path, ws, tmp_path):
    with pytest.raises(StoreError, match="bestaat al"):
        create_workspace(ws_path)
    with pytest.raises(StoreError, match="bestaat niet"):
        create_workspace(tmp_path / "nergens" / "x.stuurploeg")
    with pytest.raises(StoreError, match="bestaat niet"):
        open_workspace(tmp_path / "nergens.stuurploeg")


def test_open_or_create(tmp_path):
    ws, created = open_or_create_workspace(tmp_path / "n.stuurploeg")
    assert created
    ws.close()
    ws, created = open_or_create_workspace(tmp_path / "n.stuurploeg")
    assert not created
    ws.close()


def test_sync_folder_is_warned_about(tmp_path):
    folder = tmp_path / "OneDrive - Politie"
    folder.mkdir()
    with create_workspace(folder / "regio.stuurploeg") as ws:
        assert any("OneDrive" in w for w in ws.warnings)


def test_profiles_are_versioned(ws):
    a = ws.save_profile("Standaard", {"severity": 25, "urgency": 20})
    same = ws.save_profile("Standaard", {"severity": 25, "urgency": 20})
    b = ws.save_profile("Standaard", {"severity": 30, "urgency": 20})
    assert (a.version, same.version, b.version) == (1, 1, 2)
    assert ws.profile("Standaard", 1).weights == {"severity": 25, "urgency": 20}
    assert [p.version for p in ws.profiles()] == [2]
    with pytest.raises(StoreError):
        ws.save_profile("Leeg", {"severity": 0})


def test_overrides_need_motivation_and_are_logged(ws):
    with pytest.raises(StoreError, match="motivering"):
        ws.set_override("MH-2026-004", 1, " ")
    ws.set_override("MH-2026-004", 1, "Minderjarige slachtoffers", by="officier")
    ws.set_override("MH-2026-004", 2, "Toch tweede", by="officier")
    assert [(o.case_id, o.position) for o in ws.overrides()] == [("MH-2026-004", 2)]
    assert ws.remove_override("MH-2026-004", "terug", "officier")
    assert ws.overrides() == []
    assert [o.position for o in ws.override_history()] == [1, 2, 0]
    with pytest.raises(StoreError, match="niet in de werkruimte"):
        ws.set_override("MH-0", 1, "x")


def test_scenarios(ws):
    s = ScenarioRecord("Extra Noord", [ScenarioDelta("Team Noord", IsoWeek(2026, 45),
                                                     IsoWeek(2026, 52), 5.0)])
    ws.save_scenario(s)
    ws.save_scenario(ScenarioRecord("Extra Noord", [ScenarioDelta(
        "Team Noord", IsoWeek(2026, 45), IsoWeek(2027, 2), 3.0)]))
    (back,) = ws.scenarios()
    assert back.deltas[0].to_week == IsoWeek(2027, 2) and back.deltas[0].fte == 3.0
    assert ws.delete_scenario("Extra Noord") and ws.scenarios() == []


def test_readonly_workspace_refuses_writes(ws_path, ws):
    ws.close()
    with open_workspace(ws_path, readonly=True) as ro, pytest.raises(StoreError,
                                                                     match="alleen-lezen"):
        ro.save_profile("x", {"severity": 1})


def test_closed_workspace_says_so(ws):
    ws.close()
    with pytest.raises(StoreError, match="gesloten"):
        ws.cases()


def test_file_sha256(tmp_path):
    p = tmp_path / "f.bin"
    p.write_bytes(b"abc")
    assert file_sha256(p) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_consistent_read_holds_writers_from_other_threads(ws):
    import threading
    import time

    done = threading.Event()

    def writer():
        ws.save_profile("Regio", {"severity": 1})
        done.set()

    with ws.consistent_read():
        before = ws.profiles()
        t = threading.Thread(target=writer)
        t.start()
        time.sleep(0.2)
        assert not done.is_set()  # the writer waits for the snapshot to end
        assert ws.profiles() == before
    t.join(5)
    assert done.is_set() and [p.name for p in ws.profiles()] == ["Regio"]
