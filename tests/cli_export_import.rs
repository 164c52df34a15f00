//! The non-interactive commands through the library API, on real temporary SQLite files:
//! demo data is valid by every rule, export → import → export is lossless, and a file
//! with any bad line is refused whole with its line number.

use chrono::{DateTime, FixedOffset};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tiaojie::cli::demo::fill_demo;
use tiaojie::cli::export::export_cases;
use tiaojie::cli::import::{ImportError, import_file};
use tiaojie::domain::case::Case;
use tiaojie::domain::id_card::parse_id_card;
use tiaojie::domain::party::{PartyKind, Sex};
use tiaojie::domain::status::{CaseStatus, TransitionInput, check_transition};
use tiaojie::storage::Store;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap()
}

fn open(dir: &Path, name: &str) -> Store {
    Store::open(&dir.join(name)).unwrap()
}

fn cases(store: &Store) -> Vec<Case> {
    let Some(org) = store.organisation().unwrap() else {
        return Vec::new();
    };
    store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .map(|id| store.load_case(id).unwrap())
        .collect()
}

fn export(store: &Store) -> String {
    let mut out = Vec::new();
    export_cases(store, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A demo database of `n` cases and its export.
fn demo(dir: &Path, n: u64) -> (Store, String) {
    let mut store = open(dir, "demo.db");
    fill_demo(&mut store, n, 2026, now()).unwrap();
    let text = export(&store);
    (store, text)
}

fn bad_lines(
    result: Result<tiaojie::cli::import::ImportReport, ImportError>,
) -> (Vec<usize>, String) {
    match result {
        Err(ImportError::Lines(problems)) => {
            let message = ImportError::Lines(problems.clone()).to_string();
            (problems.iter().map(|p| p.line).collect(), message)
        }
        other => panic!("expected bad lines, got {other:?}"),
    }
}

#[test]
fn demo_cases_are_valid_by_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = demo(dir.path(), 300);
    let all = cases(&store);
    assert_eq!(all.len(), 300);

    let statuses: HashSet<CaseStatus> = all.iter().map(|c| c.status).collect();
    assert_eq!(statuses.len(), CaseStatus::ALL.len(), "{statuses:?}");

    let mut numbers = HashSet::new();
    for case in &all {
        let accepted = case.history.iter().find(|h| h.to == CaseStatus::Accepted);
        assert_eq!(
            case.number.is_some(),
            accepted.is_some(),
            "{:?}",
            case.history
        );
        if let Some(n) = &case.number {
            assert!(numbers.insert((n.year, n.seq)), "duplicate {}", n.text);
            assert_eq!(n.text, format!("（{}）临新人调字第{}号", n.year, n.seq));
        }

        for party in case
            .fields
            .parties
            .iter()
            .filter(|p| p.kind == PartyKind::Person && !p.id_number.is_empty())
        {
            let card = parse_id_card(&party.id_number, now().date_naive())
                .unwrap_or_else(|e| panic!("{}: {e}", party.id_number));
            assert_eq!(Some(card.birth_date), party.birth_date);
            assert_eq!(card.male, party.sex == Some(Sex::Male));
        }

        let first = &case.history[0];
        assert_eq!((first.from, first.to), (None, CaseStatus::Registered));
        for pair in case.history.windows(2) {
            assert_eq!(pair[1].from, Some(pair[0].to));
            let input = TransitionInput {
                reason: pair[1].reason.clone(),
                mediator_count: case.mediators.len(),
            };
            check_transition(pair[0].to, pair[1].to, &input)
                .unwrap_or_else(|e| panic!("{e}: {:?}", case.history));
        }
        assert_eq!(case.history.last().map(|h| h.to), Some(case.status));
    }
}

#[test]
fn export_then_import_into_an_empty_database_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, first) = demo(dir.path(), 300);
    let file = write(dir.path(), "cases.jsonl", &first);
    let mut fresh = open(dir.path(), "fresh.db");
    let report = import_file(&mut fresh, &file, now()).unwrap();
    assert_eq!(report.cases, 300);
    assert!(report.organisation_created);
    assert_eq!(export(&fresh), first);
}

/// A room's export is a safe copy for any room the demo makes: several seeds and sizes,
/// the larger ones holding same-name parties (同名同姓) with items between them.
#[test]
fn export_import_export_is_byte_identical_for_several_seeds() {
    for (seed, n) in [(1, 200), (7, 400), (2026, 2000)] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path(), "demo.db");
        fill_demo(&mut store, n, seed, now()).unwrap();
        let first = export(&store);
        let file = write(dir.path(), "cases.jsonl", &first);
        let mut fresh = open(dir.path(), "fresh.db");
        let report = import_file(&mut fresh, &file, now())
            .unwrap_or_else(|e| panic!("seed {seed}, {n} cases: {e}"));
        assert_eq!(report.cases, n, "seed {seed}");
        assert!(
            export(&fresh) == first,
            "seed {seed}: the second export differs"
        );
    }
}

