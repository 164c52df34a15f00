-- The room now has a time zone of its own (设置 → 时区, the setting `time.zone`), Beijing
-- time until the room says otherwise; before, times were typed in the machine's zone. A
-- session is filed under the day its start falls on in the room's zone, so a room kept on
-- a server in UTC had its evening sessions filed a day early. Each session's day is made
-- again from its instant (start_utc) at +08:00; the times themselves keep their instants.
--
-- The day is derived, not a change anyone made to a session: the audit trigger on
-- sessions is dropped first, as in step 11, and made again by storage/audit.rs as soon
-- as this step is committed.
DROP TRIGGER IF EXISTS audit_sessions_update;
UPDATE sessions SET day = date(start_utc + 28800, 'unixepoch')
WHERE day IS NOT date(start_utc + 28800, 'unixepoch');
