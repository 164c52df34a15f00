-- Search in session records (file 009; in this branch the fifth step, user_version 5).
-- case_text gains two columns: `records`, the 调解记录 of the case's sessions (attendees,
-- notes, outcome), and `agreements`, left empty until the agreement capability fills it
-- (storage/search.rs `agreement_text`). An FTS5 table cannot gain columns, so it is made
-- again; storage rebuilds every case's entries after this step (search::index_version).
-- The delete trigger of version 3 names the table, not its columns, and keeps working.

DROP TABLE case_text;

CREATE VIRTUAL TABLE case_text USING fts5(
    number, names, ids, phones, addresses, facts, claims, referrer, records, agreements,
    tokenize = 'trigram', detail = full
);
