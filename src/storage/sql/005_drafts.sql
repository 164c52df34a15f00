-- Drafts: what a user had typed into a form that is still open, saved after a short
-- pause in typing, so a dropped SSH connection, a crash or a power cut loses nothing.
-- One row per user and form; saving or cancelling the form deletes it.
CREATE TABLE drafts (
    user        TEXT NOT NULL,
    form_key    TEXT NOT NULL,   -- e.g. 'case:new', 'case:123', 'session:123', 'settings'
    content     TEXT NOT NULL,   -- JSON of the form's fields
    updated_at  TEXT NOT NULL,   -- RFC 3339 with offset
    PRIMARY KEY (user, form_key)
) WITHOUT ROWID;
