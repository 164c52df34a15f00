//! Whom an agent acts for, on real temporary files: the link is stored by the party's
//! id and read back as its place, follows the party when others leave or move, records
//! no change when it stays, and a link naming an agent, the agent itself or a party of
//! another case is refused — by the check with a plain message, and by the file itself.

use crate::domain::case::{Case, CaseFields};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgId, OrgProfile};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::storage::Store;
use chrono::{DateTime, FixedOffset, NaiveDate};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap()
}

fn person(role: PartyRole, name: &str, id: &str) -> Party {
    Party {
        name: name.into(),
        id_number: id.into(),
        ..Party::new(role, PartyKind::Person)
    }
}

/// Two applicants of one name (father and son), a respondent, and an agent acting for
/// the second applicant.
fn fields() -> CaseFields {
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    f.facts = "宅基地边界纠纷".into();
    let mut agent = person(PartyRole::Agent, "黄娟", "");
    agent.acts_for = Some(1);
    f.parties = vec![
        person(PartyRole::Applicant, "王建军", "11010519491231002X"),
        person(PartyRole::Applicant, "王建军", "110105196803050029"),
        person(PartyRole::Respondent, "李建国", ""),
        agent,
    ];
    f
}

fn room() -> (tempfile::TempDir, Store, OrgId, Case) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    store.set_user("wang");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &now())
        .unwrap();
    let case = store
        .create_case(org.id, &fields(), "wang", &now())
        .unwrap();
    (dir, store, org.id, case)
}

fn stored_link(store: &Store, agent: i64) -> Option<i64> {
    store
        .conn
        .query_row("SELECT acts_for FROM parties WHERE id = ?1", [agent], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn the_link_is_stored_by_id_and_names_the_second_of_two_parties_of_one_name() {
    let (_dir, store, _, case) = room();
    let parties = &case.fields.parties;
    assert_eq!(parties[3].acts_for, Some(1));
    let agent = parties[3].id.unwrap().0;
    assert_eq!(stored_link(&store, agent), parties[1].id.map(|p| p.0));
    let read = store.load_case(case.id).unwrap();
    assert_eq!(read.fields.parties[3].acts_for, Some(1));
}

#[test]
fn the_link_follows_its_party_when_another_leaves_and_records_nothing_when_it_stays() {
    let (_dir, mut store, _, case) = room();
    let before = store.case_history(case.id).unwrap().len();
    // A phone typed for the respondent: the agent's link is not touched.
    let mut f = case.fields.clone();
    f.parties[2].phone = "13904781234".into();
    let saved = store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();
    let history = store.case_history(case.id).unwrap();
    let parties_changed: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.table == "parties")
        .collect();
    assert_eq!(parties_changed.len(), 1, "{parties_changed:?}");
    assert_eq!(parties_changed[0].name, "李建国");
    // The first 王建军 leaves: the agent still acts for the second, now in first place.
    let mut f = saved.fields.clone();
    crate::domain::agents::remove(&mut f.parties, 0);
    let saved = store
        .update_case(case.id, saved.version, &f, &now())
        .unwrap();
    assert_eq!(saved.fields.parties[2].acts_for, Some(0));
    assert_eq!(
        saved.fields.parties[0].id_number, "110105196803050029",
        "the second of the two stayed"
    );
    // A new party put first, and the agent moved to act for it.
    let mut f = saved.fields.clone();
    f.parties
        .insert(0, person(PartyRole::Applicant, "王小军", ""));
    for p in f.parties.iter_mut() {
        p.acts_for = p.acts_for.map(|to| to + 1);
    }
    f.parties[3].acts_for = Some(0);
    let saved = store
        .update_case(case.id, saved.version, &f, &now())
        .unwrap();
    assert_eq!(saved.fields.parties[3].acts_for, Some(0));
    assert_eq!(saved.fields.parties[0].name, "王小军");
    // Moved to another party that stays: one change in the history, naming the agent.
    let before = store.case_history(case.id).unwrap().len();
    let mut f = saved.fields.clone();
    f.parties[3].acts_for = Some(2);
    store
        .update_case(case.id, saved.version, &f, &now())
        .unwrap();
    let history = store.case_history(case.id).unwrap();
    let changes: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.table == "parties")
        .collect();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].name, "黄娟");
}

#[test]
fn a_link_to_an_agent_to_itself_or_from_a_party_is_refused_with_the_reason() {
    let (_dir, mut store, org, case) = room();
    for (from, to) in [(3, 3), (0, 1)] {
        let mut f = case.fields.clone();
        f.parties[from].acts_for = Some(to);
        let said = store
            .update_case(case.id, case.version, &f, &now())
            .unwrap_err()
            .to_string();
        assert!(said.contains(&f.parties[from].name), "{said}");
    }
    let mut f = fields();
    f.parties.push(person(PartyRole::Agent, "刘律师", ""));
    f.parties[4].acts_for = Some(3);
    assert!(store.create_case(org, &f, "wang", &now()).is_err());
    // Nothing was written by the refused saves.
    assert_eq!(store.load_case(case.id).unwrap().version, case.version);
}

#[test]
fn the_file_refuses_a_link_to_another_cases_party_an_agent_or_itself() {
    let (_dir, store, org, case) = room();
    let mut store = store;
    let other = store.create_case(org, &fields(), "wang", &now()).unwrap();
    let agent = case.fields.parties[3].id.unwrap().0;
    let elsewhere = other.fields.parties[0].id.unwrap().0;
    let other_agent = case.fields.parties[3].id.unwrap().0;
    let applicant = case.fields.parties[0].id.unwrap().0;
    for (row, to) in [
        (agent, elsewhere),
        (agent, agent),
        (applicant, case.fields.parties[2].id.unwrap().0),
    ] {
        let written = store
            .conn
            .execute("UPDATE parties SET acts_for = ?2 WHERE id = ?1", [row, to]);
        assert!(written.is_err(), "{row} → {to} was written");
    }
    // A party that agents act for does not become an agent.
    let principal = case.fields.parties[1].id.unwrap().0;
    assert!(
        store
            .conn
            .execute(
                "UPDATE parties SET role = 'agent' WHERE id = ?1",
                [principal]
            )
            .is_err()
    );
    // And a new row cannot name a party of another case either.
    let inserted = store.conn.execute(
        "INSERT INTO parties (case_id, seq, role, kind, name, acts_for)
         VALUES (?1, 9, 'agent', 'person', '张律师', ?2)",
        [case.id.0, elsewhere],
    );
    assert!(inserted.is_err());
    assert_eq!(
        stored_link(&store, other_agent),
        Some(case.fields.parties[1].id.unwrap().0)
    );
}
