-- Version 2: search. Three full-text indexes keyed by the case id (rowid), written by
-- storage in the same transaction as the case (see storage/search.rs), and rebuilt from
-- the cases when a database is upgraded to this version:
--  * case_text: trigram substrings of every searchable text, for words of 3+ characters
--    (detail=full: phrase queries need positions);
--  * case_grams: each distinct 1- and 2-character gram of the same texts as one token,
--    because trigram finds nothing for shorter words (detail=none: only "which cases");
--  * case_pinyin: pinyin initials and full spellings of party names, matched by prefix.

CREATE VIRTUAL TABLE case_text USING fts5(
    number, names, ids, phones, addresses, facts, claims, referrer,
    tokenize = 'trigram', detail = full
);

CREATE VIRTUAL TABLE case_grams USING fts5(
    grams, tokenize = 'unicode61 remove_diacritics 0', detail = none
);

CREATE VIRTUAL TABLE case_pinyin USING fts5(
    keys, tokenize = 'unicode61 remove_diacritics 0', detail = none
);

-- A deleted case leaves nothing behind in the indexes, whoever deletes it.
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
    DELETE FROM case_text WHERE rowid = old.id;
    DELETE FROM case_grams WHERE rowid = old.id;
    DELETE FROM case_pinyin WHERE rowid = old.id;
END;

-- Statistics read status changes by their time and the cases by their category.
CREATE INDEX status_history_by_time ON status_history (to_status, at, case_id);

-- Repeat parties: earlier cases of the same ID number, or of the same name and phone.
CREATE INDEX parties_by_id_number ON parties (id_number) WHERE id_number <> '';
CREATE INDEX parties_by_name_phone ON parties (name, phone) WHERE phone <> '';