/// Two parties of one name (a father and son, two villagers) with an item from one to
/// the other: the file names each by its place in the case, so the copy is exact.
#[test]
fn same_name_parties_with_an_item_between_them_survive_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = demo(dir.path(), 120);
    let org = store.organisation().unwrap().unwrap();
    let (case, agreement) = store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .find_map(|id| {
            let a = store.agreement_of_case(id).unwrap()?;
            let c = store.load_case(id).unwrap();
            let between = a.items.first().is_some_and(|i| {
                i.obligor == c.fields.parties[1].name && i.obligee == c.fields.parties[0].name
            });
            between.then_some((c, a))
        })
        .expect("a case with an item from its second party to its first");
    let mut fields = case.fields.clone();
    fields.parties[0].name = fields.parties[1].name.clone();
    // An agent for the second of the two, not the first of the name.
    let mut agent = tiaojie::domain::party::Party::new(
        tiaojie::domain::party::PartyRole::Agent,
        tiaojie::domain::party::PartyKind::Person,
    );
    agent.name = "黄娟".into();
    agent.acts_for = Some(1);
    fields.parties.push(agent);
    store
        .update_case(case.id, case.version, &fields, &now())
        .unwrap();
    let stored = store.agreement_of_case(case.id).unwrap().unwrap();
    assert_eq!(stored.items[0].obligor, stored.items[0].obligee);
    assert_eq!(stored.items.len(), agreement.items.len());
    let first = export(&store);
    let line = first
        .lines()
        .find(|l| {
            l.contains(&format!(
                "\"facts\":{}",
                serde_json::to_string(&case.fields.facts).unwrap()
            ))
        })
        .unwrap();
    assert!(
        line.contains("\"obligor_party\":1") && line.contains("\"obligee_party\":0"),
        "{line}"
    );
    assert!(line.contains("\"acts_for\":1"), "{line}");

    let file = write(dir.path(), "cases.jsonl", &first);
    let mut fresh = open(dir.path(), "fresh.db");
    import_file(&mut fresh, &file, now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(export(&fresh), first);
}

#[test]
fn each_line_is_one_case_and_json_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (store, text) = demo(dir.path(), 120);
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), cases(&store).len());
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["format_version"], 4);
        assert!(value["history"].is_array() && value["organisation"]["room_name"].is_string());
    }
}

#[test]
fn a_bad_third_line_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 5);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let status = serde_json::from_str::<serde_json::Value>(&lines[2]).unwrap()["status"]
        .as_str()
        .unwrap()
        .to_string();
    lines[2] = lines[2].replacen(
        &format!("\"status\":\"{status}\""),
        "\"status\":\"调解完\"",
        1,
    );
    let file = write(dir.path(), "bad.jsonl", &(lines.join("\n") + "\n"));

    let mut fresh = open(dir.path(), "fresh.db");
    let (numbers, message) = bad_lines(import_file(&mut fresh, &file, now()));
    assert_eq!(numbers, [3]);
    assert!(
        message.contains("第 3 行，status：「调解完」不是有效的状态，可用：登记、受理"),
        "{message}"
    );
    assert_eq!(fresh.organisation().unwrap(), None);
    assert!(cases(&fresh).is_empty());
}

#[test]
fn an_unknown_field_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 3);
    let typo = text.replacen("\"facts\":", "\"fact\":", 1);
    let file = write(dir.path(), "typo.jsonl", &typo);
    let mut fresh = open(dir.path(), "fresh.db");
    let (numbers, message) = bad_lines(import_file(&mut fresh, &file, now()));
    assert_eq!(numbers, [1]);
    assert!(message.contains("不认识的字段「fact」"), "{message}");
    assert_eq!(fresh.organisation().unwrap(), None);
}

#[test]
fn a_case_number_already_in_the_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, text) = demo(dir.path(), 40);
    let before = export(&store);
    let numbered: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("\"number\":null"))
        .take(1)
        .collect();
    let file = write(dir.path(), "again.jsonl", &(numbered.join("\n") + "\n"));
    let (numbers, message) = bad_lines(import_file(&mut store, &file, now()));
    assert_eq!(numbers, [1]);
    assert!(message.contains("已在数据文件中"), "{message}");
    assert_eq!(export(&store), before);
}

#[test]
fn a_repeated_number_within_the_file_is_refused_with_both_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 40);
    let line = text
        .lines()
        .find(|l| !l.contains("\"number\":null"))
        .unwrap();
    let file = write(dir.path(), "twice.jsonl", &format!("{line}\n{line}\n"));
    let mut fresh = open(dir.path(), "fresh.db");
    let (numbers, message) = bad_lines(import_file(&mut fresh, &file, now()));
    assert_eq!(numbers, [2]);
    assert!(message.contains("与第 1 行重复"), "{message}");
    assert!(cases(&fresh).is_empty());
}

