"""The workspace schema as a list of forward migrations.

``PRAGMA user_version`` holds the schema version. Migration *n* takes a workspace from
version n-1 to n; each runs in one transaction, so a crash mid-migration leaves the old
version intact (and a backup is made before any migration, see ``backups``).
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from stuurploeg.domain.decisions import GENESIS_HASH
from stuurploeg.store.connection import write_transaction
from stuurploeg.store.errors import NotAWorkspace, WorkspaceTooNew

APPLICATION_ID = 0x53545550  # "STUP": marks the file as a Stuurploeg workspace

_V1_DATA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('cases', 'capacity')),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    sheet TEXT,
    header_row INTEGER,
    rows INTEGER NOT NULL,
    mapping TEXT NOT NULL,
    new_rows INTEGER NOT NULL DEFAULT 0,
    changed_rows INTEGER NOT NULL DEFAULT 0,
    gone_rows INTEGER NOT NULL DEFAULT 0
);
-- Only the fields of the case list contract are columns: unmapped input columns have no
-- place to go (data minimisation).
CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    exploitation TEXT,
    victims INTEGER, minors INTEGER, suspects INTEGER,
    international INTEGER, violence INTEGER, ongoing INTEGER,
    severity INTEGER, urgency INTEGER, information INTEGER,
    prospects INTEGER, expansion INTEGER, impact INTEGER,
    fte REAL, weeks INTEGER,
    digital_fte REAL, financial_fte REAL, tactical_fte REAL, intelligence_fte REAL,
    team TEXT, start_week TEXT, earliest_start TEXT, latest_start TEXT,
    unit TEXT, source TEXT, notes TEXT,
    position INTEGER NOT NULL,
    present INTEGER NOT NULL DEFAULT 1,
    import_id INTEGER REFERENCES imports(id)
);
CREATE TABLE teams (
    team TEXT PRIMARY KEY,
    staffed_fte REAL NOT NULL,
    deployability REAL NOT NULL,
    formation_fte REAL,
    unit TEXT,
    digital_fte REAL, financial_fte REAL, tactical_fte REAL, intelligence_fte REAL,
    certified INTEGER,
    position INTEGER NOT NULL,
    present INTEGER NOT NULL DEFAULT 1,
    import_id INTEGER REFERENCES imports(id)
);
CREATE TABLE availability (
    team TEXT NOT NULL,
    week TEXT NOT NULL,
    fte REAL NOT NULL,
    PRIMARY KEY (team, week)
);
-- What each re-import changed, field by field, so a merge can be explained later.
CREATE TABLE import_changes (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    key TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'gone', 'returned')),
    field TEXT,
    old_value TEXT,
    new_value TEXT
);
"""

_V2_PLANNING = """
CREATE TABLE profiles (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    weights TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE TABLE overrides (
    case_id TEXT PRIMARY KEY REFERENCES cases(case_id),
    position INTEGER NOT NULL CHECK (position >= 1),
    motivation TEXT NOT NULL CHECK (length(trim(motivation)) > 0),
    set_by TEXT,
    set_at TEXT NOT NULL
);
CREATE TABLE override_log (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    position INTEGER,
    motivation TEXT NOT NULL,
    set_by TEXT,
    set_at TEXT NOT NULL
);
CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE scenario_deltas (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    team TEXT NOT NULL,
    from_week TEXT NOT NULL,
    to_week TEXT NOT NULL,
    fte REAL NOT NULL
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    planner TEXT NOT NULL,
    profile_name TEXT,
    profile_version INTEGER,
    profile_weights TEXT,
    start_week TEXT NOT NULL,
    weeks INTEGER NOT NULL,
    scenario_id INTEGER REFERENCES scenarios(id),
    total_priority REAL,
    gap REAL
);
CREATE TABLE plan_ranking (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    case_id TEXT NOT NULL,
    score REAL,
    priority_rule INTEGER NOT NULL DEFAULT 0,
    incomplete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, case_id)
);
CREATE TABLE plan_assignments (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    team TEXT NOT NULL,
    start_week TEXT NOT NULL,
    weeks INTEGER NOT NULL,
    fte REAL NOT NULL,
    PRIMARY KEY (plan_id, case_id)
);
CREATE TABLE plan_unplanned (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (plan_id, case_id)
);
"""

