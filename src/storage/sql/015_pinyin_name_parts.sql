-- Pinyin keys now cover each part of a dotted name (额尔德木图·巴特尔 by `bte`, `bateer`)
-- and each word of an organisation's name (巴彦淖尔市恒泰供热有限公司 by `hengtai`, `htgr`).
-- The pinyin index is emptied here; storage/search.rs sees a database from before this
-- step (its LAST_INDEX_CHANGE) and indexes every case again when it is opened.
INSERT INTO case_pinyin (case_pinyin) VALUES ('delete-all');
