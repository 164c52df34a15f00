-- Drafts per window: two windows of the same user (one shared front-desk login, two
-- PuTTY windows) each keep their own drafts. A draft belongs to the process that wrote
-- it, named by a token that process holds a lock file for while it runs (see
-- storage/window.rs); the next start offers only drafts whose window is gone.
--
-- The key gains the window, so the table is copied into a new one. Drafts written
-- before this step have no window ('') and are offered at the next start, as before.
CREATE TABLE drafts_new (
    user        TEXT NOT NULL,
    owner       TEXT NOT NULL,   -- the writing window's token; '' before this step
    form_key    TEXT NOT NULL,   -- e.g. 'case:new', 'case:123', 'session:123', 'settings'
    content     TEXT NOT NULL,   -- JSON of the form's fields
    updated_at  TEXT NOT NULL,   -- RFC 3339 with offset
    PRIMARY KEY (user, owner, form_key)
) WITHOUT ROWID;
INSERT INTO drafts_new (user, owner, form_key, content, updated_at)
SELECT user, '', form_key, content, updated_at FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_new RENAME TO drafts;
