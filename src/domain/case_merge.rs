//! The three-way merge of a case's fields: my edit and someone else's, both made from
//! the version the form was opened at (the base). A field changed on one side only takes
//! that side's value; a field both sides changed to different values is a clash, decided
//! by `Prefer`. Parties merge party by party, matched by their stable id, and field by
//! field within a party. Pure: no storage, no terminal.

use super::case::CaseFields;
use super::party::{Party, PartyId};

/// Which side a clash takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// My value.
    Mine,
    /// The value saved by the other person.
    Theirs,
}

/// One thing both sides changed differently. Field names are the form's field ids
/// (`facts`, `amount`, `phone` …), so a screen can label them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// A field of the case itself.
    Case(&'static str),
    /// A field of one party.
    Party {
        /// The party (stored, so it has an id).
        id: PartyId,
        /// The field.
        field: &'static str,
    },
    /// A party one side removed and the other changed.
    PartyGone {
        /// The party.
        id: PartyId,
        /// Who removed it.
        removed_by: Prefer,
    },
}

/// The merged fields (clashes decided by the preference given) and the clashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// What to save.
    pub fields: CaseFields,
    /// What both sides changed differently, in the form's order, then the parties.
    pub clashes: Vec<Clash>,
}

/// Merges `mine` and `theirs`, both edited from `base`.
pub fn merge(base: &CaseFields, mine: &CaseFields, theirs: &CaseFields, prefer: Prefer) -> Merge {
    let mut m = Merger {
        prefer,
        clashes: Vec::new(),
        party: None,
    };
    // Destructured whole, so a field added to `CaseFields` must be merged here too.
    let CaseFields {
        received_on,
        source,
        referrer_unit,
        referrer_ref,
        category,
        facts,
        claims,
        amount_fen,
        persons_involved,
        risk_escalation,
        risk_group,
        parties: _,
    } = base;
    let fields = CaseFields {
        received_on: m.pick(
            "received_on",
            received_on,
            &mine.received_on,
            &theirs.received_on,
        ),
        source: m.pick("source", source, &mine.source, &theirs.source),
        referrer_unit: m.pick(
            "referrer_unit",
            referrer_unit,
            &mine.referrer_unit,
            &theirs.referrer_unit,
        ),
        referrer_ref: m.pick(
            "referrer_ref",
            referrer_ref,
            &mine.referrer_ref,
            &theirs.referrer_ref,
        ),
        category: m.pick("category", category, &mine.category, &theirs.category),
        facts: m.pick("facts", facts, &mine.facts, &theirs.facts),
        claims: m.pick("claims", claims, &mine.claims, &theirs.claims),
        amount_fen: m.pick("amount", amount_fen, &mine.amount_fen, &theirs.amount_fen),
        persons_involved: m.pick(
            "persons",
            persons_involved,
            &mine.persons_involved,
            &theirs.persons_involved,
        ),
        risk_escalation: m.pick(
            "risk_escalation",
            risk_escalation,
            &mine.risk_escalation,
            &theirs.risk_escalation,
        ),
        risk_group: m.pick(
            "risk_group",
            risk_group,
            &mine.risk_group,
            &theirs.risk_group,
        ),
        parties: m.parties(&base.parties, &mine.parties, &theirs.parties),
    };
    Merge {
        fields,
        clashes: m.clashes,
    }
}

/// The party an agent acts for, the same in each version: a stored party by its id, or
/// one only I added by its place in my list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Id(PartyId),
    Added(usize),
}

/// Whom `p` (of `list`) acts for.
fn target(list: &[Party], p: &Party) -> Option<Target> {
    let i = p.acts_for?;
    let principal = list.get(i)?;
    Some(match principal.id {
        Some(id) => Target::Id(id),
        None => Target::Added(i),
    })
}

struct Merger {
    prefer: Prefer,
    clashes: Vec<Clash>,
    /// The party whose fields are being merged, if any.
    party: Option<PartyId>,
}

impl Merger {
    /// The three-way rule for one value.
    fn pick<T: PartialEq + Clone>(
        &mut self,
        name: &'static str,
        base: &T,
        mine: &T,
        theirs: &T,
    ) -> T {
        if mine == theirs || theirs == base {
            return mine.clone();
        }
        if mine == base {
            return theirs.clone();
        }
        self.clashes.push(match self.party {
            Some(id) => Clash::Party { id, field: name },
            None => Clash::Case(name),
        });
        match self.prefer {
            Prefer::Mine => mine.clone(),
            Prefer::Theirs => theirs.clone(),
        }
    }

