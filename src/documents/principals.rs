//! Who is a party and who speaks for one, as every form lists them: the parties
//! (申请人, 被申请人, 第三人) in role order, each followed by its 委托代理人 — an agent is
//! never a party of its own (DOMAIN.md §3: not listed, counted or signing as one) — and
//! an organisation's 法定代表人 split into name and 职务 where the text gives one.
//!
//! A case stores no link from an agent to the party they act for yet: until it does, an
//! agent acts for the first party of the applicant side (the first applicant, else the
//! first party), which is who the agents of every stored case were entered for. This is
//! the one place that decides it, so the stored link replaces only [`principal_of`].

use crate::domain::party::{Party, PartyRole};

/// A party with the agents acting for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Principal<'a> {
    /// The party.
    pub party: &'a Party,
    /// Its agents, in the order they were entered.
    pub agents: &'a [&'a Party],
}

/// The parties (agents aside) in role order, keeping the entered order within a role.
pub fn parties(all: &[Party]) -> Vec<&Party> {
    let mut out: Vec<&Party> = all.iter().filter(|p| p.role != PartyRole::Agent).collect();
    out.sort_by_key(|p| p.role);
    out
}

/// How many parties sign and keep a copy: agents are not counted.
pub fn count(all: &[Party]) -> usize {
    parties(all).len()
}

/// The party (index into `all`) the agent at `agent` acts for: the first applicant, else
/// the first party in role order; none when the case has no party but agents.
pub fn principal_of(all: &[Party], agent: usize) -> Option<usize> {
    all.get(agent).filter(|a| a.role == PartyRole::Agent)?;
    let first = |role: Option<PartyRole>| {
        all.iter()
            .position(|p| p.role != PartyRole::Agent && role.is_none_or(|r| p.role == r))
    };
    first(Some(PartyRole::Applicant))
        .or_else(|| first(Some(PartyRole::Respondent)))
        .or_else(|| first(Some(PartyRole::ThirdParty)))
        .or_else(|| first(None))
}

/// Each party with its agents, in role order; agents acting for nobody (a case holding
/// only agents) are returned apart, to be listed after the parties.
pub fn grouped(all: &[Party]) -> (Vec<(&Party, Vec<&Party>)>, Vec<&Party>) {
    let mut groups: Vec<(usize, Vec<&Party>)> = Vec::new();
    let mut orphans = Vec::new();
    for (i, p) in all.iter().enumerate() {
        if p.role == PartyRole::Agent {
            continue;
        }
        groups.push((i, Vec::new()));
    }
    for (i, p) in all.iter().enumerate() {
        if p.role != PartyRole::Agent {
            continue;
        }
        match principal_of(all, i).and_then(|at| groups.iter_mut().find(|(j, _)| *j == at)) {
            Some((_, agents)) => agents.push(p),
            None => orphans.push(p),
        }
    }
    groups.sort_by_key(|(i, _)| all[*i].role);
    let out = groups
        .into_iter()
        .map(|(i, agents)| (&all[i], agents))
        .collect();
    (out, orphans)
}

/// An organisation's 法定代表人 as typed, split into the name and the 职务 written after
/// it in brackets or after a comma (赵明（总经理）, 赵明，总经理); the 职务 is empty when
/// the text gives none.
pub fn legal_rep(text: &str) -> (String, String) {
    let text = text.trim();
    if let Some(open) = text.find(['（', '(']) {
        let name = text[..open].trim();
        let rest = text[open..]
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')'])
            .trim();
        if !name.is_empty() {
            return (name.to_string(), rest.to_string());
        }
    }
    if let Some((name, title)) = text.split_once(['，', ',']) {
        return (name.trim().to_string(), title.trim().to_string());
    }
    (text.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::PartyKind;

    fn party(role: PartyRole, name: &str) -> Party {
        Party {
            name: name.into(),
            ..Party::new(role, PartyKind::Person)
        }
    }

    #[test]
    fn an_agent_acts_for_the_first_applicant_and_is_not_counted() {
        let all = vec![
            party(PartyRole::Respondent, "李建国"),
            party(PartyRole::Agent, "黄娟"),
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Applicant, "王大山"),
            party(PartyRole::ThirdParty, "某公司"),
        ];
        assert_eq!(count(&all), 4);
        assert_eq!(principal_of(&all, 1), Some(2));
        assert_eq!(principal_of(&all, 0), None);
        let (groups, orphans) = grouped(&all);
        let names: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|(p, a)| (p.name.as_str(), a.iter().map(|a| a.name.as_str()).collect()))
            .collect();
        assert_eq!(
            names,
            [
                ("王秀兰", vec!["黄娟"]),
                ("王大山", vec![]),
                ("李建国", vec![]),
                ("某公司", vec![]),
            ]
        );
        assert!(orphans.is_empty());
        // No applicant: the respondent's side is the first there is.
        let all = vec![
            party(PartyRole::Agent, "黄娟"),
            party(PartyRole::Respondent, "李建国"),
        ];
        assert_eq!(principal_of(&all, 0), Some(1));
        let only_agent = vec![party(PartyRole::Agent, "黄娟")];
        assert_eq!(grouped(&only_agent).1.len(), 1);
        assert_eq!(count(&only_agent), 0);
    }

    #[test]
    fn a_legal_representatives_title_is_read_from_brackets_or_a_comma() {
        let split = |s: &str| legal_rep(s);
        assert_eq!(split("赵明（总经理）"), ("赵明".into(), "总经理".into()));
        assert_eq!(split("赵明, 董事长"), ("赵明".into(), "董事长".into()));
        assert_eq!(split(" 赵明 "), ("赵明".into(), String::new()));
        assert_eq!(split("（空）"), ("（空）".into(), String::new()));
    }
}
