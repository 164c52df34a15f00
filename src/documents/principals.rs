//! Who is a party and who speaks for one, as every form lists them: the parties
//! (申请人, 被申请人, 第三人) in role order, each followed by its 委托代理人 — an agent is
//! never a party of its own (DOMAIN.md §3: not listed, counted or signing as one) — and
//! an organisation's 法定代表人 split into name and 职务 where the text gives one.
//!
//! Whom an agent acts for is the link the case stores (`Party::acts_for`, see
//! `domain::agents`); an agent whose link names nobody (a case that had no party when
//! the agent was entered) is listed after the parties.

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

/// The party (index into `all`) the agent at `agent` acts for, as the case stores it;
/// none for a party, or a link that names no party of the case.
pub fn principal_of(all: &[Party], agent: usize) -> Option<usize> {
    let to = all
        .get(agent)
        .filter(|a| a.role == PartyRole::Agent)?
        .acts_for?;
    all.get(to)
        .filter(|p| p.role != PartyRole::Agent)
        .map(|_| to)
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

/// An organisation's 法定代表人 and 职务. The 职务 has its own field; a name typed with
/// the 职务 after it (赵明（总经理）, 赵明，总经理 — how it was entered before the field
/// existed, and how a file of an older export format still carries it) is split.
pub fn legal_rep(party: &Party) -> (String, String) {
    let title = party.legal_rep_title.trim();
    if title.is_empty() {
        split_legal_rep(&party.legal_rep)
    } else {
        (party.legal_rep.trim().to_string(), title.to_string())
    }
}

/// The name and the 职务 written after it in brackets or after a comma; the 职务 is
/// empty when the text gives none.
fn split_legal_rep(text: &str) -> (String, String) {
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
    fn an_agent_is_listed_under_the_party_the_case_links_and_is_not_counted() {
        let mut all = vec![
            party(PartyRole::Respondent, "李建国"),
            party(PartyRole::Agent, "黄娟"),
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Applicant, "王大山"),
            party(PartyRole::ThirdParty, "某公司"),
        ];
        all[1].acts_for = Some(2);
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
        // The stored link decides, not the side: here the respondent's agent.
        all[1].acts_for = Some(0);
        let (groups, _) = grouped(&all);
        assert_eq!(groups[2].0.name, "李建国");
        assert_eq!(groups[2].1[0].name, "黄娟");
        assert!(groups[0].1.is_empty());
        // Two parties of one name: the link names the second, not the first of the name.
        let mut twins = vec![
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Agent, "黄娟"),
        ];
        twins[2].acts_for = Some(1);
        let (groups, _) = grouped(&twins);
        assert_eq!((groups[0].1.len(), groups[1].1.len()), (0, 1));
        // A link naming nobody (or another agent) lists the agent apart.
        twins[2].acts_for = Some(2);
        assert_eq!(grouped(&twins).1.len(), 1);
        let only_agent = vec![party(PartyRole::Agent, "黄娟")];
        assert_eq!(grouped(&only_agent).1.len(), 1);
        assert_eq!(count(&only_agent), 0);
    }

    #[test]
    fn a_legal_representatives_title_is_read_from_brackets_or_a_comma() {
        let split = |s: &str| {
            legal_rep(&Party {
                legal_rep: s.into(),
                ..Party::new(PartyRole::Respondent, PartyKind::Organisation)
            })
        };
        assert_eq!(split("赵明（总经理）"), ("赵明".into(), "总经理".into()));
        assert_eq!(split("赵明, 董事长"), ("赵明".into(), "董事长".into()));
        assert_eq!(split(" 赵明 "), ("赵明".into(), String::new()));
        assert_eq!(split("（空）"), ("（空）".into(), String::new()));
        // The 职务's own field wins.
        let stored = Party {
            legal_rep: "赵明".into(),
            legal_rep_title: "执行董事".into(),
            ..Party::new(PartyRole::Respondent, PartyKind::Organisation)
        };
        assert_eq!(legal_rep(&stored), ("赵明".into(), "执行董事".into()));
    }
}
