-- Ids are never handed out twice. Without AUTOINCREMENT SQLite gives a new row the
-- largest id in the table plus one, so deleting the last row frees its id, and after a
-- restore from an older copy the ids of everything made since came back: a front desk
-- whose screen still showed a restored-away case saved its form over a different case
-- registered after the restore. With AUTOINCREMENT the largest id ever used is kept in
-- sqlite_sequence, which a restore raises to the replaced file's ids (storage/restore.rs).
--
-- A table cannot gain AUTOINCREMENT in place: each table whose ids a screen, a form or
-- a draft holds (cases, parties, sessions, follow-up visits, mediators, users) is copied
-- into a new one with every row and id kept, then its indexes are made again. The audit
-- table is copied too, to learn the actions 'restore' (a copy put back, by whom, from
-- which file) and 'repair' (missing or altered audit triggers made again), and already
-- 'refused' (an operation the rights table refused, from the rights work done beside
-- this step: one copy of the audit instead of two). Tables nobody addresses by id
-- (status history, places, agreement items, categories) are left as they are: copying
-- them would only make the upgrade of a large file slower.
--
-- Foreign keys are off while migrations run (storage/migrations.rs): dropping `cases`
-- with them on would delete every party, session and visit through ON DELETE CASCADE.
-- `SELECT *` copies: a column added to one of these tables by a step before this one
-- makes the copy fail loudly instead of being lost.
--
-- The audit triggers name `audit`, which is renamed here: they are dropped first, as in
-- step 11, and made again by storage/audit.rs as soon as this step is committed.
DROP TRIGGER IF EXISTS audit_cases_insert;
DROP TRIGGER IF EXISTS audit_cases_update;
DROP TRIGGER IF EXISTS audit_cases_delete;
DROP TRIGGER IF EXISTS audit_parties_insert;
DROP TRIGGER IF EXISTS audit_parties_update;
DROP TRIGGER IF EXISTS audit_parties_delete;
DROP TRIGGER IF EXISTS audit_sessions_insert;
DROP TRIGGER IF EXISTS audit_sessions_update;
DROP TRIGGER IF EXISTS audit_sessions_delete;
DROP TRIGGER IF EXISTS audit_follow_ups_insert;
DROP TRIGGER IF EXISTS audit_follow_ups_update;
DROP TRIGGER IF EXISTS audit_follow_ups_delete;
DROP TRIGGER IF EXISTS audit_users_insert;
DROP TRIGGER IF EXISTS audit_users_update;
DROP TRIGGER IF EXISTS audit_users_delete;
DROP TRIGGER IF EXISTS audit_agreements_insert;
DROP TRIGGER IF EXISTS audit_agreements_update;
DROP TRIGGER IF EXISTS audit_agreements_delete;
DROP TRIGGER IF EXISTS audit_append_only_update;
DROP TRIGGER IF EXISTS audit_append_only_delete;
DROP TRIGGER IF EXISTS cases_search_delete;

CREATE TABLE cases_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    number_year      INTEGER,
    number_seq       INTEGER,
    number_text      TEXT,
    status           TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    received_on      TEXT NOT NULL,
    source           TEXT NOT NULL,
    referrer_unit    TEXT NOT NULL DEFAULT '',
    referrer_ref     TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL,
    local_category   TEXT,
    facts            TEXT NOT NULL,
    claims           TEXT NOT NULL DEFAULT '',
    amount_fen       INTEGER,
    persons_involved INTEGER NOT NULL DEFAULT 0,
    risk_escalation  INTEGER NOT NULL DEFAULT 0,
    risk_group       INTEGER NOT NULL DEFAULT 0,
    -- Kept by storage on every write so that a page of the list reads one table.
    party_names      TEXT NOT NULL DEFAULT '',
    mediator_names   TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (org_id, number_year, number_seq)
);
INSERT INTO cases_new SELECT * FROM cases ORDER BY id;
DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;
CREATE INDEX cases_by_received ON cases (org_id, received_on, id);
CREATE INDEX cases_by_status ON cases (org_id, status, received_on, id);
CREATE INDEX cases_by_number ON cases (org_id, number_year, number_seq, id);
CREATE INDEX cases_by_category_rank ON cases (
    org_id,
    (CASE category WHEN 'marriage' THEN 0 WHEN 'neighbour' THEN 1 WHEN 'housing' THEN 2
        WHEN 'contract' THEN 3 WHEN 'business' THEN 4 WHEN 'damages' THEN 5 WHEN 'land' THEN 6
        WHEN 'demolition' THEN 7 WHEN 'environment' THEN 8 WHEN 'labour' THEN 9
        WHEN 'consumer' THEN 10 WHEN 'medical' THEN 11 WHEN 'traffic' THEN 12
        WHEN 'property' THEN 13 WHEN 'other' THEN 14 END),
    local_category,
    received_on DESC,
    id DESC
);
CREATE INDEX cases_by_status_rank ON cases (
    org_id,
    (CASE status WHEN 'registered' THEN 0 WHEN 'accepted' THEN 1 WHEN 'rejected' THEN 2
        WHEN 'mediating' THEN 3 WHEN 'succeeded' THEN 4 WHEN 'terminated' THEN 5
        WHEN 'archived' THEN 6 END),
    received_on DESC,
    id DESC
);
CREATE INDEX cases_open_by_received ON cases (org_id, received_on, source, status)
    WHERE status IN ('registered', 'accepted', 'mediating');