# The decision log. The rules that make it a log are triggers, so they hold for any
# program that writes the file, not only for ours.
_V3_DECISIONS = f"""
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    meeting_date TEXT NOT NULL UNIQUE,
    title TEXT,
    finalised_at TEXT,
    finalised_by TEXT
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    case_id TEXT NOT NULL REFERENCES cases(case_id),
    case_name TEXT,
    kind TEXT NOT NULL
        CHECK (kind IN ('take-up', 'expand', 'park', 'decline', 'hand-over', 'close')),
    team TEXT,
    start_week TEXT,
    fte REAL,
    extra_weeks INTEGER,
    until_date TEXT,
    until_next_meeting INTEGER NOT NULL DEFAULT 0,
    hand_over_to TEXT,
    hand_over_detail TEXT,
    motivation TEXT,
    decided_by TEXT NOT NULL CHECK (length(trim(decided_by)) > 0),
    inform_victims INTEGER NOT NULL,
    corrects_id INTEGER REFERENCES decisions(id),
    snap_score REAL,
    snap_rank INTEGER,
    snap_profile_name TEXT,
    snap_profile_version INTEGER,
    snap_profile_weights TEXT,
    snap_proposal_team TEXT,
    snap_proposal_start TEXT,
    snap_proposal_fte REAL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'final')),
    seq INTEGER UNIQUE,
    finalised_at TEXT,
    prev_hash TEXT,
    entry_hash TEXT
);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

CREATE TRIGGER decisions_final_no_update BEFORE UPDATE ON decisions
WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'een vastgesteld besluit kan niet worden gewijzigd'); END;

CREATE TRIGGER decisions_final_no_delete BEFORE DELETE ON decisions
WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'een vastgesteld besluit kan niet worden verwijderd'); END;

CREATE TRIGGER decisions_insert_as_draft BEFORE INSERT ON decisions
WHEN NEW.state <> 'draft' OR NEW.seq IS NOT NULL OR NEW.entry_hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'een besluit begint altijd als concept'); END;

CREATE TRIGGER decisions_insert_open_meeting BEFORE INSERT ON decisions
WHEN (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'de besluitenlijst van deze vergadering is al vastgesteld'); END;

CREATE TRIGGER decisions_correct_final_only BEFORE INSERT ON decisions
WHEN NEW.corrects_id IS NOT NULL
 AND (SELECT state FROM decisions WHERE id = NEW.corrects_id) IS NOT 'final'
BEGIN SELECT RAISE(ABORT, 'alleen een vastgesteld besluit kan worden gecorrigeerd'); END;

CREATE TRIGGER decisions_draft_open_meeting BEFORE UPDATE ON decisions
WHEN OLD.state = 'draft' AND NEW.state = 'draft'
 AND (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'de besluitenlijst van deze vergadering is al vastgesteld'); END;

-- Finalising appends to the chain: next sequence number, previous entry's hash.
CREATE TRIGGER decisions_finalise_appends BEFORE UPDATE ON decisions
WHEN NEW.state = 'final' AND (
    NEW.seq IS NULL OR NEW.entry_hash IS NULL OR NEW.finalised_at IS NULL
    OR NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM decisions), 0) + 1
    OR NEW.prev_hash IS NOT COALESCE(
        (SELECT entry_hash FROM decisions WHERE seq = NEW.seq - 1), '{GENESIS_HASH}'))
BEGIN
    SELECT RAISE(ABORT, 'een besluit kan alleen aan het eind van de keten worden vastgesteld');
END;

CREATE TRIGGER meetings_final_no_update BEFORE UPDATE ON meetings
WHEN OLD.finalised_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'een vastgestelde vergadering kan niet worden gewijzigd'); END;

CREATE TRIGGER meetings_final_no_delete BEFORE DELETE ON meetings
WHEN OLD.finalised_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'een vastgestelde vergadering kan niet worden verwijderd'); END;

CREATE TRIGGER meetings_finalise_without_drafts BEFORE UPDATE ON meetings
WHEN NEW.finalised_at IS NOT NULL
 AND EXISTS (SELECT 1 FROM decisions WHERE meeting_id = NEW.id AND state = 'draft')
BEGIN SELECT RAISE(ABORT, 'er staan nog conceptbesluiten open in deze vergadering'); END;
"""

