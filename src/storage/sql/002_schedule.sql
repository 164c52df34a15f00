-- Version 2: the schedule. Sessions of cases with their mediators and invited parties,
-- follow-up visits, and the room's list of places.

CREATE TABLE places (
    id       INTEGER PRIMARY KEY,
    org_id   INTEGER NOT NULL REFERENCES organisations(id),
    seq      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    -- 1 for the room's own rooms, which cannot hold two sessions at once.
    is_room  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, name)
);

CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY,
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
    updated_at       TEXT NOT NULL
);
-- Agenda and month view: one range of days, counted per day without touching the rows.
CREATE INDEX sessions_by_day ON sessions (org_id, day, status);
-- The conflict check: sessions starting in a window (at most a day before the new end).
CREATE INDEX sessions_by_start ON sessions (org_id, start_utc);
CREATE INDEX sessions_by_case ON sessions (case_id, start_utc);

CREATE TABLE session_mediators (
    session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    mediator_id  INTEGER NOT NULL REFERENCES mediators(id),
    seq          INTEGER NOT NULL,
    PRIMARY KEY (session_id, mediator_id)
);
CREATE INDEX session_mediators_by_mediator ON session_mediators (mediator_id, session_id);

CREATE TABLE session_parties (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    party_seq   INTEGER NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE follow_ups (
    id            INTEGER PRIMARY KEY,
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
CREATE INDEX follow_ups_by_case ON follow_ups (case_id, visited_on);

-- The today screen finds recent agreements without reading every case's history.
CREATE INDEX status_history_by_status ON status_history (to_status, at);
