-- The case list filtered by status and sorted by number or category: its pages are read
-- from a neighbouring row (keyset paging), and without the status before the sort's
-- columns each page walked the sort's index past every case of another status (at a
-- million cases, the last page of a rare status read almost all of them).
-- The other sorts have theirs: by date cases_by_status (001), by status the rank index of
-- 004 with its rank fixed. The CASE expression must stay identical to the one built in
-- storage/cases/list_keys.rs from the enumeration in its official order.
-- (IF NOT EXISTS: a file made old by dropping later tables may hold these already.)

CREATE INDEX IF NOT EXISTS cases_by_status_number
    ON cases (org_id, status, number_year, number_seq, id);

CREATE INDEX IF NOT EXISTS cases_by_status_category ON cases (
    org_id,
    status,
    (CASE category WHEN 'marriage' THEN 0 WHEN 'neighbour' THEN 1 WHEN 'housing' THEN 2
        WHEN 'contract' THEN 3 WHEN 'business' THEN 4 WHEN 'damages' THEN 5 WHEN 'land' THEN 6
        WHEN 'demolition' THEN 7 WHEN 'environment' THEN 8 WHEN 'labour' THEN 9
        WHEN 'consumer' THEN 10 WHEN 'medical' THEN 11 WHEN 'traffic' THEN 12
        WHEN 'property' THEN 13 WHEN 'other' THEN 14 END),
    local_category,
    received_on DESC,
    id DESC
);

-- How many cases each room holds in each status, kept by triggers in the transaction that
-- writes the case (as 023 keeps the room's count): the status filter (F5) shows 共 N 件
-- without counting, which at a million cases took up to 40 ms for a common status.
CREATE TABLE IF NOT EXISTS room_status_counts (
    org_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (org_id, status)
) WITHOUT ROWID;
DELETE FROM room_status_counts;
INSERT INTO room_status_counts (org_id, status, n)
    SELECT org_id, status, count(*) FROM cases GROUP BY org_id, status;

CREATE TRIGGER IF NOT EXISTS room_status_counts_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO room_status_counts (org_id, status, n) VALUES (NEW.org_id, NEW.status, 1)
        ON CONFLICT (org_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS room_status_counts_delete AFTER DELETE ON cases
BEGIN
    UPDATE room_status_counts SET n = n - 1
        WHERE org_id = OLD.org_id AND status = OLD.status;
END;

CREATE TRIGGER IF NOT EXISTS room_status_counts_change AFTER UPDATE OF org_id, status ON cases
    WHEN NEW.org_id IS NOT OLD.org_id OR NEW.status IS NOT OLD.status
BEGIN
    UPDATE room_status_counts SET n = n - 1
        WHERE org_id = OLD.org_id AND status = OLD.status;
    INSERT INTO room_status_counts (org_id, status, n) VALUES (NEW.org_id, NEW.status, 1)
        ON CONFLICT (org_id, status) DO UPDATE SET n = n + 1;
END;
