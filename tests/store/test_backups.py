import sqlite3
from datetime import date

import pytest

from stuurploeg.app.workspace import open_workspace, restore_backup
from stuurploeg.store.backups import backup_dir, list_backups
from stuurploeg.store.errors import WorkspaceDamaged


def test_backup_on_open_is_a_consistent_sqlite_copy(ws_path, ws):
    ws.close()
    with open_workspace(ws_path) as again:
        assert again.last_backup is not None and again.last_backup.parent == backup_dir(ws_path)
        copy = sqlite3.connect(again.last_backup)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 12
        copy.close()


def test_only_the_last_n_backups_are_kept(ws_path, ws):
    ws.close()
    for _ in range(5):
        open_workspace(ws_path, keep_backups=3).close()
    assert len(list_backups(ws_path)) == 3


def _damage(path):
    data = bytearray(path.read_bytes())
    page = 4096
    # overwrite the middle of every page after the first: b-tree pages become garbage
    for start in range(page, len(data), page):
        data[start + 100 : start + 3000] = b"\xa5" * 2900
    path.write_bytes(bytes(data))


def test_damaged_workspace_is_not_touched_and_can_be_restored(ws_path, ws):
    ws.close()
    open_workspace(ws_path).close()  # makes a backup
    good = list_backups(ws_path)
    _damage(ws_path)
    before = ws_path.read_bytes()
    with pytest.raises(WorkspaceDamaged) as info:
        open_workspace(ws_path)
    assert "beschadigd" in str(info.value) and "reservekopie" in str(info.value)
    assert ws_path.read_bytes() == before  # never overwritten
    assert list_backups(ws_path) == good  # no backup of the damage pushed a good one out

    kept = restore_backup(ws_path, info.value.backups[-1])
    assert kept.read_bytes() == before  # the damaged file is kept aside
    with open_workspace(ws_path) as restored:
        assert len(restored.cases()) == 12


def test_restore_refuses_a_damaged_backup(ws_path, ws, tmp_path):
    ws.close()
    bad = tmp_path / "kapot.stuurploeg"
    bad.write_bytes(ws_path.read_bytes())
    _damage(bad)
    with pytest.raises(Exception, match="reservekopie"):
        restore_backup(ws_path, bad)
    with open_workspace(ws_path) as still:
        assert len(still.cases()) == 12


