-- Whom an agent acts for, and the 职务 of an organisation's 法定代表人: what a 司法所
-- reviewer checks on every agreement (DOMAIN.md §3: an agent is listed and signs under
-- the party they represent; an organisation shows its 法定代表人 with 职务).
--
-- `acts_for` is the id of the party of the same case an agent (role 'agent') acts for;
-- NULL for a party, and for an agent of a case that has no party. Existing agents are
-- linked by the rule tiaojie printed them by until now, since nothing stored says more:
-- the first party of the applicant side — the case's first applicant (lowest seq),
-- else its first respondent, else its first third party (the party dialog offered no
-- choice, and every paper printed each agent under that party). So every agreement
-- prints as it did; the party dialog now changes the link where it was someone else.
-- No REFERENCES clause: storage moves or clears a link before the party it names
-- leaves (storage/cases/parties.rs), and the triggers below check every link written;
-- a foreign key would also keep the column from ever being dropped.
ALTER TABLE parties ADD COLUMN acts_for INTEGER;
UPDATE parties SET acts_for = (
    SELECT p.id FROM parties p
    WHERE p.case_id = parties.case_id AND p.role IN ('applicant', 'respondent', 'third_party')
    ORDER BY CASE p.role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END, p.seq
    LIMIT 1)
WHERE role = 'agent';
CREATE INDEX parties_by_principal ON parties (acts_for) WHERE acts_for IS NOT NULL;

-- The 职务 was typed after the name until now, in brackets or after a comma
-- (赵明（总经理）, 赵明，总经理), which is how the papers read it: it moves into its own
-- column, the name keeping what stood before.
ALTER TABLE parties ADD COLUMN legal_rep_title TEXT NOT NULL DEFAULT '';
UPDATE parties SET
    legal_rep_title = trim(rtrim(trim(substr(legal_rep, instr(legal_rep, '（') + 1)), '）')),
    legal_rep = trim(substr(legal_rep, 1, instr(legal_rep, '（') - 1))
WHERE kind = 'organisation' AND instr(legal_rep, '（') > 1;
UPDATE parties SET
    legal_rep_title = trim(rtrim(trim(substr(legal_rep, instr(legal_rep, '(') + 1)), ')')),
    legal_rep = trim(substr(legal_rep, 1, instr(legal_rep, '(') - 1))
WHERE kind = 'organisation' AND legal_rep_title = '' AND instr(legal_rep, '(') > 1;
UPDATE parties SET
    legal_rep_title = trim(substr(legal_rep, instr(legal_rep, '，') + 1)),
    legal_rep = trim(substr(legal_rep, 1, instr(legal_rep, '，') - 1))
WHERE kind = 'organisation' AND legal_rep_title = '' AND instr(legal_rep, '，') > 1;
UPDATE parties SET
    legal_rep_title = trim(substr(legal_rep, instr(legal_rep, ',') + 1)),
    legal_rep = trim(substr(legal_rep, 1, instr(legal_rep, ',') - 1))
WHERE kind = 'organisation' AND legal_rep_title = '' AND instr(legal_rep, ',') > 1;

-- Storage refuses a link that names a party of another case, an agent, the agent itself,
-- or one from a row that is not an agent — whichever path writes the row. (tiaojie
-- checks the links with a plain message first; these are the last line.) A party that
-- agents act for does not become an agent either.
CREATE TRIGGER parties_acts_for_insert BEFORE INSERT ON parties
WHEN NEW.acts_for IS NOT NULL AND (
    NEW.role <> 'agent'
    OR NOT EXISTS (SELECT 1 FROM parties p WHERE p.id = NEW.acts_for
                   AND p.case_id = NEW.case_id AND p.role <> 'agent'))
BEGIN
    SELECT RAISE(ABORT, 'an agent acts for another party of the same case');
END;
CREATE TRIGGER parties_acts_for_update BEFORE UPDATE OF acts_for, role, case_id ON parties
WHEN (NEW.acts_for IS NOT NULL AND (
        NEW.role <> 'agent'
        OR NEW.acts_for = NEW.id
        OR NOT EXISTS (SELECT 1 FROM parties p WHERE p.id = NEW.acts_for
                       AND p.case_id = NEW.case_id AND p.role <> 'agent')))
  OR (NEW.role = 'agent' AND EXISTS (SELECT 1 FROM parties a WHERE a.acts_for = NEW.id))
BEGIN
    SELECT RAISE(ABORT, 'an agent acts for another party of the same case');
END;
