-- The audit trail learns a sixth action, 'refused': an operation the rights table
-- (src/domain/rights.rs) refused to the person asking — on a screen, on the command line
-- or in storage — is recorded with who, what (the operation and their role, as JSON) and
-- which case. A CHECK cannot be changed in place, so the table is copied into a new one,
-- every row kept in order with its id, as 011 did.
--
-- The row triggers of the audited tables write into `audit`; they are dropped first, or
-- renaming the new table would fail on triggers naming a table that is gone. They are
-- made again from storage/audit.rs as soon as the migration is committed (as on every
-- open). Names as of this step: the six audited tables, three triggers each.
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

CREATE TABLE audit_new (
    id           INTEGER PRIMARY KEY,
    -- RFC 3339 with the zone of the machine that made the change.
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    row_id       INTEGER,
    -- The case the row belongs to, so a case's history is one index range. No foreign
    -- key: the history of a deleted case stays.
    case_id      INTEGER,
    action       TEXT NOT NULL
                 CHECK (action IN ('insert', 'update', 'delete', 'view', 'import', 'refused')),
    before_json  TEXT,
    after_json   TEXT
);
INSERT INTO audit_new (id, at, user_name, table_name, row_id, case_id, action, before_json,
                       after_json)
SELECT id, at, user_name, table_name, row_id, case_id, action, before_json, after_json
FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_by_case ON audit (case_id, id);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