    /// The stored order (theirs), each party merged; parties only I added (no id yet, or
    /// an id the stored case does not know) come after, in my order.
    /// Parties not stored yet on the stored side cannot be matched: the list is then one
    /// value (`parties`).
    fn parties(&mut self, base: &[Party], mine: &[Party], theirs: &[Party]) -> Vec<Party> {
        if base.iter().chain(theirs).any(|p| p.id.is_none()) {
            return self.pick("parties", &base.to_vec(), &mine.to_vec(), &theirs.to_vec());
        }
        let find = |list: &'_ [Party], id: PartyId| list.iter().find(|p| p.id == Some(id)).cloned();
        let known = |id: Option<PartyId>| {
            id.is_some_and(|id| base.iter().chain(theirs).any(|p| p.id == Some(id)))
        };
        let mut out = Vec::new();
        // Whom each merged party acts for (an agent), as a party rather than a position.
        let mut acts_for = Vec::new();
        for t in theirs {
            let Some(id) = t.id else {
                out.push(t.clone());
                acts_for.push(target(theirs, t));
                continue;
            };
            match (find(base, id), find(mine, id)) {
                // Added by them.
                (None, _) => {
                    out.push(t.clone());
                    acts_for.push(target(theirs, t));
                }
                (Some(b), Some(m)) => {
                    out.push(self.party(id, &b, &m, t));
                    self.party = Some(id);
                    let (b, m, t) = (target(base, &b), target(mine, &m), target(theirs, t));
                    acts_for.push(self.pick("acts_for", &b, &m, &t));
                    self.party = None;
                }
                // I removed it: gone, unless they changed it meanwhile.
                (Some(b), None) if b == *t => {}
                (Some(_), None) => {
                    self.clashes.push(Clash::PartyGone {
                        id,
                        removed_by: Prefer::Mine,
                    });
                    if self.prefer == Prefer::Theirs {
                        out.push(t.clone());
                        acts_for.push(target(theirs, t));
                    }
                }
            }
        }
        // They removed it: gone, unless I changed it.
        for b in base {
            let Some(id) = b.id else { continue };
            if find(theirs, id).is_some() {
                continue;
            }
            if let Some(m) = find(mine, id)
                && m != *b
            {
                self.clashes.push(Clash::PartyGone {
                    id,
                    removed_by: Prefer::Theirs,
                });
                if self.prefer == Prefer::Mine {
                    acts_for.push(target(mine, &m));
                    out.push(m);
                }
            }
        }
        // Parties only I added, each remembered by its place in my list.
        let mut added = Vec::new();
        for (i, m) in mine.iter().enumerate().filter(|(_, p)| !known(p.id)) {
            added.push((i, out.len()));
            acts_for.push(target(mine, m));
            out.push(m.clone());
        }
        // Back to positions, in the merged list.
        let ids: Vec<Option<PartyId>> = out.iter().map(|p| p.id).collect();
        for (p, target) in out.iter_mut().zip(acts_for) {
            p.acts_for = match target {
                Some(Target::Id(id)) => ids.iter().position(|x| *x == Some(id)),
                Some(Target::Added(i)) => added.iter().find(|(m, _)| *m == i).map(|(_, o)| *o),
                None => None,
            };
        }
        out
    }

    /// One party both sides still have, field by field.
    fn party(&mut self, id: PartyId, base: &Party, mine: &Party, theirs: &Party) -> Party {
        self.party = Some(id);
        // Destructured whole, so a field added to `Party` must be merged here too.
        let Party {
            id: _,
            role,
            kind,
            name,
            sex,
            ethnicity,
            birth_date,
            id_number,
            occupation,
            credit_code,
            legal_rep,
            legal_rep_title,
            // Merged by `parties`, as the party it names (a position differs per list).
            acts_for: _,
            phone,
            address,
        } = base;
        let merged = Party {
            id: Some(id),
            role: self.pick("role", role, &mine.role, &theirs.role),
            kind: self.pick("kind", kind, &mine.kind, &theirs.kind),
            name: self.pick("name", name, &mine.name, &theirs.name),
            sex: self.pick("sex", sex, &mine.sex, &theirs.sex),
            ethnicity: self.pick("ethnicity", ethnicity, &mine.ethnicity, &theirs.ethnicity),
            birth_date: self.pick(
                "birth_date",
                birth_date,
                &mine.birth_date,
                &theirs.birth_date,
            ),
            id_number: self.pick("id_number", id_number, &mine.id_number, &theirs.id_number),
            occupation: self.pick(
                "occupation",
                occupation,
                &mine.occupation,
                &theirs.occupation,
            ),
            credit_code: self.pick(
                "credit_code",
                credit_code,
                &mine.credit_code,
                &theirs.credit_code,
            ),
            legal_rep: self.pick("legal_rep", legal_rep, &mine.legal_rep, &theirs.legal_rep),
            legal_rep_title: self.pick(
                "legal_rep_title",
                legal_rep_title,
                &mine.legal_rep_title,
                &theirs.legal_rep_title,
            ),
            acts_for: None,
            phone: self.pick("phone", phone, &mine.phone, &theirs.phone),
            address: self.pick("address", address, &mine.address, &theirs.address),
        };
        self.party = None;
        merged
    }
}

#[cfg(test)]
mod tests;
