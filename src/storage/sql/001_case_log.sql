-- Version 1: the case log. Every record belongs to an organisation (directly, or through
-- its case), so one server can later host several rooms.

CREATE TABLE organisations (
    id              INTEGER PRIMARY KEY,
    room_name       TEXT NOT NULL,
    committee_name  TEXT NOT NULL,
    number_prefix   TEXT NOT NULL,
    number_pattern  TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL
);

CREATE TABLE mediators (
    id      INTEGER PRIMARY KEY,
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    name    TEXT NOT NULL,
    phone   TEXT NOT NULL DEFAULT '',
    active  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, name)
);

CREATE TABLE local_categories (
    id      INTEGER PRIMARY KEY,
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    name    TEXT NOT NULL,
    parent  TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX cases_by_received ON cases (org_id, received_on, id);
CREATE INDEX cases_by_status ON cases (org_id, status, received_on, id);

CREATE TABLE parties (
    id           INTEGER PRIMARY KEY,
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
CREATE INDEX parties_by_case ON parties (case_id, seq);

CREATE TABLE case_mediators (
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    mediator_id  INTEGER NOT NULL REFERENCES mediators(id),
    seq          INTEGER NOT NULL,
    PRIMARY KEY (case_id, mediator_id)
);

CREATE TABLE status_history (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    at           TEXT NOT NULL,
    operator     TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX status_history_by_case ON status_history (case_id, id);

CREATE TABLE settings (
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (org_id, key)
);