@pytest.mark.slow
def test_damaged_workspace_with_a_wal_is_left_byte_identical(ws_path, ws):
    """A read-write check would checkpoint the WAL into the damaged file on close."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    ws.close()
    open_workspace(ws_path).close()
    code = (
        "import sys, time\n"
        "from datetime import date\n"
        "from stuurploeg.app.workspace import open_workspace\n"
        "from stuurploeg.app.decisions import record_decision\n"
        "from stuurploeg.domain.decisions import Decision\n"
        "from stuurploeg.domain.model import DecisionKind\n"
        "ws = open_workspace(sys.argv[1])\n"
        "ws.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for i in range(20):\n"
        "    record_decision(ws, Decision('MH-2026-001', DecisionKind.CLOSE, 'x', "
        "motivation='m'), date(2026, 10, 1 + i))\n"
        "print('ok', flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    child = subprocess.Popen([sys.executable, "-c", code, str(ws_path)], stdout=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout.readline().strip() == "ok"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    wal = ws_path.with_name(ws_path.name + "-wal")
    assert wal.stat().st_size > 0
    _damage(ws_path)
    before, wal_before = ws_path.read_bytes(), wal.read_bytes()
    with pytest.raises(WorkspaceDamaged):
        open_workspace(ws_path)
    assert ws_path.read_bytes() == before and wal.read_bytes() == wal_before


def test_opening_a_tampered_log_keeps_every_good_backup(ws_path, ws):
    from stuurploeg.app.decisions import finalise_meeting, record_decision, verify_workspace
    from stuurploeg.domain.decisions import Decision
    from stuurploeg.domain.model import DecisionKind

    day = date(2026, 10, 1)
    record_decision(ws, Decision("MH-2026-001", DecisionKind.DECLINE, "x", motivation="geen"),
                    day)
    finalise_meeting(ws, day, "x")
    ws.close()
    for _ in range(3):
        open_workspace(ws_path, keep_backups=3).close()
    conn = sqlite3.connect(ws_path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE decisions SET motivation = 'verzonnen'")
    conn.close()
    for _ in range(5):
        with open_workspace(ws_path, keep_backups=3) as opened:
            assert opened.last_backup is None
            assert any("geen reservekopie" in w for w in opened.warnings)
    good = [b for b in list_backups(ws_path) if verify_workspace(b).ok]
    assert len(good) == 3


def test_pre_migration_backups_stay_out_of_the_rotation(ws_path, ws):
    ws.close()
    folder = backup_dir(ws_path)
    folder.mkdir(exist_ok=True)
    kept = folder / f"{ws_path.stem}-20000101-000000-000000-voor-bijwerken.stuurploeg"
    kept.write_bytes(ws_path.read_bytes())
    for _ in range(4):
        open_workspace(ws_path, keep_backups=2).close()
    assert kept.exists()
    assert len(list_backups(ws_path)) == 3


def test_restoring_twice_at_once_keeps_both_originals(ws_path, ws, monkeypatch):
    import stuurploeg.store.opening as workspace_mod

    ws.close()
    open_workspace(ws_path).close()
    backup = list_backups(ws_path)[-1]
    first = ws_path.read_bytes()

    class _Frozen(workspace_mod.datetime):  # both restores in the same instant
        @classmethod
        def now(cls, tz=None):
            return cls(2026, 10, 1, 12, 0, 0, 0)

    monkeypatch.setattr(workspace_mod, "datetime", _Frozen)
    k1 = restore_backup(ws_path, backup)
    second = ws_path.read_bytes()
    k2 = restore_backup(ws_path, backup)
    assert k1 != k2 and k1.exists() and k2.exists()
    assert k1.read_bytes() == first and k2.read_bytes() == second


def test_workspaces_with_the_same_stem_keep_their_own_backups(tmp_path):
    from stuurploeg.app.workspace import create_workspace

    a, b = tmp_path / "regio.stuurploeg", tmp_path / "regio"
    create_workspace(a).close()
    create_workspace(b).close()
    for _ in range(3):
        open_workspace(a, keep_backups=2).close()
    for _ in range(4):
        open_workspace(b, keep_backups=2).close()
    assert len(list_backups(a)) == 2 and len(list_backups(b)) == 2
    assert set(list_backups(a)).isdisjoint(list_backups(b))


def test_backups_in_the_old_folder_are_still_listed_and_never_pruned(ws_path, ws):
    from stuurploeg.store.backups import legacy_backup_dir

    ws.close()
    old = legacy_backup_dir(ws_path)
    old.mkdir()
    kept = old / f"{ws_path.stem}-20000101-000000-000000-geopend.stuurploeg"
    kept.write_bytes(ws_path.read_bytes())
    for _ in range(3):
        open_workspace(ws_path, keep_backups=2).close()
    assert kept.exists() and list_backups(ws_path)[0] == kept
    assert len(list_backups(ws_path)) == 3


def test_a_deferred_backup_is_made_before_the_first_change(ws_path, ws):
    ws.close()
    before = list_backups(ws_path)
    with open_workspace(ws_path, defer_backup=True) as again:
        assert again.backup_due and again.last_backup is None
        assert list_backups(ws_path) == before
        again.save_profile("eigen", {"urgency": 1.0})  # the first change: the copy first
        assert not again.backup_due and again.last_backup is not None
        copy = sqlite3.connect(again.last_backup)
        try:  # the state as opened, without the change
            assert copy.execute("SELECT COUNT(*) FROM profiles WHERE name = 'eigen'"
                                ).fetchone()[0] == 0
        finally:
            copy.close()
    assert len(list_backups(ws_path)) == len(before) + 1


def test_a_deferred_backup_is_made_in_the_background_or_on_closing(ws_path, ws):
    ws.close()
    with open_workspace(ws_path, defer_backup=True) as again:
        made = again.make_due_backup()
        assert made is not None and made == again.last_backup and not again.backup_due
        assert again.make_due_backup() is None  # once
    count = len(list_backups(ws_path))
    open_workspace(ws_path, defer_backup=True).close()  # closed before it was made
    assert len(list_backups(ws_path)) == count + 1


def test_a_change_is_refused_while_the_deferred_backup_fails(ws_path, ws, monkeypatch):
    from stuurploeg.store import backups
    from stuurploeg.store.errors import StoreError

    ws.close()
    with open_workspace(ws_path, defer_backup=True) as again:
        real = backups.make_backup

        def full(*_args, **_kwargs):
            raise StoreError("Kon geen reservekopie maken: schijf vol")

        monkeypatch.setattr(backups, "make_backup", full)
        with pytest.raises(StoreError, match="reservekopie"):
            again.save_profile("eigen", {"urgency": 1.0})
        assert again.backup_due and "eigen" not in [p.name for p in again.profiles()]
        monkeypatch.setattr(backups, "make_backup", real)
        again.save_profile("eigen", {"urgency": 1.0})
        assert not again.backup_due


def test_a_deferred_backup_is_never_made_of_a_workspace_missing_its_triggers(ws_path, ws):
    """A file whose log rules were dropped outside the app is not copied at all, also not
    later (a copy would push a good one out of the rotation); the rules are put back."""
    ws.close()
    conn = sqlite3.connect(ws_path, isolation_level=None)
    names = sorted(n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"))  # fmt: skip
    conn.execute(f"DROP TRIGGER {names[0]}")
    conn.close()
    before = list_backups(ws_path)
    with open_workspace(ws_path, defer_backup=True) as again:
        assert not again.backup_due and again.last_backup is None
        assert any("geen reservekopie" in w for w in again.warnings)
        with again.reading() as c:  # the workspace has its rule back
            assert c.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                             "AND name = ?", (names[0],)).fetchone()[0] == 1
    assert list_backups(ws_path) == before  # not on closing either


def test_a_migration_is_backed_up_first_even_when_the_backup_could_wait(tmp_path):
    from stuurploeg.store import schema
    from stuurploeg.store.connection import connect

    path = tmp_path / "v6.stuurploeg"
    conn = connect(path)
    schema.initialise(conn, upto=6)
    conn.close()
    with open_workspace(path, defer_backup=True) as ws:
        assert not ws.backup_due and ws.last_backup is not None
        assert "voor-bijwerken" in ws.last_backup.name
        copy = sqlite3.connect(ws.last_backup)
        try:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == 6  # as it was
        finally:
            copy.close()
        assert schema.schema_version(ws.conn) == schema.SCHEMA_VERSION
