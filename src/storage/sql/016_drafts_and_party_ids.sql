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

-- Parties by identity: a performance item names the party who owes and the one owed by
-- the party's id (kept across saves since this version), so two parties of one name
-- (同名同姓) are two, and a renamed party stays the same party. The names stay: they are
-- what the item says of someone who is not a party (an insurer), and the name at the
-- time for a party. The existing items are linked to the first party of the case with
-- their name; a name no party has stays a name. No ON DELETE: a party an item names is
-- not removed (storage refuses it with the reason first).
--
-- The table is copied into a new one (rather than altered), so the step can run again
-- over a file it has already changed, as the drafts' step above can.
CREATE TABLE agreement_items_new (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES agreements(case_id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    what           TEXT NOT NULL,
    obligor        TEXT NOT NULL DEFAULT '',
    obligor_party  INTEGER REFERENCES parties(id),
    obligee        TEXT NOT NULL DEFAULT '',
    obligee_party  INTEGER REFERENCES parties(id),
    amount_fen     INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    due_on         TEXT,
    place          TEXT NOT NULL DEFAULT '',
    done_on        TEXT,
    UNIQUE (case_id, seq)
);
INSERT INTO agreement_items_new (id, case_id, seq, what, obligor, obligor_party, obligee,
                                 obligee_party, amount_fen, due_on, place, done_on)
SELECT i.id, i.case_id, i.seq, i.what, i.obligor,
       (SELECT p.id FROM parties p WHERE p.case_id = i.case_id AND p.name = i.obligor
        ORDER BY p.seq LIMIT 1),
       i.obligee,
       (SELECT p.id FROM parties p WHERE p.case_id = i.case_id AND p.name = i.obligee
        ORDER BY p.seq LIMIT 1),
       i.amount_fen, i.due_on, i.place, i.done_on
FROM agreement_items i ORDER BY i.id;
DROP TABLE agreement_items;
ALTER TABLE agreement_items_new RENAME TO agreement_items;
-- The indexes of 007 and 013, and two for removing a party (the items naming it).
CREATE INDEX agreement_items_open_by_due ON agreement_items (due_on)
    WHERE done_on IS NULL AND due_on IS NOT NULL;
CREATE INDEX agreement_items_amounts ON agreement_items (case_id, amount_fen);
CREATE INDEX agreement_items_by_obligor ON agreement_items (obligor_party);
CREATE INDEX agreement_items_by_obligee ON agreement_items (obligee_party);

-- A session's invitation names the party by id too, so it follows the party when another
-- one leaves the case and the places move up (party_seq is kept current by storage).
-- Linked by the place the invitation recorded; a place no party has stays a name. A
-- party that leaves is taken off the link, its invitation kept by name.
CREATE TABLE session_parties_new (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    party_seq   INTEGER NOT NULL,
    name        TEXT NOT NULL,
    party_id    INTEGER REFERENCES parties(id) ON DELETE SET NULL,
    PRIMARY KEY (session_id, seq)
);
INSERT INTO session_parties_new (session_id, seq, party_seq, name, party_id)
SELECT sp.session_id, sp.seq, sp.party_seq, sp.name,
       (SELECT p.id FROM sessions s JOIN parties p ON p.case_id = s.case_id
        WHERE s.id = sp.session_id AND p.seq = sp.party_seq)
FROM session_parties sp ORDER BY sp.session_id, sp.seq;
DROP TABLE session_parties;
ALTER TABLE session_parties_new RENAME TO session_parties;
CREATE INDEX session_parties_by_party ON session_parties (party_id);
