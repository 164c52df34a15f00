-- The search tables stop keeping a copy of what they index. They were ordinary FTS5
-- tables, which store every indexed text again (for case_grams, every one- and
-- two-character gram of a case: the largest table of the file, 280 MB of 1.1 GB at
-- 100,000 cases). Search only ever asks them for rowids, and the texts are in the
-- cases, parties, sessions and agreements anyway. Contentless tables with
-- contentless_delete (SQLite 3.43 on) still let a case's entries be deleted and
-- written again by rowid, which is all storage/search.rs does.
--
-- The tables are made empty; storage/search.rs sees a database from before this step
-- (its LAST_INDEX_CHANGE) and indexes every case again when it is opened.
DROP TABLE case_text;
DROP TABLE case_grams;
DROP TABLE case_pinyin;

CREATE VIRTUAL TABLE case_text USING fts5(
    number, names, ids, phones, addresses, facts, claims, referrer, records, agreements,
    tokenize = 'trigram', detail = full, content = '', contentless_delete = 1
);

CREATE VIRTUAL TABLE case_grams USING fts5(
    grams, tokenize = 'unicode61 remove_diacritics 0', detail = none,
    content = '', contentless_delete = 1
);

CREATE VIRTUAL TABLE case_pinyin USING fts5(
    keys, tokenize = 'unicode61 remove_diacritics 0', detail = none,
    content = '', contentless_delete = 1
);
