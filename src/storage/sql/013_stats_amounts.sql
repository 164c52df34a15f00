-- The statistics add up the amounts of the agreements of every case they count (tens of
-- thousands in a year at 100,000 cases). With case and amount in one index the sum is
-- read from the index alone instead of from each item's row (a year's statistics: about
-- 68 ms → 48 ms of SQLite's time on the 100,000-case demo).
CREATE INDEX IF NOT EXISTS agreement_items_amounts ON agreement_items (case_id, amount_fen);
