//! Repeat disputes (重复纠纷): a party who already appears in earlier cases, recognised by
//! the same ID number, or the same name with the same phone. What to look for is decided
//! here; storage finds the cases.

use super::case::CaseId;
use super::party::Party;

/// What identifies one party across cases.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RepeatKey {
    /// A complete ID number (15 or 18 characters), or empty.
    pub id_number: String,
    /// The name, when matched together with the phone.
    pub name: String,
    /// The phone, or empty.
    pub phone: String,
}

impl RepeatKey {
    /// The key of a party, if it has enough to be recognised: a complete ID number, or a
    /// name and a phone of at least 7 digits (a half-typed phone would match strangers).
    pub fn of(id_number: &str, name: &str, phone: &str) -> Option<RepeatKey> {
        let id = id_number.trim().to_uppercase();
        let id = if matches!(id.chars().count(), 15 | 18) {
            id
        } else {
            String::new()
        };
        let name = name.trim().to_string();
        let phone = phone.trim().to_string();
        let by_name = !name.is_empty() && phone.chars().filter(char::is_ascii_digit).count() >= 7;
        (!id.is_empty() || by_name).then(|| RepeatKey {
            id_number: id,
            name: if by_name { name } else { String::new() },
            phone: if by_name { phone } else { String::new() },
        })
    }

    /// The key of a stored party.
    pub fn of_party(p: &Party) -> Option<RepeatKey> {
        RepeatKey::of(&p.id_number, &p.name, &p.phone)
    }
}

/// A question for storage: cases of any of these parties, other than `exclude`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatQuery {
    /// The parties.
    pub keys: Vec<RepeatKey>,
    /// The case being looked at or edited, which is not a repeat of itself.
    pub exclude: Option<CaseId>,
}

impl RepeatQuery {
    /// The question for every recognisable party of a case.
    pub fn for_parties(parties: &[Party], exclude: Option<CaseId>) -> Option<RepeatQuery> {
        let mut keys: Vec<RepeatKey> = parties.iter().filter_map(RepeatKey::of_party).collect();
        keys.dedup();
        (!keys.is_empty()).then_some(RepeatQuery { keys, exclude })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_is_recognised_by_a_complete_id_or_by_name_and_phone() {
        let k = RepeatKey::of("11010519491231002x", "王秀兰", "").unwrap();
        assert_eq!(k.id_number, "11010519491231002X");
        assert!(k.name.is_empty());
        assert!(RepeatKey::of("1101051949", "王秀兰", "139").is_none());
        let k = RepeatKey::of("", "王秀兰", "13904781234").unwrap();
        assert_eq!((k.name.as_str(), k.id_number.as_str()), ("王秀兰", ""));
        assert!(RepeatKey::of("", "", "13904781234").is_none());
    }
}