/// Postpones one planned session of the demo (a month later, past any clash) and calls
/// another off with a reason: the demo draws neither.
fn postpone_and_cancel(store: &mut Store) {
    use tiaojie::domain::session::SessionStatus;
    let org = store.organisation().unwrap().unwrap();
    let planned: Vec<_> = store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .flat_map(|id| store.sessions_of_case(id).unwrap())
        .filter(|s| s.status == SessionStatus::Planned)
        .collect();
    let (first, second) = (&planned[0], &planned[1]);
    let mut later = first.fields.clone();
    later.start += chrono::Duration::days(33);
    later.end += chrono::Duration::days(33);
    store
        .postpone_session(
            org.id,
            first.id,
            first.version,
            &later,
            "当事人出差",
            &now(),
        )
        .unwrap();
    store
        .cancel_session(second.id, second.version, "当事人已自行和解", &now())
        .unwrap();
}

/// Sessions (with postponements and records), visits, agreements, clauses and items of
/// a database, counted; and each postponement as (from's start, to's start), which says
/// the link was remapped to the right new session without naming ids.
fn schedule_counts(store: &Store) -> ([usize; 6], Vec<(String, String)>) {
    let org = store.organisation().unwrap().unwrap();
    let (mut counts, mut links) = ([0; 6], Vec::new());
    for id in store.case_ids(org.id).unwrap() {
        let sessions = store.sessions_of_case(id).unwrap();
        counts[0] += sessions.len();
        for s in &sessions {
            if let Some(to) = s.postponed_to {
                let to = sessions.iter().find(|t| t.id == to).unwrap();
                assert_eq!(to.fields.case_id, id);
                links.push((s.fields.start.to_rfc3339(), to.fields.start.to_rfc3339()));
            }
            counts[5] += usize::from(!s.record.notes.is_empty() || !s.cancel_reason.is_empty());
        }
        counts[1] += store.follow_ups_of_case(id).unwrap().len();
        if let Some(a) = store.agreement_of_case(id).unwrap() {
            counts[2] += 1;
            counts[3] += a.clauses.len();
            counts[4] += a.items.len();
        }
    }
    (counts, links)
}

#[test]
fn sessions_visits_and_agreements_survive_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = demo(dir.path(), 300);
    postpone_and_cancel(&mut store);
    let first = export(&store);
    let (counts, links) = schedule_counts(&store);
    // The demo must hold every kind of thing, or the test proves nothing.
    assert!(counts.iter().all(|n| *n > 0), "{counts:?}");
    assert!(!links.is_empty(), "the demo has no postponed session");
    let file = write(dir.path(), "cases.jsonl", &first);
    let mut fresh = open(dir.path(), "fresh.db");
    assert_eq!(import_file(&mut fresh, &file, now()).unwrap().cases, 300);
    let again = export(&fresh);
    // No ids in the format: equal modulo ids is equal bytes.
    assert_eq!(again, first);
    assert_eq!(schedule_counts(&fresh), (counts, links));
    assert!(first.contains("\"sessions\":[") && first.contains("\"agreement\":{"));
    assert!(first.contains("\"postponed_to\":") && first.contains("\"follow_ups\":["));
}

#[test]
fn a_version_1_file_still_imports_and_may_not_carry_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 20);
    // The file as version 1 wrote it: the case alone.
    let v1: Vec<String> = text
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            for key in ["sessions", "follow_ups", "agreement"] {
                o.remove(key);
            }
            without_version_4(o);
            o.insert("format_version".into(), 1.into());
            v.to_string()
        })
        .collect();
    let file = write(dir.path(), "v1.jsonl", &(v1.join("\n") + "\n"));
    let mut fresh = open(dir.path(), "fresh.db");
    assert_eq!(import_file(&mut fresh, &file, now()).unwrap().cases, 20);
    assert_eq!(schedule_counts(&fresh).0, [0; 6]);
    // A version-1 line with the new fields is refused (it would have been before).
    let line = text
        .lines()
        .find(|l| l.contains("\"sessions\":["))
        .unwrap()
        .replacen("\"format_version\":4", "\"format_version\":1", 1);
    let file = write(dir.path(), "mixed.jsonl", &(line + "\n"));
    let mut empty = open(dir.path(), "empty.db");
    let (numbers, message) = bad_lines(import_file(&mut empty, &file, now()));
    assert_eq!(numbers, [1]);
    assert!(
        message.contains("format_version：格式第 1 版的行不能有"),
        "{message}"
    );
}

