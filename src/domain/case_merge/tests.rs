//! The merge rule: one-sided edits from both sides are kept, the same field changed on
//! both sides is a clash, parties merge by id.

use super::*;
use crate::domain::party::{PartyKind, PartyRole};
use chrono::NaiveDate;

fn party(id: i64, name: &str) -> Party {
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.id = Some(PartyId(id));
    p.name = name.into();
    p
}

fn base() -> CaseFields {
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    f.facts = "楼上漏水".into();
    f.parties = vec![party(1, "张三"), party(2, "李四")];
    f
}

#[test]
fn edits_on_one_side_each_are_both_kept_without_a_clash() {
    let b = base();
    let mut mine = b.clone();
    mine.facts = "楼上漏水，已协商".into();
    let mut theirs = b.clone();
    theirs.claims = "赔偿五百元".into();
    theirs.persons_involved = 3;
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(m.clashes, vec![]);
    assert_eq!(m.fields.facts, "楼上漏水，已协商");
    assert_eq!(m.fields.claims, "赔偿五百元");
    assert_eq!(m.fields.persons_involved, 3);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_clash_decided_by_the_preference() {
    let b = base();
    let mut mine = b.clone();
    mine.facts = "我写的".into();
    let mut theirs = b.clone();
    theirs.facts = "他写的".into();
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(m.clashes, vec![Clash::Case("facts")]);
    assert_eq!(m.fields.facts, "我写的");
    let t = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(t.fields.facts, "他写的");
    assert_eq!(t.clashes, m.clashes);
}

#[test]
fn the_same_value_on_both_sides_is_no_clash() {
    let b = base();
    let mut mine = b.clone();
    mine.amount_fen = Some(50_000);
    mine.parties[0].phone = "13800138000".into();
    let theirs = mine.clone();
    let m = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(m.clashes, vec![]);
    assert_eq!(m.fields, mine);
}

#[test]
fn a_party_added_on_one_side_and_another_removed_on_the_other_are_both_done() {
    let b = base();
    let mut mine = b.clone();
    let mut new = Party::new(PartyRole::Respondent, PartyKind::Person);
    new.name = "王五".into();
    mine.parties.push(new);
    let mut theirs = b.clone();
    theirs.parties.remove(1);
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(m.clashes, vec![]);
    let names: Vec<&str> = m.fields.parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["张三", "王五"]);
    // The other way round: they added (stored, with an id), I removed.
    let mut mine = b.clone();
    mine.parties.remove(0);
    let mut theirs = b.clone();
    theirs.parties.push(party(3, "赵六"));
    let m = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(m.clashes, vec![]);
    let names: Vec<&str> = m.fields.parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["李四", "赵六"]);
}

#[test]
fn a_party_edited_on_both_sides_in_different_fields_takes_both_edits() {
    let b = base();
    let mut mine = b.clone();
    mine.parties[1].phone = "13800138000".into();
    let mut theirs = b.clone();
    theirs.parties[1].address = "临河区新华街1号".into();
    let m = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(m.clashes, vec![]);
    assert_eq!(m.fields.parties[1].phone, "13800138000");
    assert_eq!(m.fields.parties[1].address, "临河区新华街1号");
    assert_eq!(m.fields.parties[1].id, Some(PartyId(2)));
}

#[test]
fn a_party_field_changed_on_both_sides_is_a_clash_of_that_party() {
    let b = base();
    let mut mine = b.clone();
    mine.parties[0].phone = "13800138000".into();
    let mut theirs = b.clone();
    theirs.parties[0].phone = "13900139000".into();
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(
        m.clashes,
        vec![Clash::Party {
            id: PartyId(1),
            field: "phone"
        }]
    );
    assert_eq!(m.fields.parties[0].phone, "13800138000");
}

#[test]
fn a_party_removed_on_one_side_and_changed_on_the_other_is_a_clash() {
    let b = base();
    let mut mine = b.clone();
    mine.parties.remove(1);
    let mut theirs = b.clone();
    theirs.parties[1].phone = "13900139000".into();
    let gone = Clash::PartyGone {
        id: PartyId(2),
        removed_by: Prefer::Mine,
    };
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(m.clashes, vec![gone.clone()]);
    assert_eq!(m.fields.parties.len(), 1);
    let t = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(t.fields.parties[1].phone, "13900139000");
    // They removed the party I changed.
    let m = merge(&b, &theirs, &mine, Prefer::Mine);
    assert_eq!(
        m.clashes,
        vec![Clash::PartyGone {
            id: PartyId(2),
            removed_by: Prefer::Theirs,
        }]
    );
    assert_eq!(m.fields.parties[1].phone, "13900139000");
}

fn agent(id: Option<i64>, name: &str, acts_for: usize) -> Party {
    let mut p = Party::new(PartyRole::Agent, PartyKind::Person);
    p.id = id.map(PartyId);
    p.name = name.into();
    p.acts_for = Some(acts_for);
    p
}

/// An agent names its party by place in the list, and the places differ between the
/// versions: the merge keeps the party meant, not the number.
#[test]
fn an_agent_keeps_the_party_it_acts_for_when_the_other_side_moved_the_places() {
    let mut b = base();
    b.parties.push(agent(Some(3), "黄娟", 1)); // for 李四
    // They removed 张三: 李四 is now first.
    let mut theirs = b.clone();
    theirs.parties.remove(0);
    theirs.parties[1].acts_for = Some(0);
    // I added a second agent for 李四 and changed nothing else.
    let mut mine = b.clone();
    mine.parties.push(agent(None, "周强", 1));
    let m = merge(&b, &mine, &theirs, Prefer::Mine);
    assert_eq!(m.clashes, vec![]);
    let names: Vec<&str> = m.fields.parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["李四", "黄娟", "周强"]);
    assert_eq!(
        m.fields.parties[1].acts_for,
        Some(0),
        "黄娟 still acts for 李四"
    );
    assert_eq!(m.fields.parties[2].acts_for, Some(0), "周强 acts for 李四");
}

#[test]
fn an_agent_moved_to_another_party_on_both_sides_differently_is_a_clash() {
    let mut b = base();
    b.parties.push(agent(Some(3), "黄娟", 1));
    let mut mine = b.clone();
    mine.parties[2].acts_for = Some(0);
    let mut theirs = b.clone();
    theirs.parties.swap(0, 1); // the same parties, another order
    theirs.parties[2].acts_for = Some(0); // still 李四
    let m = merge(&b, &mine, &theirs, Prefer::Theirs);
    assert_eq!(m.clashes, vec![], "only I moved the agent");
    let huang = &m.fields.parties[2];
    let meant = &m.fields.parties[huang.acts_for.expect("linked")];
    assert_eq!(meant.name, "张三");
    // Both moved it, to different parties.
    let mut b2 = b.clone();
    b2.parties.push(party(4, "王五"));
    let mut mine2 = b2.clone();
    mine2.parties[2].acts_for = Some(0);
    let mut theirs2 = b2.clone();
    theirs2.parties[2].acts_for = Some(3);
    let m2 = merge(&b2, &mine2, &theirs2, Prefer::Theirs);
    assert_eq!(
        m2.clashes,
        vec![Clash::Party {
            id: PartyId(3),
            field: "acts_for"
        }]
    );
    assert_eq!(m2.fields.parties[2].acts_for, Some(3));
}
