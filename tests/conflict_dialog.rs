//! Two connections to one file, as two people at two terminals: the second save of the
//! same case comes back to the app as both versions (the conflict dialog's input), and
//! "keep mine" then saves over the version the user was shown — nothing is lost silently.

use tiaojie::app::action::{Action, Effect};
use tiaojie::app::effects::Runner;
use tiaojie::domain::case::{CaseFields, Timestamp};
use tiaojie::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::storage::Store;

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").expect("time")
}

fn fields(facts: &str) -> CaseFields {
    let mut fields = CaseFields::blank(now().date_naive());
    fields.facts = facts.into();
    let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
    party.name = "张三".into();
    fields.parties.push(party);
    fields
}

#[test]
fn the_second_save_gets_both_versions_and_keep_mine_saves_over_the_shown_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let mut first = Store::open(&db).expect("open");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = first
        .create_organisation(&profile, "王建国", &now())
        .expect("room");
    let case = first
        .create_case(org.id, &fields("楼上漏水"), "wang", &now())
        .expect("create");
    let mut wang = Runner::new(first, "wang".into());
    let mut li = Runner::new(Store::open(&db).expect("open"), "li".into());
    for runner in [&mut wang, &mut li] {
        assert!(matches!(
            runner.run(Effect::LoadRoom, &now()),
            Action::RoomLoaded(_)
        ));
    }
    // Both opened the case at the same version; wang saves first.
    let save = |facts: &str, version| Effect::UpdateCase {
        id: case.id,
        version,
        fields: Box::new(fields(facts)),
    };
    let saved = wang.run(save("楼上漏水，已协商", case.version), &now());
    let Action::CaseSaved(saved) = saved else {
        panic!("first save: {saved:?}");
    };
    let second = li.run(save("楼上漏水，李改的", case.version), &now());
    let Action::CaseConflict { mine, theirs } = second else {
        panic!("second save: {second:?}");
    };
    assert_eq!(mine.facts, "楼上漏水，李改的");
    assert_eq!(theirs.fields.facts, "楼上漏水，已协商");
    assert_eq!(theirs.version, saved.version);
    // Nothing of li's was written.
    let stored = li.store().load_case(case.id).expect("load");
    assert_eq!(stored.fields.facts, "楼上漏水，已协商");
    // Keep mine: saved against the version shown in the dialog.
    let kept = li.run(save("楼上漏水，李改的", theirs.version), &now());
    assert!(
        matches!(&kept, Action::CaseSaved(c) if c.fields.facts == "楼上漏水，李改的"),
        "{kept:?}"
    );
}

/// Two runners (two people) on one fresh room with one case; the case and the room's
/// first mediator.
fn two_at_one_case(
    db: &std::path::Path,
) -> (
    Runner,
    Runner,
    tiaojie::domain::case::Case,
    tiaojie::domain::org::MediatorId,
) {
    let mut first = Store::open(db).expect("open");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = first
        .create_organisation(&profile, "王建国", &now())
        .expect("room");
    let mediator = first.mediators(org.id).expect("mediators")[0].id;
    let case = first
        .create_case(org.id, &fields("楼上漏水"), "wang", &now())
        .expect("create");
    let mut wang = Runner::new(first, "wang".into());
    let mut li = Runner::new(Store::open(db).expect("open"), "li".into());
    for runner in [&mut wang, &mut li] {
        assert!(matches!(
            runner.run(Effect::LoadRoom, &now()),
            Action::RoomLoaded(_)
        ));
    }
    (wang, li, case, mediator)
}

#[test]
fn a_second_agreement_save_gets_both_agreements_and_keep_mine_replaces_the_shown_one() {
    use tiaojie::domain::agreement::Agreement;
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut wang, mut li, case, _) = two_at_one_case(&dir.path().join("room.db"));
    let with = |clause: &str| {
        let mut a = Agreement::draft(&case, &["王建国".to_string()]);
        a.clauses = vec![clause.to_string()];
        Box::new(a)
    };
    let first = wang.run(Effect::SaveAgreement(with("王写的条款")), &now());
    assert!(matches!(first, Action::AgreementSaved(_)), "{first:?}");
    let second = li.run(Effect::SaveAgreement(with("李写的条款")), &now());
    let Action::AgreementConflict { mine, theirs } = second else {
        panic!("second save: {second:?}");
    };
    let theirs = theirs.expect("wang's is stored");
    assert_eq!(mine.clauses, ["李写的条款"]);
    assert_eq!(theirs.clauses, ["王写的条款"]);
    let stored = li.store().agreement_of_case(case.id).expect("read");
    assert_eq!(
        stored.expect("stored").clauses,
        ["王写的条款"],
        "nothing of li's"
    );
    let mut keep = mine.clone();
    keep.version = theirs.version;
    let kept = li.run(Effect::SaveAgreement(keep), &now());
    assert!(
        matches!(&kept, Action::AgreementSaved(a) if a.clauses == ["李写的条款"]),
        "{kept:?}"
    );
}