# Scenario deltas as the planner has them: per capacity kind (total or a specialism) and
# open-ended ("to the end of the plan"). SQLite cannot relax NOT NULL in place: rebuild.
_V4_SCENARIO_KINDS = """
CREATE TABLE scenario_deltas_v4 (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    team TEXT NOT NULL,
    from_week TEXT NOT NULL,
    to_week TEXT,
    fte REAL NOT NULL,
    kind TEXT NOT NULL DEFAULT 'totaal'
);
INSERT INTO scenario_deltas_v4 (rowid, scenario_id, team, from_week, to_week, fte)
    SELECT rowid, scenario_id, team, from_week, to_week, fte FROM scenario_deltas;
DROP TABLE scenario_deltas;
ALTER TABLE scenario_deltas_v4 RENAME TO scenario_deltas;
"""

# A correction names a final entry of the same case, also when a draft is changed later
# (v3 only checked inserts): otherwise finalising could hash a reference that changes.
_V5_CORRECTIONS = """
CREATE TRIGGER decisions_correct_same_case BEFORE INSERT ON decisions
WHEN NEW.corrects_id IS NOT NULL
 AND (SELECT case_id FROM decisions WHERE id = NEW.corrects_id) IS NOT NEW.case_id
BEGIN SELECT RAISE(ABORT, 'een correctie hoort bij een besluit over dezelfde zaak'); END;

CREATE TRIGGER decisions_correct_final_only_update BEFORE UPDATE OF corrects_id ON decisions
WHEN NEW.corrects_id IS NOT NULL
 AND ((SELECT state FROM decisions WHERE id = NEW.corrects_id) IS NOT 'final'
      OR (SELECT case_id FROM decisions WHERE id = NEW.corrects_id) IS NOT NEW.case_id)
BEGIN
    SELECT RAISE(ABORT,
        'alleen een vastgesteld besluit over dezelfde zaak kan worden gecorrigeerd');
END;
"""

# Which canonical form an entry's hash covers (domain.decisions.HASH_FORMAT): entries
# finalised before v6 keep format 1 and verify as they always did.
_V6_HASH_FORMAT = """
ALTER TABLE decisions ADD COLUMN hash_format INTEGER NOT NULL DEFAULT 1;
"""

# One decision per case per meeting, whoever writes the file. Triggers rather than a unique
# index: a workspace made before the rule may hold two, and those are kept (the app reports
# them) instead of making the migration fail or dropping one. Also the log's own evidence:
# what the app found when opening (kept in the file, never changed or removed), and an id
# under which the last head this computer saw is kept outside the file.
_V7_ONE_DECISION_PER_CASE = """
CREATE INDEX decisions_meeting_case ON decisions(meeting_id, case_id);

CREATE TRIGGER decisions_one_per_case BEFORE INSERT ON decisions
WHEN EXISTS (SELECT 1 FROM decisions
             WHERE meeting_id = NEW.meeting_id AND case_id = NEW.case_id)
BEGIN
    SELECT RAISE(ABORT, 'over deze zaak is in deze vergadering al een besluit vastgelegd');
END;

CREATE TRIGGER decisions_one_per_case_update BEFORE UPDATE OF meeting_id, case_id ON decisions
WHEN EXISTS (SELECT 1 FROM decisions
             WHERE meeting_id = NEW.meeting_id AND case_id = NEW.case_id AND id <> NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'over deze zaak is in deze vergadering al een besluit vastgelegd');
END;

CREATE TRIGGER meetings_finalise_one_per_case BEFORE UPDATE OF finalised_at ON meetings
WHEN NEW.finalised_at IS NOT NULL AND OLD.finalised_at IS NULL
 AND EXISTS (SELECT 1 FROM decisions WHERE meeting_id = NEW.id
             GROUP BY case_id HAVING COUNT(*) > 1)
BEGIN
    SELECT RAISE(ABORT, 'een zaak heeft meer dan een besluit in deze vergadering');
END;

CREATE TABLE log_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE TRIGGER log_events_no_update BEFORE UPDATE ON log_events
BEGIN SELECT RAISE(ABORT, 'een vastgelegde bevinding kan niet worden gewijzigd'); END;

CREATE TRIGGER log_events_no_delete BEFORE DELETE ON log_events
BEGIN SELECT RAISE(ABORT, 'een vastgelegde bevinding kan niet worden verwijderd'); END;

INSERT OR IGNORE INTO meta (key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
"""

