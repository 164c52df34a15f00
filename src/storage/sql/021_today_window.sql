-- 今日 reads the sessions of today and tomorrow a window at a time (the lines on screen),
-- in its order: the day, then the time. This index holds them in that order with their
-- status, so a window anywhere in a district's day skips index entries only, and the
-- count per day reads no session row.
CREATE INDEX IF NOT EXISTS sessions_by_day_time ON sessions (org_id, day, start_utc, id, status);

-- Every write transaction of tiaojie counts itself here (storage/write.rs), inside the
-- transaction: a running app that knows which numbers its own writer committed can tell
-- its own commits from another process's, which PRAGMA data_version cannot (it changes
-- on the writer thread's commits too).
CREATE TABLE IF NOT EXISTS room_changes (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n INTEGER NOT NULL
);
-- (IF NOT EXISTS, OR IGNORE: a file made old by dropping later tables, as some tests and
-- restores of old copies do, may hold these already.)
INSERT OR IGNORE INTO room_changes (one, n) VALUES (1, 0);