#[test]
fn a_postponement_to_nowhere_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = demo(dir.path(), 60);
    postpone_and_cancel(&mut store);
    let text = export(&store);
    let line = text
        .lines()
        .find(|l| l.contains("\"postponed_to\":"))
        .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
    let sessions = v["sessions"].as_array_mut().unwrap();
    let (i, s) = sessions
        .iter_mut()
        .enumerate()
        .find(|(_, s)| s.get("postponed_to").is_some())
        .unwrap();
    s["postponed_to"] = 99.into();
    let file = write(dir.path(), "bad.jsonl", &(v.to_string() + "\n"));
    let mut fresh = open(dir.path(), "fresh.db");
    let (_, message) = bad_lines(import_file(&mut fresh, &file, now()));
    let want = format!("sessions[{i}].postponed_to：应为本案 sessions 中另一场的序号");
    assert!(message.contains(&want), "{message}");
    assert_eq!(fresh.organisation().unwrap(), None);
}

/// A file of version 2 named an item's parties by name alone: it still imports, each
/// name the first party of that name, and exports as version 3 naming the same parties.
#[test]
fn a_version_2_file_still_imports_with_items_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 120);
    assert!(text.contains("\"obligor_party\":"));
    let v2: Vec<String> = text
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            without_version_4(v.as_object_mut().unwrap());
            v["format_version"] = 2.into();
            let items = v
                .get_mut("agreement")
                .and_then(|a| a.get_mut("items"))
                .and_then(|i| i.as_array_mut());
            if let Some(items) = items {
                for item in items {
                    let o = item.as_object_mut().unwrap();
                    o.remove("obligor_party");
                    o.remove("obligee_party");
                }
            }
            v.to_string()
        })
        .collect();
    let file = write(dir.path(), "v2.jsonl", &(v2.join("\n") + "\n"));
    let mut fresh = open(dir.path(), "fresh.db");
    assert_eq!(import_file(&mut fresh, &file, now()).unwrap().cases, 120);
    // The same parties, agents linked as the demo links them (to the first applicant);
    // the 职务 was not in version 2.
    assert_eq!(
        lines_without_titles(&export(&fresh)),
        lines_without_titles(&text)
    );
    assert!(text.contains("\"acts_for\":0"));

    // A version-2 line with the fields of version 3 is refused (version 2 had none).
    let line = text
        .lines()
        .find(|l| l.contains("\"obligor_party\":"))
        .unwrap()
        .replacen("\"format_version\":4", "\"format_version\":2", 1);
    let file = write(dir.path(), "mixed.jsonl", &(line + "\n"));
    let mut empty = open(dir.path(), "empty.db");
    let (numbers, message) = bad_lines(import_file(&mut empty, &file, now()));
    assert!(
        !numbers.is_empty() && numbers.iter().all(|n| *n == 1),
        "{numbers:?}"
    );
    assert!(
        message.contains("obligor_party：格式第 1、2 版的行不能有"),
        "{message}"
    );
}

/// A party taken off a case after a session invited them stays invited by name (the
/// app itself writes such files: the session keeps who was asked to come).
#[test]
fn an_invited_party_no_longer_on_the_case_is_kept_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, text) = demo(dir.path(), 60);
    let line = text
        .lines()
        .find(|l| l.contains("\"parties\":[{\"party\":"))
        .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
    let count = v["parties"].as_array().unwrap().len();
    let (_, s) = v["sessions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
        .find(|(_, s)| s.get("parties").is_some())
        .unwrap();
    s["parties"][0]["party"] = count.into();
    let name = s["parties"][0]["name"].as_str().unwrap().to_string();
    let file = write(dir.path(), "moved.jsonl", &(v.to_string() + "\n"));
    let mut fresh = open(dir.path(), "fresh.db");
    import_file(&mut fresh, &file, now()).expect("imported");
    let org = fresh.organisation().unwrap().unwrap();
    let id = fresh.case_ids(org.id).unwrap()[0];
    let invited: Vec<String> = fresh
        .sessions_of_case(id)
        .unwrap()
        .into_iter()
        .flat_map(|s| s.fields.parties.into_iter().map(|p| p.name))
        .collect();
    assert!(invited.contains(&name), "{invited:?}");
}

/// A line as an older version wrote it: no agent links, no 职务.
fn without_version_4(line: &mut serde_json::Map<String, serde_json::Value>) {
    if let Some(parties) = line.get_mut("parties").and_then(|p| p.as_array_mut()) {
        for p in parties {
            let p = p.as_object_mut().unwrap();
            p.remove("acts_for");
            p.remove("legal_rep_title");
        }
    }
}

/// Each line without the parties' 职务, to compare files across versions.
fn lines_without_titles(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if let Some(parties) = v.get_mut("parties").and_then(|p| p.as_array_mut()) {
                for p in parties {
                    p.as_object_mut().unwrap().remove("legal_rep_title");
                }
            }
            v
        })
        .collect()
}
