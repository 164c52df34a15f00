-- Users and the audit trail (issue 5; migration 006 of the session plan — in a branch
-- without 005 it is the fifth step of MIGRATIONS).
--
-- The audit rows are written by triggers on the audited tables. Those triggers are made
-- by storage/audit.rs from each table's columns when a database is opened (so a column
-- added by a later step is recorded without editing them); what is here is the table and
-- the rule that nobody changes or removes an audit row.

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    -- The login name: the operating-system user, or `--as NAME` in an SSH forced command.
    name        TEXT NOT NULL UNIQUE,
    display     TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('admin', 'mediator', 'clerk', 'readonly')),
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);

-- Who registered a case is the operator of its 登记 entry in status_history (the one
-- without a status before it). A front-desk clerk's list asks by it: this index finds
-- their cases without a copy in cases to keep in step (a column kept by a trigger cost
-- every registration a second write of the case row).
CREATE INDEX status_history_registrations ON status_history (operator, case_id)
WHERE from_status IS NULL;

CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    -- RFC 3339 with the zone of the machine that made the change.
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    row_id       INTEGER,
    -- The case the row belongs to, so a case's history is one index range. No foreign
    -- key: the history of a deleted case stays.
    case_id      INTEGER,
    action       TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'view')),
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX audit_by_case ON audit (case_id, id);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
