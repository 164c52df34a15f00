-- Each agreement's effective day, kept beside its case so that 今日 reads its alerts a
-- screen at a time: an agreement's alerts run from coalesce(agreements.agreed_on, the day
-- of the 调解成功 change in the room's zone), which spans two tables and had no index, so
-- every recent 调解成功 was joined to its case and agreement before the first screen
-- (3,700 rows at 100,000 cases). One row per case that succeeded (the flow makes one
-- 调解成功 a case; its earliest is taken should a repair make two): `at` that change as
-- stored, `day` the effective day, `applied` confirmation applied for, `followed_up` a
-- visit recorded. Kept by the triggers below in the transaction of every write that
-- changes one of them (hand repairs included), made again whole when the room's zone
-- changes. (IF NOT EXISTS and a fresh fill, as 023: a file made old by dropping later
-- tables may hold these already.)
CREATE TABLE IF NOT EXISTS agreement_alert_days (
    case_id      INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL,
    at           TEXT NOT NULL,
    day          TEXT,
    applied      INTEGER NOT NULL,
    followed_up  INTEGER NOT NULL
);
-- A band of 今日 (a range of due days) is a range of effective days, each day in case order.
CREATE INDEX IF NOT EXISTS agreement_alert_days_by_day
    ON agreement_alert_days (org_id, day, case_id, applied, followed_up, at);
-- What is still watched (changes since a cutoff), counted without the table's rows.
CREATE INDEX IF NOT EXISTS agreement_alert_days_by_at
    ON agreement_alert_days (org_id, at, day, applied, followed_up);

-- The modifier that moves a stored time onto the room's clock, as storage/zone.rs reads
-- the setting `time.zone` (`+08:00`; Beijing time when unset or not a zone).
DROP VIEW IF EXISTS room_zone_shift;
CREATE VIEW room_zone_shift AS SELECT coalesce((
    SELECT CASE WHEN value GLOB '[+-][0-9][0-9]:[0-9][0-9]'
        AND CAST(substr(value, 2, 2) AS INTEGER) <= 23
        AND CAST(substr(value, 5, 2) AS INTEGER) <= 59
        THEN (CASE substr(value, 1, 1) WHEN '-' THEN -1 ELSE 1 END)
            * (CAST(substr(value, 2, 2) AS INTEGER) * 3600
               + CAST(substr(value, 5, 2) AS INTEGER) * 60)
        ELSE 28800 END
    FROM settings WHERE key = 'time.zone' ORDER BY org_id LIMIT 1), 28800) || ' seconds' AS shift;

-- The rows as they should be, made from the tables they come from.
DROP VIEW IF EXISTS agreement_alert_days_made;
CREATE VIEW agreement_alert_days_made AS
    SELECT c.id AS case_id, c.org_id AS org_id, min(h.at) AS at,
        coalesce(a.agreed_on, date(min(h.at), (SELECT shift FROM room_zone_shift))) AS day,
        coalesce(a.confirmation <> 'none', 0) AS applied,
        EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id) AS followed_up
    FROM cases c JOIN status_history h INDEXED BY status_history_by_case ON h.case_id = c.id
    LEFT JOIN agreements a ON a.case_id = c.id
    WHERE h.to_status = 'succeeded'
    GROUP BY c.id;

DELETE FROM agreement_alert_days;
INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
    SELECT * FROM agreement_alert_days_made;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_history_insert AFTER INSERT ON status_history
    WHEN NEW.to_status = 'succeeded'
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_history_delete AFTER DELETE ON status_history
    WHEN OLD.to_status = 'succeeded'
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_history_update AFTER UPDATE OF case_id, to_status, at ON status_history
    WHEN 'succeeded' IN (OLD.to_status, NEW.to_status)
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_agreement_insert AFTER INSERT ON agreements
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_agreement_delete AFTER DELETE ON agreements
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_agreement_update AFTER UPDATE OF case_id, agreed_on, confirmation ON agreements
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_visit_insert AFTER INSERT ON follow_ups
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_visit_delete AFTER DELETE ON follow_ups
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_visit_update AFTER UPDATE OF case_id ON follow_ups
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = OLD.case_id;
    DELETE FROM agreement_alert_days WHERE case_id = NEW.case_id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.case_id;
END;

-- Cases are never removed or moved by tiaojie; kept right anyway, should a repair do it.
CREATE TRIGGER IF NOT EXISTS agreement_alert_days_case_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.id;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_case_move AFTER UPDATE OF id, org_id ON cases
BEGIN
    DELETE FROM agreement_alert_days WHERE case_id = OLD.id;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made WHERE case_id = NEW.id;
END;

-- A day of change is the day in the room's zone: a new zone makes every row again.
CREATE TRIGGER IF NOT EXISTS agreement_alert_days_zone_insert AFTER INSERT ON settings
    WHEN NEW.key = 'time.zone'
BEGIN
    DELETE FROM agreement_alert_days;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_zone_delete AFTER DELETE ON settings
    WHEN OLD.key = 'time.zone'
BEGIN
    DELETE FROM agreement_alert_days;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made;
END;

CREATE TRIGGER IF NOT EXISTS agreement_alert_days_zone_update AFTER UPDATE ON settings
    WHEN 'time.zone' IN (OLD.key, NEW.key)
        AND (NEW.value IS NOT OLD.value OR NEW.key IS NOT OLD.key)
BEGIN
    DELETE FROM agreement_alert_days;
    INSERT INTO agreement_alert_days (case_id, org_id, at, day, applied, followed_up)
        SELECT * FROM agreement_alert_days_made;
END;
