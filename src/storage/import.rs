//! What bulk writers (import, demo) must know before they write: the case numbers a room
//! has already used, so a duplicate is refused with a plain message before the one big
//! transaction starts, instead of failing inside it on the UNIQUE constraint.

use super::{StorageError, Store};
use crate::domain::org::OrgId;
use std::collections::HashSet;

impl Store {
    /// Every (year, sequence) the room has numbered a case with.
    pub fn case_numbers(&self, org: OrgId) -> Result<HashSet<(i32, u32)>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number_year, number_seq FROM cases
             WHERE org_id = ?1 AND number_year IS NOT NULL AND number_seq IS NOT NULL",
        )?;
        let rows = stmt.query_map([org.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::case::CaseFields;
    use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
    use crate::domain::party::{Party, PartyKind, PartyRole};
    use crate::domain::status::CaseStatus;
    use crate::storage::Store;

    #[test]
    fn numbers_of_accepted_cases_are_listed_per_year() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap();
        let profile = OrgProfile {
            room_name: "老王调解工作室".into(),
            committee_name: "新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store.create_organisation(&profile, "王建国", &now).unwrap();
        let me = store.mediators(org.id).unwrap()[0].id;
        let mut fields = CaseFields::blank(now.date_naive());
        fields.facts = "楼上漏水".into();
        let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
        party.name = "张三".into();
        fields.parties.push(party);
        assert!(store.case_numbers(org.id).unwrap().is_empty());
        let first = store.create_case(org.id, &fields, "wang", &now).unwrap();
        store.create_case(org.id, &fields, "wang", &now).unwrap();
        store
            .change_status(
                &org,
                first.id,
                first.version,
                CaseStatus::Accepted,
                "",
                &[me],
                "wang",
                &now,
            )
            .unwrap();
        let numbers = store.case_numbers(org.id).unwrap();
        assert_eq!(numbers.into_iter().collect::<Vec<_>>(), [(2026, 1)]);
    }
}
