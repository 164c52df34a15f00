//! Whom a 委托代理人 acts for: the link from an agent to a party of the same case, as a
//! position in the case's party list (storage keeps it as the party's id). An agent is
//! never a party of its own (DOMAIN.md §3), so the link names a party that is not an
//! agent, never the agent itself; only an agent has one.

use super::party::{Party, PartyRole};
use crate::i18n::tf;

/// The party an agent is taken to act for where nothing says otherwise: the first
/// applicant, else the first respondent, else the first third party (entered order
/// within a role). Agents were entered for the applicant side before the link was
/// stored, so migration 018, an import of a file older than format 4 and the party
/// dialog's first suggestion all use this rule.
pub fn usual_principal(parties: &[Party]) -> Option<usize> {
    [
        PartyRole::Applicant,
        PartyRole::Respondent,
        PartyRole::ThirdParty,
    ]
    .into_iter()
    .find_map(|role| parties.iter().position(|p| p.role == role))
}

/// Gives every agent without a link the usual principal (see [`usual_principal`]).
pub fn link_unlinked(parties: &mut [Party]) {
    let usual = usual_principal(parties);
    for p in parties.iter_mut() {
        if p.role == PartyRole::Agent && p.acts_for.is_none() {
            p.acts_for = usual;
        }
    }
}

/// Checks every link: only an agent has one, and it names another party of the list
/// that is not an agent. The message names the agent and says what to do.
pub fn check_links(parties: &[Party]) -> Result<(), String> {
    for (i, p) in parties.iter().enumerate() {
        let Some(to) = p.acts_for else { continue };
        let principal = parties.get(to);
        let bad = p.role != PartyRole::Agent
            || to == i
            || principal.is_none_or(|q| q.role == PartyRole::Agent);
        if bad {
            return Err(tf("err.party.acts_for", &[("name", &p.name)]));
        }
    }
    Ok(())
}

/// The agents acting for the party at `index`, by position.
pub fn agents_of(parties: &[Party], index: usize) -> Vec<usize> {
    parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == PartyRole::Agent && p.acts_for == Some(index))
        .map(|(i, _)| i)
        .collect()
}

/// Removes the party at `index`, keeping every link naming the same party as before
/// (the positions after it move up by one). The caller refuses to remove a party an
/// agent acts for (see [`agents_of`]); a link to it would be dropped.
pub fn remove(parties: &mut Vec<Party>, index: usize) {
    if index >= parties.len() {
        return;
    }
    parties.remove(index);
    for p in parties.iter_mut() {
        p.acts_for = match p.acts_for {
            Some(to) if to == index => None,
            Some(to) if to > index => Some(to - 1),
            other => other,
        };
    }
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
    fn the_usual_principal_is_the_first_applicant_else_the_first_of_the_other_side() {
        let all = vec![
            party(PartyRole::Respondent, "李建国"),
            party(PartyRole::Agent, "黄娟"),
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Applicant, "王大山"),
        ];
        assert_eq!(usual_principal(&all), Some(2));
        assert_eq!(usual_principal(&all[..2]), Some(0));
        assert_eq!(usual_principal(&all[1..2]), None);
        let mut linked = all.clone();
        link_unlinked(&mut linked);
        assert_eq!(linked[1].acts_for, Some(2));
        assert_eq!(linked[0].acts_for, None);
    }

    #[test]
    fn a_link_to_itself_to_an_agent_to_nobody_or_from_a_party_is_refused() {
        let mut all = vec![
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Agent, "黄娟"),
            party(PartyRole::Agent, "刘律师"),
        ];
        all[1].acts_for = Some(0);
        assert_eq!(check_links(&all), Ok(()));
        for (from, to) in [(1, 1), (1, 2), (1, 9), (0, 0)] {
            let mut bad = all.clone();
            bad[from].acts_for = Some(to);
            let message = check_links(&bad).unwrap_err();
            assert!(message.contains(&bad[from].name), "{message}");
        }
    }

    #[test]
    fn removing_a_party_keeps_every_link_on_the_same_party() {
        let mut all = vec![
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Applicant, "王秀兰"),
            party(PartyRole::Respondent, "李建国"),
            party(PartyRole::Agent, "黄娟"),
        ];
        all[3].acts_for = Some(2);
        assert_eq!(agents_of(&all, 2), [3]);
        assert!(agents_of(&all, 1).is_empty());
        remove(&mut all, 0);
        assert_eq!(all[2].acts_for, Some(1));
        assert_eq!(all[1].name, "李建国");
        remove(&mut all, 1);
        assert_eq!(all[1].acts_for, None);
    }
}