# Scenarios beyond capacity: case changes (in, out, start no earlier than a week), another
# weight profile (kept as its weights, so the scenario means the same thing later), a
# description, and archiving: a scenario a stored plan refers to is kept (hidden, under a
# unique name, its own in original_name) when it is changed or deleted, so that plan keeps
# saying what it was made with.
_V8_SCENARIO_CASES = """
ALTER TABLE scenarios ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE scenarios ADD COLUMN profile_name TEXT;
ALTER TABLE scenarios ADD COLUMN profile_version INTEGER;
ALTER TABLE scenarios ADD COLUMN profile_weights TEXT;
ALTER TABLE scenarios ADD COLUMN updated_at TEXT;
ALTER TABLE scenarios ADD COLUMN archived_at TEXT;
ALTER TABLE scenarios ADD COLUMN original_name TEXT;
CREATE TABLE scenario_cases (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('in', 'out', 'start')),
    start_week TEXT,
    CHECK ((action = 'start') = (start_week IS NOT NULL))
);
CREATE INDEX scenario_cases_scenario ON scenario_cases(scenario_id);
"""

MIGRATIONS: tuple[str, ...] = (
    _V1_DATA, _V2_PLANNING, _V3_DECISIONS, _V4_SCENARIO_KINDS, _V5_CORRECTIONS,
    _V6_HASH_FORMAT, _V7_ONE_DECISION_PER_CASE, _V8_SCENARIO_CASES,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_is_workspace(conn: sqlite3.Connection, name: str) -> None:
    """Refuse any SQLite file that is not ours (or any file that is not SQLite at all)."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise NotAWorkspace(
            f"{name} is geen Stuurploeg-werkruimte. Kies een bestand dat eindigt op "
            ".stuurploeg, of maak een nieuwe werkruimte."
        )
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNew(
            f"{name} is gemaakt met een nieuwere versie van Stuurploeg (schema {version}, "
            f"deze versie kent {SCHEMA_VERSION}). Installeer de nieuwste versie."
        )


def initialise(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> None:
    """Make an empty file a workspace at schema ``upto`` (tests use lower values)."""
    with write_transaction(conn, "Aanmaken van de werkruimte"):
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(conn, upto)


def migrate(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> list[int]:
    """Apply the missing migrations up to ``upto``; returns the versions applied."""
    applied = []
    for version in range(schema_version(conn) + 1, upto + 1):
        with write_transaction(conn, f"Bijwerken van de werkruimte naar versie {version}"):
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (trigger bodies contain ';')."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


# Anywhere at the start of a line: a statement may begin with comment lines.
_TRIGGER_NAME = re.compile(r"^\s*CREATE\s+TRIGGER\s+(\w+)", re.IGNORECASE | re.MULTILINE)


def expected_triggers(upto: int = SCHEMA_VERSION) -> dict[str, str]:
    """Name -> CREATE statement of every trigger the migrations up to ``upto`` make."""
    found: dict[str, str] = {}
    for script in MIGRATIONS[:upto]:
        for statement in _statements(script):
            match = _TRIGGER_NAME.search(statement)
            if match:
                found[match.group(1)] = statement
    return found


def missing_triggers(conn: sqlite3.Connection) -> list[str]:
    """The log's rules that are gone from the file (dropped by another program)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return sorted(set(expected_triggers(schema_version(conn))) - present)


def restore_triggers(conn: sqlite3.Connection, names: list[str],
                     record: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """Put the rules back; ``record`` (same transaction) keeps the evidence that they were
    missing, so that putting them back never hides that they were gone."""
    expected = expected_triggers(schema_version(conn))
    with write_transaction(conn, "Herstellen van de regels van het besluitenlog"):
        for name in names:
            conn.execute(expected[name])
        if record is not None:
            record(conn)
