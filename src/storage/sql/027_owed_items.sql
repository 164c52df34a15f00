-- 今日's performance items are read from the live agreements (signed or being performed,
-- the partial index of 010), each one's items looked up by case through an index that
-- holds neither whether an item is done nor its day: every item of every live agreement
-- was read from the table, owed or not (at a million cases 21,468 agreements, 14 ms
-- before the first screen of a room whose items are all done). This index holds only the
-- items still owed with a due day, by case and day, so each lookup is one probe that
-- finds only what can be due.
CREATE INDEX IF NOT EXISTS agreement_items_owed ON agreement_items (case_id, due_on)
    WHERE done_on IS NULL AND due_on IS NOT NULL;
