//! The case's parties as a choice list — whom an agent acts for, who is invited to a
//! session. A party is chosen by its place in the case's list, never by its name (two
//! parties may share one: 同名同姓), and shown with its role and the last characters of
//! its ID number or credit code, so two of one name can be told apart.

use super::form::Choice;
use crate::domain::party::{Party, PartyRole};
use crate::i18n::label;

/// How a party reads in a choice list: "2. 申请人 王秀兰 …0029".
pub fn party_label(index: usize, party: &Party) -> String {
    let code = match party.id_number.trim() {
        "" => party.credit_code.trim(),
        id => id,
    };
    let tail: String = code
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = if tail.is_empty() {
        String::new()
    } else {
        format!(" …{tail}")
    };
    format!(
        "{}. {} {}{tail}",
        index + 1,
        label("role", party.role.code()),
        party.name.trim()
    )
}

/// The parties an agent (at `agent`, when it is in the list) may act for: every party of
/// the case that is not an agent, the code being its position.
pub fn principal_choices(parties: &[Party], agent: Option<usize>) -> Vec<Choice> {
    parties
        .iter()
        .enumerate()
        .filter(|(i, p)| p.role != PartyRole::Agent && Some(*i) != agent)
        .map(|(i, p)| Choice {
            code: i.to_string(),
            label: party_label(i, p),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::PartyKind;

    #[test]
    fn two_parties_of_one_name_are_two_choices_told_apart_by_their_id_tail() {
        let twin = |id: &str| Party {
            name: "王秀兰".into(),
            id_number: id.into(),
            ..Party::new(PartyRole::Applicant, PartyKind::Person)
        };
        let agent = Party {
            name: "黄娟".into(),
            ..Party::new(PartyRole::Agent, PartyKind::Person)
        };
        let all = vec![
            twin("11010519491231002X"),
            agent,
            twin("110105196803050029"),
        ];
        let choices = principal_choices(&all, Some(1));
        let shown: Vec<(&str, &str)> = choices
            .iter()
            .map(|c| (c.code.as_str(), c.label.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("0", "1. 申请人 王秀兰 …002X"),
                ("2", "3. 申请人 王秀兰 …0029")
            ]
        );
    }
}
