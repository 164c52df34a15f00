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
