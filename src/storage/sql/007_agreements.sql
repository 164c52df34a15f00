-- Version 5: the 人民调解协议书 of a case (at most one per case: the case's id is the key),
-- its clauses and its performance items as child rows. The two partial indexes are what
-- the today screen reads: open items by due date, unconfirmed agreements by their date
-- (the 30-day confirmation window runs from it), so it never scans settled agreements.

CREATE TABLE agreements (
    case_id          INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    number           TEXT NOT NULL DEFAULT '',
    facts            TEXT NOT NULL DEFAULT '',
    agreed_on        TEXT,
    status           TEXT NOT NULL,
    confirmation     TEXT NOT NULL DEFAULT 'none',
    court            TEXT NOT NULL DEFAULT '',
    confirmation_on  TEXT,
    mediators        TEXT NOT NULL DEFAULT '',
    recorder         TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX agreements_unconfirmed_by_date ON agreements (agreed_on)
    WHERE confirmation = 'none' AND agreed_on IS NOT NULL;

CREATE TABLE agreement_clauses (
    case_id  INTEGER NOT NULL REFERENCES agreements(case_id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

CREATE TABLE agreement_items (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES agreements(case_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    what        TEXT NOT NULL,
    obligor     TEXT NOT NULL DEFAULT '',
    obligee     TEXT NOT NULL DEFAULT '',
    amount_fen  INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    due_on      TEXT,
    place       TEXT NOT NULL DEFAULT '',
    done_on     TEXT,
    UNIQUE (case_id, seq)
);
CREATE INDEX agreement_items_open_by_due ON agreement_items (due_on)
    WHERE done_on IS NULL AND due_on IS NOT NULL;