-- A deleted case leaves nothing behind in the indexes, whoever deletes it.
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
    DELETE FROM case_text WHERE rowid = old.id;
    DELETE FROM case_grams WHERE rowid = old.id;
    DELETE FROM case_pinyin WHERE rowid = old.id;
END;

CREATE TABLE parties_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    role         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    sex          TEXT,
    ethnicity    TEXT NOT NULL DEFAULT '',
    birth_date   TEXT,
    id_number    TEXT NOT NULL DEFAULT '',
    occupation   TEXT NOT NULL DEFAULT '',
    credit_code  TEXT NOT NULL DEFAULT '',
    legal_rep    TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT ''
);
INSERT INTO parties_new SELECT * FROM parties ORDER BY id;
DROP TABLE parties;
ALTER TABLE parties_new RENAME TO parties;
CREATE INDEX parties_by_case ON parties (case_id, seq);
CREATE INDEX parties_by_id_number ON parties (id_number) WHERE id_number <> '';
CREATE INDEX parties_by_name_phone ON parties (name, phone) WHERE phone <> '';

CREATE TABLE sessions_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL,
    -- The local date of the start (ISO): what the agenda and the month view ask by.
    day              TEXT NOT NULL,
    -- RFC 3339 with the zone, as typed.
    start_at         TEXT NOT NULL,
    end_at           TEXT NOT NULL,
    -- The same instants in Unix seconds, so overlaps compare across zones.
    start_utc        INTEGER NOT NULL,
    end_utc          INTEGER NOT NULL,
    place            TEXT NOT NULL DEFAULT '',
    place_is_room    INTEGER NOT NULL DEFAULT 0,
    postponed_to     INTEGER REFERENCES sessions(id),
    attendees        TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL DEFAULT '',
    override_reason  TEXT NOT NULL DEFAULT '',
    -- session_mediators and session_parties packed ("id␞name␟…", kept by storage on every
    -- write), so that an agenda line reads one row.
    mediator_list    TEXT NOT NULL DEFAULT '',
    party_list       TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    cancel_reason    TEXT NOT NULL DEFAULT ''
);
INSERT INTO sessions_new SELECT * FROM sessions ORDER BY id;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
-- Agenda and month view: one range of days, counted per day without touching the rows.
CREATE INDEX sessions_by_day ON sessions (org_id, day, status);
-- The conflict check: sessions starting in a window (at most a day before the new end).
CREATE INDEX sessions_by_start ON sessions (org_id, start_utc);
CREATE INDEX sessions_by_case ON sessions (case_id, start_utc);

CREATE TABLE follow_ups_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    visited_on    TEXT NOT NULL,
    way           TEXT NOT NULL,
    performance   TEXT NOT NULL,
    satisfaction  TEXT NOT NULL,
    lawsuit       INTEGER NOT NULL DEFAULT 0,
    escalation    INTEGER NOT NULL DEFAULT 0,
    measures      TEXT NOT NULL DEFAULT '',
    by_whom       TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
INSERT INTO follow_ups_new SELECT * FROM follow_ups ORDER BY id;
DROP TABLE follow_ups;
ALTER TABLE follow_ups_new RENAME TO follow_ups;
CREATE INDEX follow_ups_by_case ON follow_ups (case_id, visited_on);

CREATE TABLE mediators_new (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    name    TEXT NOT NULL,
    phone   TEXT NOT NULL DEFAULT '',
    active  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, name)
);
INSERT INTO mediators_new SELECT * FROM mediators ORDER BY id;
DROP TABLE mediators;
ALTER TABLE mediators_new RENAME TO mediators;

CREATE TABLE users_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The login name: the operating-system user, or `--as NAME` in an SSH forced command.
    name        TEXT NOT NULL UNIQUE,
    display     TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('admin', 'mediator', 'clerk', 'readonly')),
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);
INSERT INTO users_new SELECT * FROM users ORDER BY id;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE audit_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    -- RFC 3339 with the zone of the machine that made the change.
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    row_id       INTEGER,
    -- The case the row belongs to, so a case's history is one index range. No foreign
    -- key: the history of a deleted case stays.
    case_id      INTEGER,
    action       TEXT NOT NULL
                 CHECK (action IN ('insert', 'update', 'delete', 'view', 'import', 'restore',
                                   'repair', 'refused')),
    before_json  TEXT,
    after_json   TEXT
);
INSERT INTO audit_new SELECT * FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_by_case ON audit (case_id, id);
-- A case's history shows the restores since it was registered: they are found by action.
CREATE INDEX audit_restores ON audit (id) WHERE action = 'restore';

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

-- The room's generation: raised by every restore. Each running tiaojie reads it when its
-- change poll sees a commit; a different number means the whole file was put back from
-- a copy, so it reloads everything, keeps open forms as drafts, and writes nothing that
-- was typed against the old content (storage/generation.rs).
CREATE TABLE IF NOT EXISTS room_generation (
    one         INTEGER PRIMARY KEY CHECK (one = 1),
    generation  INTEGER NOT NULL
);
INSERT OR IGNORE INTO room_generation (one, generation) VALUES (1, 0);
