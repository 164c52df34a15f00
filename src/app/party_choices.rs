//! The case's parties as a choice list — whom an agent acts for, who is invited to a
//! session (typed as a number or a name no other party has). A party is chosen by its place in the case's list, never by its name (two
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

/// The invitation as the field shows it: each party by name, or as "number.name" where
/// another party of the case has the same name.
pub fn invitation_text(parties: &[String], invited: impl Iterator<Item = usize>) -> String {
    invited
        .filter_map(|i| {
            let name = parties.get(i)?;
            let shared = parties.iter().filter(|n| *n == name).count() > 1;
            Some(if shared {
                format!("{}.{name}", i + 1)
            } else {
                name.clone()
            })
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The place in `parties` a typed token names, or the catalogue key of what is wrong.
pub fn invited_party(parties: &[String], token: &str) -> Result<usize, &'static str> {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = token[digits.len()..].trim_start_matches(['.', '．']);
        let at = digits
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|i| *i < parties.len())
            .ok_or("err.session.party_number")?;
        // "2.王秀兰": the name must be the one at that number (a list typed from memory).
        return match rest.is_empty() || rest == parties[at] {
            true => Ok(at),
            false => Err("err.session.party_number"),
        };
    }
    let mut found = parties
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == token)
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(i), None) => Ok(i),
        (Some(_), Some(_)) => Err("err.session.party_shared_name"),
        _ => Err("err.session.unknown_party"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::PartyKind;

    #[test]
    fn an_invited_party_is_typed_by_number_or_by_a_name_no_other_party_has() {
        let names: Vec<String> = ["王建军", "李建国", "王建军"].map(String::from).to_vec();
        assert_eq!(invitation_text(&names, 0..3), "1.王建军、李建国、3.王建军");
        assert_eq!(invited_party(&names, "3"), Ok(2));
        assert_eq!(invited_party(&names, "3.王建军"), Ok(2));
        assert_eq!(invited_party(&names, "3．王建军"), Ok(2));
        assert_eq!(invited_party(&names, "李建国"), Ok(1));
        assert_eq!(
            invited_party(&names, "王建军"),
            Err("err.session.party_shared_name")
        );
        for bad in ["0", "4", "2.王建军"] {
            assert_eq!(invited_party(&names, bad), Err("err.session.party_number"));
        }
        assert_eq!(
            invited_party(&names, "赵磊"),
            Err("err.session.unknown_party")
        );
    }

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
