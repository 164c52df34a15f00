-- Version 8 (schedule, second part): why a session was called off, and an index that
-- lets the today screen read only the open cases that can be near or past their limit.

ALTER TABLE sessions ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';

-- Open cases by the day received: a limit falls a fixed number of days after that day, so
-- the cases near or past it are one range (storage/alerts.rs), read newest first; source
-- and status make it covering for the count of the rest. The WHERE must stay identical to
-- the query's status test for SQLite to use this partial index.
CREATE INDEX cases_open_by_received ON cases (org_id, received_on, source, status)
    WHERE status IN ('registered', 'accepted', 'mediating');
