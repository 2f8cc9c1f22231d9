import sqlite3

import pytest

from stuurploeg.app.workspace import open_workspace
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store import schema
from stuurploeg.store.connection import connect
from stuurploeg.store.errors import NotAWorkspace, WorkspaceTooNew

_EARLIER_DATA = {
    1: ["INSERT INTO cases (case_id, name, status, position) VALUES ('MH-1', 'Oud', 'nieuw', 0)"],
    2: ["INSERT INTO profiles (name, version, weights, created_at) "
        "VALUES ('Standaard', 1, '{\"severity\": 25}', '2026-01-01T10:00:00+01:00')",
        "INSERT INTO scenarios (id, name, created_at) VALUES (1, 'Extra', '2026-01-01')",
        "INSERT INTO scenario_deltas (scenario_id, team, from_week, to_week, fte) "
        "VALUES (1, 'Team Noord', '2026-W10', '2026-W20', 5.0)"],
}


@pytest.mark.slow
@pytest.mark.parametrize("start", range(0, schema.SCHEMA_VERSION))
def test_migrates_forward_from_every_earlier_version(tmp_path, start):
    path = tmp_path / f"v{start}.stuurploeg"
    conn = connect(path)
    schema.initialise(conn, upto=start)
    for version in range(1, start + 1):
        for sql in _EARLIER_DATA.get(version, []):
            conn.execute(sql)
    conn.close()

    with open_workspace(path) as ws:
        c = ws.conn
        assert schema.schema_version(c) == schema.SCHEMA_VERSION
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        triggers = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert "decisions_final_no_update" in triggers
        assert "decisions_correct_final_only_update" in triggers
        if start >= 1:
            assert [x.case_id for x in ws.cases()] == ["MH-1"]
        if start >= 2:
            assert ws.profile("Standaard").weights == {"severity": 25}
            (delta,) = ws.scenarios()[0].deltas
            assert (delta.to_week, delta.fte, delta.kind) == (IsoWeek(2026, 20), 5.0, "totaal")
        # a migration is preceded by a backup of the old version
        if start > 0:
            assert any("voor-bijwerken" in p.name for p in ws.backups())
            old = sqlite3.connect(ws.backups()[-1])
            assert schema.schema_version(old) == start
            old.close()


def test_wal_and_full_sync(ws):
    c = ws.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_schema_is_refused(ws_path, ws):
    ws.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    ws.close()
    with pytest.raises(WorkspaceTooNew, match="nieuwere versie"):
        open_workspace(ws_path)


def test_other_sqlite_file_is_refused(tmp_path):
    other = tmp_path / "ander.stuurploeg"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(NotAWorkspace, match="geen Stuurploeg-werkruimte"):
        open_workspace(other)


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "zaken.stuurploeg"
    other.write_bytes(b"PK\x03\x04 not a database at all" * 10)
    before = other.read_bytes()
    with pytest.raises(NotAWorkspace):
        open_workspace(other)
    assert other.read_bytes() == before


def test_only_contract_fields_have_a_place_to_go(ws):
    """Data minimisation: the case and team tables hold the contract's fields only."""
    from dataclasses import fields

    from stuurploeg.domain.model import Case, Team

    def columns(table):
        return {r[1] for r in ws.conn.execute(f"PRAGMA table_info({table})")}

    bookkeeping = {"present", "import_id"}
    spec = {"digital_fte", "financial_fte", "tactical_fte", "intelligence_fte"}
    case_fields = {f.name for f in fields(Case)} - {"criteria", "specialist_fte"}
    crits = {"severity", "urgency", "information", "prospects", "expansion", "impact"}
    assert columns("cases") == case_fields | crits | spec | bookkeeping
    team_fields = {f.name for f in fields(Team)} - {"specialist_fte"}
    assert columns("teams") == team_fields | spec | bookkeeping


def test_a_chain_finalised_before_v6_still_verifies_after_the_migration(tmp_path):
    from datetime import date, datetime

    from stuurploeg.app.decisions import verify_workspace
    from stuurploeg.domain.decisions import GENESIS_HASH, Decision, compute_hash
    from stuurploeg.domain.model import DecisionKind

    path = tmp_path / "v5.stuurploeg"
    conn = connect(path)
    schema.initialise(conn, upto=5)
    created, final = "2026-03-02T10:00:00+01:00", "2026-03-02T12:00:00+01:00"
    old = Decision("MH-1", DecisionKind.DECLINE, "OvJ", meeting_date=date(2026, 3, 2),
                   case_name="Oud", motivation="geen capaciteit", inform_victims=False,
                   created_at=datetime.fromisoformat(created), seq=1,
                   finalised_at=datetime.fromisoformat(final))
    digest = compute_hash(GENESIS_HASH, old)  # hash format 1: what v5 wrote
    for sql, args in [
        ("INSERT INTO cases (case_id, name, status, position) VALUES ('MH-1', 'Oud', 'nieuw', 0)",
         ()),
        ("INSERT INTO meetings (id, meeting_date) VALUES (1, '2026-03-02')", ()),
        ("INSERT INTO decisions (id, meeting_id, case_id, case_name, kind, motivation, "
         "decided_by, inform_victims, created_at) VALUES (1, 1, 'MH-1', 'Oud', 'decline', "
         "'geen capaciteit', 'OvJ', 0, ?)", (created,)),
        ("UPDATE decisions SET state = 'final', seq = 1, finalised_at = ?, prev_hash = ?, "
         "entry_hash = ? WHERE id = 1", (final, GENESIS_HASH, digest)),
        ("UPDATE meetings SET finalised_at = ?, finalised_by = 'OvJ'", (final,)),
    ]:
        conn.execute(sql, args)
    conn.close()
    with open_workspace(path) as ws:
        assert schema.schema_version(ws.conn) == schema.SCHEMA_VERSION
        assert not any("besluitenlog" in w for w in ws.warnings)
    report = verify_workspace(path)
    assert report.ok and report.chain.entries == 1 and report.head_hash == digest