#[test]
fn a_status_change_over_a_change_made_meanwhile_comes_back_with_the_case_as_stored() {
    use tiaojie::domain::status::CaseStatus;
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut wang, mut li, case, mediator) = two_at_one_case(&dir.path().join("room.db"));
    let accepted = wang.run(
        Effect::ChangeStatus {
            id: case.id,
            version: case.version,
            to: CaseStatus::Accepted,
            reason: String::new(),
            mediators: vec![mediator],
        },
        &now(),
    );
    assert!(matches!(accepted, Action::CaseSaved(_)), "{accepted:?}");
    let second = li.run(
        Effect::ChangeStatus {
            id: case.id,
            version: case.version,
            to: CaseStatus::Rejected,
            reason: "不属于调解范围".into(),
            mediators: Vec::new(),
        },
        &now(),
    );
    let Action::StatusConflict { mine, theirs } = second else {
        panic!("second change: {second:?}");
    };
    assert_eq!(mine.to, CaseStatus::Rejected);
    assert_eq!(mine.reason, "不属于调解范围");
    assert_eq!(theirs.status, CaseStatus::Accepted);
    let stored = li.store().load_case(case.id).expect("load");
    assert_eq!(stored.status, CaseStatus::Accepted, "nothing of li's");
}

#[test]
fn a_second_record_of_one_session_comes_back_with_the_session_as_stored() {
    use tiaojie::domain::session::{InvitedParty, SessionFields, SessionKind, SessionRecord};
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut wang, mut li, case, mediator) = two_at_one_case(&dir.path().join("room.db"));
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
    let booked = wang.run(
        Effect::CreateSession {
            fields: Box::new(SessionFields {
                case_id: case.id,
                kind: SessionKind::Mediation,
                start: at("2026-11-27T09:00:00+08:00"),
                end: at("2026-11-27T10:00:00+08:00"),
                place: "调解室".into(),
                place_is_room: true,
                mediators: vec![mediator],
                parties: vec![InvitedParty {
                    seq: 0,
                    name: "张三".into(),
                }],
            }),
            override_reason: String::new(),
        },
        &now(),
    );
    let Action::SessionSaved(booked) = booked else {
        panic!("booking: {booked:?}");
    };
    let session = booked.session;
    let record = |notes: &str| {
        Box::new(SessionRecord {
            notes: notes.into(),
            ..SessionRecord::default()
        })
    };
    let first = wang.run(
        Effect::RecordSession {
            id: session.id,
            version: session.version,
            record: record("王记的"),
        },
        &now(),
    );
    assert!(matches!(first, Action::SessionRecorded(_)), "{first:?}");
    let second = li.run(
        Effect::RecordSession {
            id: session.id,
            version: session.version,
            record: record("李记的"),
        },
        &now(),
    );
    let Action::RecordConflict { mine, theirs } = second else {
        panic!("second record: {second:?}");
    };
    assert_eq!(mine.notes, "李记的");
    assert_eq!(theirs.record.notes, "王记的");
    let kept = li.run(
        Effect::RecordSession {
            id: session.id,
            version: theirs.version,
            record: mine,
        },
        &now(),
    );
    assert!(
        matches!(&kept, Action::SessionRecorded(s) if s.record.notes == "李记的"),
        "{kept:?}"
    );
}

/// Runs `action` through the app and every effect it asks for through `runner`, as the
/// event loop does; returns the effects asked for.
fn drive(state: &mut tiaojie::app::AppState, runner: &mut Runner, action: Action) -> Vec<Effect> {
    let mut seen = Vec::new();
    let mut queue = vec![action];
    while let Some(next) = queue.pop() {
        for effect in tiaojie::app::update(state, next) {
            queue.push(runner.run(effect.clone(), &now()));
            seen.push(effect);
        }
    }
    seen
}

/// Issue 14: "用我的覆盖" undid the other person's change to a field this user had not
/// touched. Now li's form merges wang's save (a field li left alone) without asking,
/// and both changes are stored.
#[test]
fn a_save_over_a_change_to_another_field_keeps_both_without_asking() {
    use tiaojie::app::key::{Key, KeyCode};
    use tiaojie::app::{AppState, CasesView, Tab};
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut wang, mut li, case, _) = two_at_one_case(&dir.path().join("room.db"));
    tiaojie::i18n::set_lang(tiaojie::i18n::Lang::Zh);
    let mut app = AppState::new(
        now().date_naive(),
        tiaojie::i18n::Lang::Zh,
        tiaojie::ui::screen(80, 24),
    );
    let room = li.run(Effect::LoadRoom, &now());
    drive(&mut app, &mut li, room);
    app.tab = Tab::Cases;
    let opened = li.run(Effect::LoadCase(case.id), &now());
    drive(&mut app, &mut li, opened);
    drive(&mut app, &mut li, Action::Key(Key::char('e')));
    let CasesView::Form(form) = &mut app.cases else {
        panic!("no form: {:?}", app.cases);
    };
    form.form.set_text("facts", "楼上漏水，李改的");
    // Meanwhile wang adds the claims.
    let mut theirs = case.fields.clone();
    theirs.claims = "赔偿五百元".into();
    let saved = wang.run(
        Effect::UpdateCase {
            id: case.id,
            version: case.version,
            fields: Box::new(theirs),
        },
        &now(),
    );
    assert!(matches!(saved, Action::CaseSaved(_)), "{saved:?}");
    drive(&mut app, &mut li, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(app.modals.is_empty(), "nothing to ask: {:?}", app.modals);
    let stored = li.store().load_case(case.id).expect("load");
    assert_eq!(stored.fields.facts, "楼上漏水，李改的");
    assert_eq!(stored.fields.claims, "赔偿五百元");
    assert_eq!(stored.fields.parties.len(), 1);
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("别人"), "{status}");
}
